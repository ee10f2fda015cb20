// <jxjy-login>: renders in zh and en, posts the captcha with the credentials, emits the session, shows field
// details, 401, 429 lockout and network errors, and always fetches a fresh captcha after a failure.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/login/login.js';
import type { JxjyLogin } from '../../../components/login/login.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, captchaRoute, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const SESSION = { accessToken: 'jwt-1', expiresIn: 900, mustChangePassword: true, role: 'admin', subjectId: 'acc-1' };
let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(lang?: string, sessions: Parameters<typeof stubFetch>[0][string] = []) {
  stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute(), 'POST /api/v1/sessions': sessions });
  const el = await fixture<JxjyLogin>(
    lang ? html`<jxjy-login lang=${lang}></jxjy-login>` : html`<jxjy-login></jxjy-login>`,
  );
  await captchaShown(el, 'cap-1');
  return el;
}

async function captchaShown(el: JxjyLogin, id: string) {
  await waitUntil(() => el.shadowRoot!.querySelector(`img[data-captcha-id="${id}"]`), `captcha ${id} shown`);
}

async function submit(el: JxjyLogin, values = { username: 'admin', password: 'secret123', captchaAnswer: 'ab12' }) {
  fill(el, values);
  $(el, 'button[type=submit]').click();
}

async function failedSubmit(el: JxjyLogin) {
  await submit(el);
  await captchaShown(el, 'cap-2');
  await el.updateComplete;
}

describe('jxjy-login', () => {
  it('renders labelled fields, the captcha and its refresh button in zh-CN, and passes axe', async () => {
    const el = await render();
    expect(text(el, 'label[for=username]')).to.equal('用户名');
    expect(text(el, 'label[for=password]')).to.equal('密码');
    expect(text(el, 'label[for=captchaAnswer]')).to.equal('验证码');
    expect($(el, 'img').getAttribute('alt')).to.equal('验证码图片');
    expect($<HTMLImageElement>(el, 'img').src).to.match(/^data:image\/svg\+xml/);
    expect(text(el, '.refresh')).to.equal('换一张');
    expect(text(el, 'button[type=submit]')).to.equal('登录');
    expect(text(el, '.links')).to.contain('个人注册').and.contain('单位注册');
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
    await expect(el).to.be.accessible();
  });

  it('renders in English with lang="en", and passes axe', async () => {
    const el = await render('en');
    expect(text(el, 'label[for=username]')).to.equal('Username');
    expect(text(el, '.refresh')).to.equal('Refresh');
    expect(text(el, 'button[type=submit]')).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('posts the credentials with the shown captcha and emits the session without storing it', async () => {
    const el = await render(undefined, [json(200, { ...SESSION, orgId: 'org-9', extra: 'dropped' })]);
    const storage = [localStorage.length, sessionStorage.length];
    setTimeout(() => submit(el));
    const event = await oneEvent(el, 'jxjy-login-succeeded');
    expect(event.detail).to.deep.equal({ ...SESSION, orgId: 'org-9' });
    expect(event.bubbles && event.composed).to.equal(true);
    const [call] = stub!.to('POST /api/v1/sessions');
    expect(call!.body).to.deep.equal({ username: 'admin', password: 'secret123', captchaId: 'cap-1', captchaAnswer: 'ab12' });
    expect(call!.headers.has('Authorization')).to.equal(false);
    expect(call!.headers.get('Accept-Language')).to.equal('zh-CN');
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(storage);
    expect(el.token).to.equal(undefined);
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
  });

  it('checks required fields before calling the API and focuses the error summary', async () => {
    const el = await render();
    await submit(el, { username: '', password: '', captchaAnswer: '' });
    await el.updateComplete;
    const summary = $(el, '.summary');
    expect(summary.hidden).to.equal(false);
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(focused(el, summary), 'summary focused').to.equal(true);
    expect(text(el, '#username-error')).to.equal('请输入用户名');
    expect($(el, '#username').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#username').getAttribute('aria-describedby')).to.equal('username-error');
    expect(stub!.to('POST /api/v1/sessions')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an expired captcha (details name captchaId) at the answer field, clears it and loads a new captcha', async () => {
    const el = await render(undefined, [
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '输入有误',
        details: [{ field: 'captchaId', message: '验证码错误或已过期' }],
      }),
    ]);
    await failedSubmit(el);
    expect(text(el, '#captchaAnswer-error')).to.equal('验证码错误或已过期');
    expect($(el, '#captchaAnswer').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#captchaAnswer').value).to.equal('');
    expect(text(el, '.summary')).to.contain('输入有误');
    expect(focused(el, $(el, '.summary'))).to.equal(true);
    expect(stub!.to('GET /api/v1/captcha')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shows the generic 401 message, clears the password and refreshes the captcha', async () => {
    const el = await render(undefined, [
      json(401, { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' }),
    ]);
    await failedSubmit(el);
    expect(text(el, '.summary')).to.equal('用户名或密码错误');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('admin');
  });

  it('tells a locked-out user how many minutes to wait, from Retry-After', async () => {
    const locked = () =>
      json(429, { statusCode: 429, error: 'Too Many Requests', message: 'locked', code: 'account_locked' }, { 'Retry-After': '840' });
    const el = await render(undefined, [locked(), locked()]);
    await failedSubmit(el);
    expect(text(el, '.summary')).to.equal('登录失败次数过多，账户已锁定，请 14 分钟后再试');
    el.lang = 'en';
    await submit(el);
    await captchaShown(el, 'cap-3');
    await el.updateComplete;
    expect(text(el, '.summary')).to.contain('try again in 14 minutes');
  });

  it('shows the server’s own message for a per-address rate limit (not a lockout)', async () => {
    const limited = json(429, { statusCode: 429, error: 'Too Many Requests', message: '请求过于频繁，请稍后再试' }, { 'Retry-After': '30' });
    const el = await render(undefined, [limited]);
    await failedSubmit(el);
    expect(text(el, '.summary')).to.equal('请求过于频繁，请稍后再试');
  });

  it('reports a network failure and still refreshes the captcha', async () => {
    const el = await render(undefined, [new TypeError('Failed to fetch')]);
    await failedSubmit(el);
    expect(text(el, '.summary')).to.equal('网络连接失败，请检查网络后重试');
  });

  it('fetches a new captcha with the refresh button, and recovers from a failed captcha load', async () => {
    const captcha = captchaRoute();
    let fail = true;
    stub = stubFetch({
      'GET /api/v1/captcha': () => (fail ? json(503, { statusCode: 503, error: 'x', message: 'down' }) : captcha()),
    });
    const el = await fixture<JxjyLogin>(html`<jxjy-login></jxjy-login>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.captcha-box[role=alert]'), 'captcha error shown');
    expect(text(el, '.captcha-box')).to.contain('验证码加载失败');
    fail = false;
    $(el, '.refresh').click();
    await captchaShown(el, 'cap-1');
    $(el, '.refresh').click();
    await captchaShown(el, 'cap-2');
  });

  it('asks the host to navigate to personal or organisation registration', async () => {
    const el = await render();
    const [person, org] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.links button');
    setTimeout(() => person!.click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'register' });
    setTimeout(() => org!.click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'org-register' });
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`keeps the captcha input, image and refresh button on one row at the form's width (${lang})`, async () => {
      stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute() });
      // 392px is the login column of the demo portal (440px minus its panel padding); 300px a narrow phone.
      for (const width of [420, 392, 300]) {
        const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><jxjy-login lang=${lang}></jxjy-login></div>`);
        const el = box.querySelector('jxjy-login')!;
        await waitUntil(() => el.shadowRoot!.querySelector('img[data-captcha-id]'), 'captcha shown');
        const [input, image, refresh] = ['#captchaAnswer', 'img', '.refresh'].map((s) => $(el, s).getBoundingClientRect());
        const middle = (r: DOMRect) => r.top + r.height / 2;
        expect(Math.abs(middle(input!) - middle(image!)), `input beside image at ${width}px`).to.be.below(4);
        expect(Math.abs(middle(refresh!) - middle(image!)), `button beside image at ${width}px`).to.be.below(4);
        // One line of text: the button's characters never stack into a column.
        expect(refresh!.height, `button height at ${width}px`).to.be.at.most(40);
        expect(refresh!.right, `button inside the form at ${width}px`).to.be.at.most(box.getBoundingClientRect().right + 0.5);
        expect(input!.width, `input usable at ${width}px`).to.be.at.least(60);
      }
    });
  }
});
