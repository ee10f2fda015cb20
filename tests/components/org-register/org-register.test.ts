// <jxjy-org-register>: zh/en, kind radios in a fieldset, client-side checks mirroring the server (USCC checksum,
// region code and the Guangdong rule in the server's words, password rules), the POST body, the success panel and
// event, and server details with a new captcha.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/org-register/org-register.js';
import type { JxjyOrgRegister } from '../../../components/org-register/org-register.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, captchaRoute, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const ROUTE = 'POST /api/v1/orgs';
const VALID = {
  name: '广州示例科技有限公司',
  uscc: '91440101ma59abcd0a',
  regionCode: '440100',
  contactName: '张三',
  contactPhone: '020-12345678',
  reviewerUsername: 'gz_reviewer',
  reviewerPassword: 'Review1234',
  reviewerPasswordConfirm: 'Review1234',
  captchaAnswer: 'x7k2',
};
let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(replies: Response[] = [], lang = 'zh-CN') {
  stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute(), [ROUTE]: replies });
  const el = await fixture<JxjyOrgRegister>(html`<jxjy-org-register lang=${lang}></jxjy-org-register>`);
  await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-1"]'), 'captcha shown');
  return el;
}

async function submit(el: JxjyOrgRegister, values: Record<string, string>) {
  fill(el, values);
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

describe('jxjy-org-register', () => {
  it('renders the kind radios in a fieldset with a legend and every labelled field in zh-CN; passes axe', async () => {
    const el = await render();
    expect(text(el, 'fieldset.kind legend')).to.equal('注册类型');
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset.kind input[type=radio]');
    expect([...radios].map((r) => [r.value, r.checked])).to.deep.equal([['unit', true], ['institution', false]]);
    expect(text(el, 'label[for=uscc]')).to.equal('统一社会信用代码');
    expect(text(el, 'label[for=regionCode]')).to.equal('行政区划代码');
    expect(text(el, 'label[for=reviewerUsername]')).to.equal('审核人用户名');
    expect(text(el, 'label[for=captchaAnswer]')).to.equal('验证码');
    expect(text(el, '.refresh')).to.equal('换一张');
    await expect(el).to.be.accessible();
  });

  it('renders in English and names the institution field after the chosen kind', async () => {
    const el = await render([], 'en');
    expect(text(el, 'label[for=name]')).to.equal('Unit name');
    $<HTMLInputElement>(el, 'input[value=institution]').click();
    await el.updateComplete;
    expect(text(el, 'label[for=name]')).to.equal('Institution name');
    expect(text(el, 'button[type=submit]')).to.equal('Submit registration');
    await expect(el).to.be.accessible();
  });

  it('checks the USCC checksum, region code, phone, username and passwords before calling the API', async () => {
    const el = await render();
    await submit(el, {
      ...VALID,
      uscc: '91440101MA59ABCD0B',
      regionCode: '44010',
      contactPhone: 'none',
      reviewerUsername: 'ab',
      reviewerPassword: 'onlyletters',
      reviewerPasswordConfirm: 'different1',
    });
    expect(text(el, '#uscc-error')).to.equal('统一社会信用代码校验位不正确，请核对');
    expect(text(el, '#regionCode-error')).to.equal('行政区划代码应为 6 位数字');
    expect(text(el, '#contactPhone-error')).to.equal('联系电话应为 11 位手机号或固定电话（如 020-12345678）');
    expect(text(el, '#reviewerUsername-error')).to.contain('4–32');
    expect(text(el, '#reviewerPassword-error')).to.equal('密码须同时包含字母和数字');
    expect(text(el, '#reviewerUsername-error')).to.equal('用户名应为 4–32 位');
    expect(text(el, '#reviewerPasswordConfirm-error')).to.equal('两次输入的密码不一致');
    expect($(el, '#uscc').getAttribute('aria-describedby')).to.equal('uscc-hint uscc-error');
    expect(focused(el, $(el, '.summary'))).to.equal(true);
    expect(stub!.to(ROUTE)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses a region outside Guangdong before calling the API, in the server’s words; passes axe', async () => {
    const el = await render();
    await submit(el, { ...VALID, regionCode: '450100' });
    expect(text(el, '#regionCode-error')).to.equal('「行政区划代码」必须是广东省内的代码（以 44 开头，如 440100 广州市、440000 全省）');
    expect($(el, '#regionCode').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '.summary')).to.contain('广东省内');
    expect(stub!.to(ROUTE)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says the same in English, and sends the form once the region is corrected', async () => {
    const el = await render([json(201, { orgId: 'org-9', status: 'pending' })], 'en');
    await submit(el, { ...VALID, regionCode: '110000' });
    expect(text(el, '#regionCode-error')).to.equal('Region code must be a Guangdong code (starting with 44, e.g. 440100 Guangzhou or 440000 the whole province)');
    expect(stub!.to(ROUTE)).to.have.length(0);
    await expect(el).to.be.accessible();
    setTimeout(() => submit(el, { regionCode: '440000' }));
    await oneEvent(el, 'jxjy-org-registered');
    expect(stub!.to(ROUTE)[0]!.body).to.deep.include({ regionCode: '440000' });
  });

  it('refuses one-character names and names with control or bidi characters, as the server does', async () => {
    const el = await render([], 'en');
    await submit(el, { ...VALID, name: '广', contactName: '张\u202E三', reviewerPassword: 'Password1', reviewerPasswordConfirm: 'Password1' });
    expect(text(el, '#name-error')).to.equal('Unit name must be 2–100 characters');
    expect(text(el, '#contactName-error')).to.contain('text-direction overrides');
    expect(text(el, '#reviewerPassword-error')).to.equal('This password is too common; choose another');
    await submit(el, { ...VALID, contactName: '张' });
    expect(text(el, '#contactName-error')).to.equal('Contact name must be 2–50 characters');
    expect(el.shadowRoot!.querySelector('#name-error')).to.equal(null);
    expect(stub!.to(ROUTE)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('submits the registration, shows the success panel and emits jxjy-org-registered', async () => {
    const el = await render([json(201, { orgId: 'org-123', status: 'pending' })]);
    $<HTMLInputElement>(el, 'input[value=institution]').click();
    setTimeout(() => submit(el, VALID));
    const event = await oneEvent(el, 'jxjy-org-registered');
    expect(event.detail).to.deep.equal({ orgId: 'org-123', status: 'pending' });
    const [call] = stub!.to(ROUTE);
    expect(call!.body).to.deep.equal({
      kind: 'institution',
      name: VALID.name,
      uscc: '91440101MA59ABCD0A',
      regionCode: '440100',
      contactName: '张三',
      contactPhone: '020-12345678',
      reviewerUsername: 'gz_reviewer',
      reviewerPassword: 'Review1234',
      captchaId: 'cap-1',
      captchaAnswer: 'x7k2',
    });
    await waitUntil(() => el.shadowRoot!.querySelector('.success'), 'success panel');
    const panel = $(el, '.success');
    expect(text(el, '.success h3')).to.equal('已提交，等待人社部门审核');
    expect(text(el, '.success p')).to.contain('org-123').and.contain('gz_reviewer');
    await waitUntil(() => focused(el, panel), 'success panel focused');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '.success button').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'login' });
  });

  it('shows server details (username taken, bad region) next to the fields and loads a new captcha', async () => {
    const el = await render([
      json(409, {
        statusCode: 409,
        error: 'Conflict',
        message: '注册信息有冲突',
        details: [
          { field: 'reviewerUsername', message: '用户名已被占用' },
          { field: 'regionCode', message: '行政区划代码不存在' },
        ],
      }),
    ]);
    await submit(el, VALID);
    await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id="cap-2"]'), 'new captcha');
    await el.updateComplete;
    expect(text(el, '#reviewerUsername-error')).to.equal('用户名已被占用');
    expect(text(el, '#regionCode-error')).to.equal('行政区划代码不存在');
    expect(text(el, '.summary')).to.contain('注册信息有冲突');
    expect($<HTMLInputElement>(el, '#captchaAnswer').value).to.equal('');
    expect($<HTMLInputElement>(el, '#name').value).to.equal(VALID.name);
  });
});
