// <jxjy-login>: sign-in with username, password and captcha (POST /sessions). Hands the session to the host
// page in an event and keeps nothing itself: storing the token is the host's decision.
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../api/api-client.js';
import { toSession, type CaptchaChallenge, type Session } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { CaptchaController, clearCaptchaAnswer } from '../shared/captcha.js';
import { errorSummary, focusSummary, formValues, inputField, serverFieldErrors, type FieldErrors } from '../shared/form.js';
import styles from './login.styles.js';

const FIELDS = ['username', 'password', 'captchaAnswer'] as const;

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
export class JxjyLogin extends JxjyElement {
  static override styles = styles;

  @state() private busy = false;
  @state() private errors: FieldErrors = {};
  @state() private summary: string | undefined;
  @state() private otherErrors: string[] = [];

  // Only the API origin decides which captcha to show; a language switch must not consume a new one.
  readonly #captcha = new CaptchaController(
    this,
    (signal) => this.api.get<CaptchaChallenge>('/api/v1/captcha', { signal }),
    () => [this.effectiveApiBase],
  );

  #label(field: (typeof FIELDS)[number]): string {
    return this.msg(field === 'captchaAnswer' ? 'captcha' : field);
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form, ['password']);
    const missing: Record<string, string> = {};
    for (const f of FIELDS) if (!values[f]) missing[f] = this.msg('requiredField', { label: this.#label(f) });
    const captchaId = this.#captcha.id;
    if (Object.keys(missing).length || !captchaId) {
      this.#showErrors(Object.keys(missing).length ? this.msg('formInvalid') : this.msg('captchaLoadFailed'), missing, []);
      return focusSummary(this);
    }
    this.busy = true;
    try {
      const session = await this.api.post<Session>('/api/v1/sessions', {
        username: values['username'],
        password: values['password'],
        captchaId,
        captchaAnswer: values['captchaAnswer'],
      });
      this.#showErrors(undefined, {}, []);
      form.querySelector<HTMLInputElement>('#password')!.value = '';
      this.emit('jxjy-login-succeeded', toSession(session));
    } catch (err) {
      const { fields, other } = serverFieldErrors(err, FIELDS);
      this.#showErrors(this.#messageFor(err), fields, other);
      if (err instanceof ApiError && err.status === 401) form.querySelector<HTMLInputElement>('#password')!.value = '';
      await focusSummary(this);
    } finally {
      this.busy = false;
      // Single use: the server has consumed this captcha whatever the outcome.
      clearCaptchaAnswer(form);
      this.#captcha.refresh();
    }
  }

  #messageFor(err: unknown): string {
    if (!(err instanceof ApiError)) return this.msg('error');
    // Only a locked account gets the "locked, wait N minutes" text; a per-address rate limit says so itself.
    if (err.status === 429 && err.code === 'account_locked' && err.retryAfter !== undefined) {
      return this.msg('loginLocked', { minutes: Math.max(1, Math.ceil(err.retryAfter / 60)) });
    }
    return err.message;
  }

  #showErrors(summary: string | undefined, fields: FieldErrors, other: string[]) {
    this.summary = summary;
    this.errors = fields;
    this.otherErrors = other;
  }

  #navigate(to: 'register' | 'org-register') {
    this.emit('jxjy-navigate', { to });
  }

  protected override render() {
    const items = [
      ...FIELDS.flatMap((f) => (this.errors[f] ? [{ label: this.#label(f), message: this.errors[f] }] : [])),
      ...this.otherErrors.map((message) => ({ label: this.msg('error'), message })),
    ];
    return html`<form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
        ${errorSummary(this.summary, items)}
        ${inputField({
          name: 'username',
          label: this.msg('username'),
          autocomplete: 'username',
          maxlength: 32,
          error: this.errors['username'],
        })}
        ${inputField({
          name: 'password',
          label: this.msg('password'),
          type: 'password',
          autocomplete: 'current-password',
          error: this.errors['password'],
        })}
        ${this.#captcha.render((k) => this.msg(k), this.errors['captchaAnswer'])}
        <button class="primary submit" part="submit" type="submit" aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.msg('loginBusy') : this.msg('login')}
        </button>
      </form>
      <p class="links" part="links">
        <button type="button" class="link" @click=${() => this.#navigate('register')}>${this.msg('registerPerson')}</button>
        <button type="button" class="link" @click=${() => this.#navigate('org-register')}>${this.msg('registerOrg')}</button>
      </p>
      <slot name="footer"></slot>`;
  }
}
