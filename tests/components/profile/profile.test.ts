// <jxjy-profile> (人员基本信息): zh/en with axe, the profile from GET /me (ID number masked until asked, birth date
// prefilled from the ID number), the whole profile PUT with cleared fields, the inline birth-date check, server
// details (422 birthDate, 400 fields) on their fields, and no request without a token until one arrives.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/profile/profile.js';
import type { JxjyProfile } from '../../../components/profile/profile.component.js';
import type { Profile } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const ME = 'GET /api/v1/me';
const PUT = 'PUT /api/v1/me/profile';
const ID_NUMBER = '11010519491231002X';
const profile = (over: Partial<Profile> = {}): Profile => ({ personId: 'per-1', name: '张三', idNumber: ID_NUMBER, ...over });
const me = (p: Profile | null = profile()) =>
  json(200, { accountId: 'acc-1', username: 'zhang_san', role: 'person', subjectId: 'per-1', name: '张三', mustChangePassword: false, ...(p ? { profile: p } : {}) });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyProfile>(html`<jxjy-profile lang=${lang} .token=${'person-jwt'}></jxjy-profile>`);
  await waitUntil(() => stub!.to(ME).length > 0, 'GET /me asked');
  return el;
}
const loaded = async (el: JxjyProfile) => waitUntil(() => el.shadowRoot!.querySelector('form'), 'form shown');
const value = (el: JxjyProfile, id: string) => $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`).value;
const error = (el: JxjyProfile, field: string) => el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim();
async function submit(el: JxjyProfile) {
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}
function change(el: JxjyProfile, id: string, v: string) {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  input.value = v;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('jxjy-profile', () => {
  it('shows the masked ID number and the saved profile in zh-CN, prefilling the birth date from the ID number; passes axe', async () => {
    const el = await render({ [ME]: [me(profile({ gender: 'female', education: 'master', title: '工程师' }))] });
    await loaded(el);
    expect(stub!.to(ME)[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(text(el, '.facts')).to.contain('zhang_san');
    expect(text(el, '[data-testid=id-number]')).to.equal('1101**********002X');
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['基本信息', '职称与专业', '联系方式']);
    expect(text(el, 'label[for=title]')).to.equal('职称');
    expect(text(el, 'label[for=specialty]')).to.equal('专业');
    expect(value(el, 'name')).to.equal('张三');
    expect(value(el, 'gender')).to.equal('female');
    expect(value(el, 'education')).to.equal('master');
    expect(value(el, 'title')).to.equal('工程师');
    expect(value(el, 'birthDate')).to.equal('1949-12-31');
    expect(text(el, '#birthDate-hint')).to.equal('须与身份证号中的出生日期（1949-12-31）一致');
    expect($(el, '#name').hasAttribute('required')).to.equal(true);
    expect($(el, '#email').hasAttribute('required')).to.equal(false);
    expect(text(el, 'button[type=submit]')).to.equal('保存');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render({ [ME]: [me()] }, 'en');
    await loaded(el);
    expect(text(el, 'label[for=specialty]')).to.equal('Specialty');
    expect(text(el, 'label[for=education]')).to.equal('Education');
    expect([...$<HTMLSelectElement>(el, '#education').options].map((o) => o.textContent!.trim())).to.include('Bachelor’s degree');
    expect(text(el, 'button[type=submit]')).to.equal('Save');
    await expect(el).to.be.accessible();
  });

  it('shows the whole ID number to its owner on request', async () => {
    const el = await render({ [ME]: [me()] });
    await loaded(el);
    const toggle = $(el, '.facts button');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(text(el, '[data-testid=id-number]')).to.equal(ID_NUMBER);
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('saves the whole profile (an emptied field sent empty, so it is cleared), emits jxjy-profile-saved and says so', async () => {
    const saved = { ...profile({ gender: 'male', birthDate: '1949-12-31', education: 'bachelor', specialty: '土木工程', email: 'zs@example.cn' }), position: '7' };
    const el = await render({ [ME]: [me(profile({ title: '工程师', phone: '13800138000' }))], [PUT]: [json(200, saved)] });
    await loaded(el);
    fill(el, { name: ' 张三 ', title: '', specialty: '土木工程', phone: '', email: 'zs@example.cn' });
    change(el, 'gender', 'male');
    change(el, 'education', 'bachelor');
    setTimeout(() => void submit(el));
    const event = await oneEvent(el, 'jxjy-profile-saved');
    expect(event.detail).to.deep.equal({ personId: 'per-1' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(stub!.to(PUT)[0]!.body).to.deep.equal({
      name: '张三',
      gender: 'male',
      birthDate: '1949-12-31',
      education: 'bachelor',
      title: '',
      specialty: '土木工程',
      phone: '',
      email: 'zs@example.cn',
    });
    await waitUntil(() => text(el, '.status.success') === '基本信息已保存。', 'saved message');
    expect(el.shadowRoot!.querySelector('.summary')!.hasAttribute('hidden')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('checks the birth date against the ID number as soon as it changes, and refuses to send a mismatch', async () => {
    const el = await render({ [ME]: [me()] });
    await loaded(el);
    change(el, 'birthDate', '1950-01-01');
    await el.updateComplete;
    expect(error(el, 'birthDate')).to.equal('出生日期与身份证号不一致，身份证号中的出生日期为 1949-12-31');
    expect($(el, '#birthDate').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#birthDate').getAttribute('aria-describedby')).to.equal('birthDate-hint birthDate-error');
    await submit(el);
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
    expect(stub!.to(PUT)).to.have.length(0);
    change(el, 'birthDate', '1949-12-31');
    await el.updateComplete;
    expect(error(el, 'birthDate')).to.equal(undefined);
  });

  it('refuses a bad name, title and phone before calling the API', async () => {
    const el = await render({ [ME]: [me()] }, 'en');
    await loaded(el);
    fill(el, { name: '张', title: '工程师\u202E', phone: '12345' });
    await submit(el);
    expect(error(el, 'name')).to.equal('Full name must be 2–50 characters');
    expect(error(el, 'title')).to.contain('must not contain control characters');
    expect(error(el, 'phone')).to.contain('Mobile phone must be');
    expect(stub!.to(PUT)).to.have.length(0);
  });

  it('puts a 422 birthDate detail on the birth date field', async () => {
    const message = '出生日期与身份证号不一致';
    const el = await render({
      [ME]: [me(profile({ idNumber: '110105194912310021' }))],
      [PUT]: [json(422, { statusCode: 422, error: 'Unprocessable Entity', message, details: [{ field: 'birthDate', message }] })],
    });
    await loaded(el);
    await submit(el);
    await waitUntil(() => error(el, 'birthDate') === message, 'server detail on the field');
    expect(text(el, '.summary')).to.contain(message);
    await expect(el).to.be.accessible();
  });

  it('puts 400 details on their fields (title, email) in English', async () => {
    const el = await render({
      [ME]: [me()],
      [PUT]: [
        json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid request',
          details: [
            { field: 'title', message: 'Professional title must be at most 50 characters' },
            { field: 'email', message: 'Email must be a valid email' },
          ],
        }),
      ],
    }, 'en');
    await loaded(el);
    fill(el, { email: 'not-an-email' });
    await submit(el);
    await waitUntil(() => error(el, 'email'), 'email detail');
    expect(error(el, 'title')).to.equal('Professional title must be at most 50 characters');
    expect(error(el, 'email')).to.equal('Email must be a valid email');
  });

  it('says the page is for professionals when the account has no profile', async () => {
    const el = await render({ [ME]: [me(null)] });
    await waitUntil(() => text(el, '.status') === '基本信息维护仅适用于专业技术人员账号。', 'not a person');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    stub = stubFetch({ [ME]: [me()] });
    const el = await fixture<JxjyProfile>(html`<jxjy-profile></jxjy-profile>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await loaded(el);
    expect(stub.to(ME)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });

  it('shows a load error with a retry', async () => {
    const el = await render({
      [ME]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用' }), me()],
    });
    await waitUntil(() => el.shadowRoot!.querySelector('.load-error'), 'load error');
    expect(text(el, '.load-error p')).to.equal('服务暂不可用');
    $(el, '.load-error button').click();
    await loaded(el);
  });
});
