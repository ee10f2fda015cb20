// <jxjy-register>: a professional registers (个人注册, public POST /accounts with a captcha). Every check here is
// the server's own rule from the shared vocabulary, so what the browser accepts the server accepts too.
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { normalizeIdNumber, PASSWORD_MAX, PERSON_NAME, USERNAME_MAX } from '../../events/vocabulary/index.js';
import { SubmissionKey } from '../api/api-client.js';
import type { CaptchaChallenge, PersonRegistered } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { CaptchaController, clearCaptchaAnswer } from '../shared/captcha.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { registerMessages, type RegisterKey } from './register.messages.js';
import styles from './register.styles.js';

const FIELDS = ['name', 'idNumber', 'phone', 'username', 'password', 'passwordConfirm', 'captchaAnswer'] as const;
type Field = (typeof FIELDS)[number];

/**
 * @summary 个人注册 — a professional creates a person record and its account: 姓名, 身份证号 (GB 11643 format, birth
 * date and check character), optional phone, username and password (the server's policy, common passwords
 * included), with a captcha. The new account changes its password at first sign-in.
 *
 * @event jxjy-person-registered - `{accountId, personId, username}` once the server created the account.
 * @event jxjy-navigate - `{to: 'login'}` from the 去登录 button on the success panel.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart captcha-image - The captcha `<img>`.
 * @csspart captcha-refresh - The 换一张 button.
 * @csspart submit - The submit button.
 * @csspart success - The panel shown after a successful registration.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 720px here).
 */
export class JxjyRegister extends JxjyElement<RegisterKey> {
  static override styles = styles;

  protected override readonly messages = registerMessages;

  @state() private registered: PersonRegistered | undefined;

  readonly #submission = new SubmissionKey();
  readonly #captcha = new CaptchaController(
    this,
    (signal) => this.api.get<CaptchaChallenge>('/api/v1/captcha', { signal, auth: false }),
    () => [this.effectiveApiBase],
  );

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    optional: ['phone'],
    untrimmed: ['password', 'passwordConfirm'],
    label: (field) => this.msg(field === 'captchaAnswer' ? 'captcha' : field),
    check: (v) => {
      const rules = fieldRules(this.effectiveLang);
      return {
        name: rules.name(v.name, this.msg('name'), PERSON_NAME),
        idNumber: rules.idNumber(v.idNumber),
        phone: rules.phone(v.phone, this.msg('phone')),
        username: rules.username(v.username),
        password: rules.password(v.password, { username: v.username }),
        passwordConfirm: rules.confirm(v.passwordConfirm, v.password),
        captchaAnswer: this.#captcha.problem((k) => this.msg(k)),
      };
    },
    send: async (v) => {
      const body = {
        username: v.username,
        password: v.password,
        name: v.name,
        idNumber: normalizeIdNumber(v.idNumber),
        ...(v.phone ? { phone: v.phone } : {}),
        captchaId: this.#captcha.id,
        captchaAnswer: v.captchaAnswer,
      };
      // A second try of the same registration (after a 503 or a lost answer, with a new captcha) registers it once.
      const { captchaId: _id, captchaAnswer: _answer, ...content } = body;
      this.registered = await this.api.post<PersonRegistered>('/api/v1/accounts', body, { auth: false, idempotencyKey: this.#submission.for(content) });
      this.#submission.done();
      const { accountId, personId, username } = this.registered;
      this.emit('jxjy-person-registered', { accountId, personId, username });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    },
    settled: (form, err) => {
      // Single use: a failed attempt needs a fresh captcha; after success the form is gone.
      if (!err) return;
      clearCaptchaAnswer(form);
      this.#captcha.refresh();
    },
  });

  #renderSuccess(r: PersonRegistered) {
    return html`<div class="success" part="success" role="status" tabindex="-1">
      <h3>${this.msg('registered')}</h3>
      <p>${this.msg('registeredDetail', { username: r.username })}</p>
      <button type="button" class="primary" @click=${() => this.emit('jxjy-navigate', { to: 'login' })}>
        ${this.msg('goToLogin')}
      </button>
    </div>`;
  }

  protected override render() {
    if (this.registered) return this.#renderSuccess(this.registered);
    const form = this.#form;
    const rules = fieldRules(this.effectiveLang);
    return form.render(html`
      <fieldset>
        <legend>${this.msg('personSection')}</legend>
        <div class="grid">
          ${form.input('name', { maxlength: PERSON_NAME.max, autocomplete: 'name' })}
          ${form.input('idNumber', { maxlength: 18, autocomplete: 'off', hint: this.msg('idNumberHint') })}
          ${form.input('phone', { type: 'tel', maxlength: 13, autocomplete: 'tel', hint: this.msg('phoneHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('accountSection')}</legend>
        <div class="grid">
          ${form.input('username', { maxlength: USERNAME_MAX, autocomplete: 'username', hint: rules.hint('usernameRules') })}
          ${form.input('password', {
            type: 'password',
            maxlength: PASSWORD_MAX,
            autocomplete: 'new-password',
            hint: rules.hint('passwordRules'),
          })}
          ${form.input('passwordConfirm', { type: 'password', maxlength: PASSWORD_MAX, autocomplete: 'new-password' })}
        </div>
      </fieldset>
      ${this.#captcha.render((k) => this.msg(k), form.error('captchaAnswer'))}
      ${form.submitButton(this.msg('registerSubmit'))}
    `);
  }
}
