// <jxjy-login>: sign-in with username, password and captcha (POST /sessions). Hands the session to the host
// page in an event and keeps nothing itself: storing the token is the host's decision.
import { html } from 'lit';
import { ApiError } from '../api/api-client.js';
import { toSession, type CaptchaChallenge, type Session } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { CaptchaController, clearCaptchaAnswer } from '../shared/captcha.js';
import { FormController } from '../shared/form-controller.js';
import { loginMessages, type LoginKey } from './login.messages.js';
import styles from './login.styles.js';

const FIELDS = ['username', 'password', 'captchaAnswer'] as const;
type Field = (typeof FIELDS)[number];

/**
 * @summary 用户登录 — the sign-in form of the Guangdong manual (用户名 / 密码 / 验证码), with links to registration.
 *
 * @event jxjy-login-succeeded - `{accessToken, expiresIn, mustChangePassword, role, subjectId, orgId?}` after a successful sign-in. The host stores the token; when `mustChangePassword` is true the token only permits changing the password.
 * @event jxjy-navigate - `{to: 'register' | 'org-register'}` when the user picks 个人注册 or 单位注册; the host shows that screen.
 *
 * @slot footer - Extra content below the registration links (help text, hotline).
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart captcha-image - The captcha `<img>`.
 * @csspart captcha-refresh - The 换一张 button.
 * @csspart submit - The sign-in button.
 * @csspart links - The registration links.
 *
 * @cssproperty --jxjy-color-primary - Button and link colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 420px).
 */
export class JxjyLogin extends JxjyElement<LoginKey> {
  static override styles = styles;

  protected override readonly messages = loginMessages;

  // Only the API origin decides which captcha to show: a language or token change must not consume a new one
  // (it would also throw away what the person already typed into the answer field).
  readonly #captcha = new CaptchaController(
    this,
    (signal) => this.api.get<CaptchaChallenge>('/api/v1/captcha', { signal, auth: false }),
    () => [this.effectiveApiBase],
  );

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    untrimmed: ['password'],
    label: (field) => this.msg(field === 'captchaAnswer' ? 'captcha' : field),
    check: () => ({ captchaAnswer: this.#captcha.problem((k) => this.msg(k)) }),
    send: async (v, form) => {
      const session = await this.api.post<Session>(
        '/api/v1/sessions',
        { username: v.username, password: v.password, captchaId: this.#captcha.id, captchaAnswer: v.captchaAnswer },
        { auth: false },
      );
      // Before the event: a host that keeps this screen must not find the password still typed in.
      form.querySelector<HTMLInputElement>('#password')!.value = '';
      this.emit('jxjy-login-succeeded', toSession(session));
    },
    describe: (err) => {
      // Only a locked account gets the "locked, wait N minutes" text; a per-address rate limit says so itself.
      if (err instanceof ApiError && err.status === 429 && err.code === 'account_locked' && err.retryAfter !== undefined) {
        return this.msg('loginLocked', { minutes: Math.max(1, Math.ceil(err.retryAfter / 60)) });
      }
      return undefined;
    },
    settled: (form, err) => {
      if (err instanceof ApiError && err.status === 401) form.querySelector<HTMLInputElement>('#password')!.value = '';
      // Single use: the server has consumed this captcha whatever the outcome.
      clearCaptchaAnswer(form);
      this.#captcha.refresh();
    },
  });

  #navigate(to: 'register' | 'org-register') {
    this.emit('jxjy-navigate', { to });
  }

  protected override render() {
    const form = this.#form;
    return html`${form.render(html`
        ${form.input('username', { autocomplete: 'username', maxlength: 32 })}
        ${form.input('password', { type: 'password', autocomplete: 'current-password' })}
        ${this.#captcha.render((k) => this.msg(k), form.error('captchaAnswer'))}
        ${form.submitButton(this.msg('login'), this.msg('loginBusy'))}
      `)}
      <p class="links" part="links">
        <button type="button" class="link" @click=${() => this.#navigate('register')}>${this.msg('registerPerson')}</button>
        <button type="button" class="link" @click=${() => this.#navigate('org-register')}>${this.msg('registerOrg')}</button>
      </p>
      <slot name="footer"></slot>`;
  }
}
