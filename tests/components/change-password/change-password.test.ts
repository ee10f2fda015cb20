// <jxjy-change-password>: zh/en, the shared password policy before any request, the restricted token in the
// PUT, the new session in the event, the server's field details next to the fields, and sign-in needed without a token.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/change-password/change-password.js';
import type { JxjyChangePassword } from '../../../components/change-password/change-password.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const ROUTE = 'PUT /api/v1/accounts/me/password';
const SESSION = { accessToken: 'full-jwt', expiresIn: 900, mustChangePassword: false, role: 'unit', subjectId: 'acc-2', orgId: 'org-1' };
let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(replies: Response[] = [], lang = 'zh-CN') {
  stub = stubFetch({ [ROUTE]: replies });
  const el = await fixture<JxjyChangePassword>(
    html`<jxjy-change-password lang=${lang} first-login .token=${'restricted-jwt'}></jxjy-change-password>`,
  );
  return el;
}

async function submit(el: JxjyChangePassword, currentPassword: string, newPassword: string, confirmPassword = newPassword) {
  fill(el, { currentPassword, newPassword, confirmPassword });
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

describe('jxjy-change-password', () => {
  it('renders the first-login notice and labelled password fields in zh-CN, and passes axe', async () => {
    const el = await render();
    expect(text(el, '.notice')).to.contain('首次登录须修改密码');
    expect(text(el, 'label[for=currentPassword]')).to.equal('当前密码');
    expect(text(el, 'label[for=newPassword]')).to.equal('新密码');
    expect(text(el, 'label[for=confirmPassword]')).to.equal('确认新密码');
    expect($(el, '#newPassword').getAttribute('autocomplete')).to.equal('new-password');
    expect($(el, '#newPassword').getAttribute('aria-describedby')).to.equal('newPassword-hint');
    await expect(el).to.be.accessible();
  });

  it('renders in English', async () => {
    const el = await render([], 'en');
    expect(text(el, 'label[for=newPassword]')).to.equal('New password');
    expect(text(el, 'button[type=submit]')).to.equal('Change password');
    await expect(el).to.be.accessible();
  });

  const cases: [string, string, string, string, string][] = [
    ['too short', 'Old12345', 'abc123', 'abc123', '密码至少 8 位'],
    ['no digits', 'Old12345', 'abcdefghij', 'abcdefghij', '密码须同时包含字母和数字'],
    ['no letters', 'Old12345', '1234567890', '1234567890', '密码须同时包含字母和数字'],
    ['same as current', 'Same12345', 'Same12345', 'Same12345', '新密码不能与当前密码相同'],
    ['on the common-password list', 'Old12345', 'Password1', 'Password1', '该密码过于常见，请换一个'],
  ];
  for (const [name, current, next, confirm, message] of cases) {
    it(`refuses a new password that is ${name} without calling the API`, async () => {
      const el = await render();
      await submit(el, current, next, confirm);
      expect(text(el, '#newPassword-error')).to.equal(message);
      expect($(el, '#newPassword').getAttribute('aria-invalid')).to.equal('true');
      expect(focused(el, $(el, '.summary'))).to.equal(true);
      expect(stub!.calls).to.have.length(0);
    });
  }

  it('refuses a confirmation that does not match, and empty fields', async () => {
    const el = await render();
    await submit(el, '', 'Newpass123', 'Newpass124');
    expect(text(el, '#confirmPassword-error')).to.equal('两次输入的密码不一致');
    expect(text(el, '#currentPassword-error')).to.equal('请输入当前密码');
    expect(stub!.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends the restricted token and emits the new full session', async () => {
    const el = await render([json(200, SESSION)]);
    setTimeout(() => submit(el, 'Old12345', 'Newpass123'));
    const event = await oneEvent(el, 'jxjy-password-changed');
    expect(event.detail).to.deep.equal(SESSION);
    const [call] = stub!.to(ROUTE);
    expect(call!.headers.get('Authorization')).to.equal('Bearer restricted-jwt');
    expect(call!.body).to.deep.equal({ currentPassword: 'Old12345', newPassword: 'Newpass123' });
    await el.updateComplete;
    expect(text(el, '[role=status]')).to.equal('密码已修改');
    expect($<HTMLInputElement>(el, '#newPassword').value).to.equal('');
  });

  it('shows the server field details next to the fields', async () => {
    const el = await render([
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '密码不符合要求',
        details: [
          { field: 'currentPassword', message: '当前密码不正确' },
          { field: 'newPassword', message: '密码过于常见' },
        ],
      }),
    ]);
    await submit(el, 'Wrong1234', 'Changed123');
    await waitUntil(() => !$(el, '.summary').hidden, 'summary shown');
    expect(text(el, '#currentPassword-error')).to.equal('当前密码不正确');
    expect(text(el, '#newPassword-error')).to.equal('密码过于常见');
    expect(text(el, '.summary')).to.contain('密码不符合要求');
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
  });

  it('without a token shows that sign-in is needed (zh and en, axe), and shows the form once the token arrives', async () => {
    stub = stubFetch({});
    const el = await fixture<JxjyChangePassword>(html`<jxjy-change-password></jxjy-change-password>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    expect($(el, '.sign-in-needed').getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await waitUntil(() => text(el, '.sign-in-needed') === 'Please sign in to use this.', 'English notice');
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form once signed in');
    expect(stub.calls).to.have.length(0);
  });
});
