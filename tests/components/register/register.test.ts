// <jxjy-register> (个人注册): zh/en with axe, checks that are the server's own (身份证号 format, birth date and check
// character; the password policy with its common list and "not the username"; 2–50 character names without control,
// invisible or bidi characters; the phone pattern), the POST body, the success panel and event, and server details
// landing on the right fields with a fresh captcha.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/register/register.js';
import type { JxjyRegister } from '../../../components/register/register.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, captchaRoute, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const ROUTE = 'POST /api/v1/accounts';
const VALID = {
  name: '张三',
  idNumber: '11010519491231002x',
  phone: '',
  username: 'zhang_san',
  password: 'Wq7-lantern-42',
  passwordConfirm: 'Wq7-lantern-42',
  captchaAnswer: 'x7k2',
};
const REGISTERED = { accountId: 'acc-1', personId: 'per-1', username: 'zhang_san', position: '42' };
let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(replies: Response[] = [], lang = 'zh-CN') {
  stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute(), [ROUTE]: replies });
  const el = await fixture<JxjyRegister>(html`<jxjy-register lang=${lang}></jxjy-register>`);
  await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-1"]'), 'captcha shown');
  return el;
}

async function submit(el: JxjyRegister, values: Record<string, string>) {
  fill(el, values);
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

const error = (el: JxjyRegister, field: string) => el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim();

describe('jxjy-register', () => {
  it('renders labelled fields in two fieldsets, the optional phone and the captcha in zh-CN; passes axe', async () => {
    const el = await render();
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['个人信息', '账号信息']);
    expect(text(el, 'label[for=name]')).to.equal('姓名');
    expect(text(el, 'label[for=idNumber]')).to.equal('身份证号');
    expect(text(el, 'label[for=passwordConfirm]')).to.equal('确认密码');
    expect($(el, '#phone').hasAttribute('required')).to.equal(false);
    expect($(el, '#name').hasAttribute('required')).to.equal(true);
    expect($(el, '#name').getAttribute('maxlength')).to.equal('50');
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('new-password');
    expect(text(el, '#password-hint')).to.contain('常见密码');
    expect(text(el, '.refresh')).to.equal('换一张');
    expect(text(el, 'button[type=submit]')).to.equal('注册');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render([], 'en');
    expect(text(el, 'label[for=name]')).to.equal('Full name');
    expect(text(el, 'label[for=idNumber]')).to.equal('ID number');
    expect(text(el, 'button[type=submit]')).to.equal('Register');
    await expect(el).to.be.accessible();
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ['an ID number with a wrong check character', { idNumber: '110105194912310021' }, 'idNumber', '身份证号校验位不正确，请核对'],
    ['an ID number whose birth date does not exist', { idNumber: '110105194902300021' }, 'idNumber', '身份证号中的出生日期无效，请核对'],
    ['an ID number of the wrong shape', { idNumber: '11010519491231' }, 'idNumber', '身份证号应为 18 位：前 17 位为数字，末位为数字或 X'],
    ['a common password', { password: 'Password1', passwordConfirm: 'Password1' }, 'password', '该密码过于常见，请换一个'],
    ['a password equal to the username', { username: 'Zhang2024', password: 'zhang2024', passwordConfirm: 'zhang2024' }, 'password', '密码不能与用户名相同'],
    ['a repeated password that differs', { passwordConfirm: 'Wq7-lantern-43' }, 'passwordConfirm', '两次输入的密码不一致'],
    ['a one-character name', { name: '张' }, 'name', '姓名应为 2–50 个字符'],
    ['a name with a NUL character', { name: '张\u0000三' }, 'name', '姓名不能包含控制字符、不可见字符或文字方向控制符'],
    ['a name with a bidi override', { name: '张\u202E三' }, 'name', '姓名不能包含控制字符、不可见字符或文字方向控制符'],
    ['a phone the server refuses', { phone: '+86 138 0013 8000' }, 'phone', '手机号码应为 11 位手机号或固定电话（如 020-12345678）'],
    ['a username with a space', { username: 'zhang san' }, 'username', '用户名只能包含字母、数字及 _ . -'],
  ];
  for (const [what, change, field, message] of refusals) {
    it(`refuses ${what} before calling the API, as the server would`, async () => {
      const el = await render();
      await submit(el, { ...VALID, ...change });
      expect(error(el, field)).to.equal(message);
      expect($(el, `#${field}`).getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '.summary')).to.contain('提交失败，请修正以下问题');
      expect(focused(el, $(el, '.summary'))).to.equal(true);
      expect(stub!.to(ROUTE)).to.have.length(0);
    });
  }

  it('names every missing required field in the summary (en), but not the optional phone; passes axe', async () => {
    const el = await render([], 'en');
    await submit(el, { name: '', idNumber: '', phone: '', username: '', password: '', passwordConfirm: '', captchaAnswer: '' });
    expect(error(el, 'name')).to.equal('Enter Full name');
    expect(error(el, 'idNumber')).to.equal('Enter ID number');
    expect(error(el, 'phone')).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('.summary li')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('registers: posts the normalized values without an empty phone, emits jxjy-person-registered, shows the success panel', async () => {
    const el = await render([json(201, REGISTERED)]);
    setTimeout(() => void submit(el, VALID));
    const event = await oneEvent(el, 'jxjy-person-registered');
    expect(event.detail).to.deep.equal({ accountId: 'acc-1', personId: 'per-1', username: 'zhang_san' });
    expect(event.bubbles && event.composed).to.equal(true);
    const [call] = stub!.to(ROUTE);
    expect(call!.body).to.deep.equal({
      username: 'zhang_san',
      password: 'Wq7-lantern-42',
      name: '张三',
      idNumber: '11010519491231002X',
      captchaId: 'cap-1',
      captchaAnswer: 'x7k2',
    });
    expect(call!.headers.has('Authorization')).to.equal(false);
    await waitUntil(() => el.shadowRoot!.querySelector('.success'), 'success panel');
    expect(text(el, '.success h3')).to.equal('注册成功');
    expect(text(el, '.success p')).to.contain('zhang_san');
    await waitUntil(() => focused(el, $(el, '.success')), 'success panel focused');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '.success button').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'login' });
  });

  it('sends a phone when one is given', async () => {
    const el = await render([json(201, REGISTERED)]);
    setTimeout(() => void submit(el, { ...VALID, phone: '13800138000' }));
    await oneEvent(el, 'jxjy-person-registered');
    expect((stub!.to(ROUTE)[0]!.body as Record<string, unknown>)['phone']).to.equal('13800138000');
  });

  it('tries again after a 503 under the same Idempotency-Key with a new captcha, and a new key for other content', async () => {
    const unavailable = json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用，请稍后重试' });
    const el = await render([unavailable, json(201, REGISTERED)]);
    await submit(el, VALID);
    await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-2"]'), 'new captcha after the 503');
    setTimeout(() => void submit(el, VALID));
    await oneEvent(el, 'jxjy-person-registered');
    const [first, second] = stub!.to(ROUTE);
    const key = first!.headers.get('Idempotency-Key');
    expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second!.headers.get('Idempotency-Key')).to.equal(key);
    expect(second!.body).to.include({ captchaId: 'cap-2' });
  });

  it('sends another Idempotency-Key when the content changed between two tries', async () => {
    const unavailable = json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用，请稍后重试' });
    const el = await render([unavailable, json(201, REGISTERED)]);
    await submit(el, VALID);
    await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-2"]'), 'new captcha after the 503');
    setTimeout(() => void submit(el, { ...VALID, username: 'zhang_san2' }));
    await oneEvent(el, 'jxjy-person-registered');
    const [first, second] = stub!.to(ROUTE);
    expect(second!.headers.get('Idempotency-Key')).to.not.equal(first!.headers.get('Idempotency-Key'));
  });

  it('shows a taken username or ID number (409 details) at its field, and loads a new captcha', async () => {
    const taken = (field: string, message: string) =>
      json(409, { statusCode: 409, error: 'Conflict', message, details: [{ field, message }] });
    const el = await render([taken('username', '用户名已被使用'), taken('idNumber', '该身份证号已注册')]);
    await submit(el, VALID);
    await waitUntil(() => error(el, 'username') === '用户名已被使用', 'username taken');
    await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-2"]'), 'new captcha');
    expect($<HTMLInputElement>(el, '#captchaAnswer').value).to.equal('');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('张三');
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
    await submit(el, VALID);
    await waitUntil(() => error(el, 'idNumber') === '该身份证号已注册', 'ID number taken');
    expect(error(el, 'username')).to.equal(undefined);
    expect(stub!.to(ROUTE)[1]!.body).to.include({ captchaId: 'cap-2' });
  });

  it('puts 400 details on their fields (captchaId at the answer) and the rest in the summary', async () => {
    const el = await render([
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request',
        details: [
          { field: 'name', message: 'Full name must not contain control characters' },
          { field: 'captchaId', message: 'The verification code is wrong or has expired' },
          { field: 'somethingElse', message: 'Not allowed' },
        ],
      }),
    ], 'en');
    await submit(el, VALID);
    await waitUntil(() => error(el, 'name'), 'name detail');
    expect(error(el, 'name')).to.equal('Full name must not contain control characters');
    expect(error(el, 'captchaAnswer')).to.equal('The verification code is wrong or has expired');
    expect(text(el, '.summary')).to.contain('Invalid request').and.contain('Not allowed');
    await expect(el).to.be.accessible();
  });
});
