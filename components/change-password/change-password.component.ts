// <jxjy-change-password>: PUT /accounts/me/password with the (possibly restricted) token the host passes in.
// Every new account must change its password at first login; the answer is a full session replacing that token.
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../api/api-client.js';
import { toSession, type Session } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import type { MessageKey } from '../i18n/messages.js';
import { errorSummary, focusSummary, formValues, inputField, serverFieldErrors, type FieldErrors } from '../shared/form.js';
import { passwordProblem } from '../validation/account.js';
import styles from './change-password.styles.js';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

/**
 * @summary 修改密码 — current, new and repeated password, checked here (≥ 8 characters, letters and digits,
 * matching, different from the current one) and by the server.
 *
 * @event jxjy-password-changed - The new full session `{accessToken, expiresIn, mustChangePassword, role, subjectId, orgId?}`; the host replaces its token with it.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart notice - The first-login notice.
 * @csspart submit - The submit button.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 420px).
 */
export class JxjyChangePassword extends JxjyElement {
  static override styles = styles;

  /** Shows the "first sign-in: change your password" notice (the host sets it when `mustChangePassword`). */
  @property({ type: Boolean, attribute: 'first-login' }) firstLogin = false;

  @state() private busy = false;
  @state() private errors: FieldErrors = {};
  @state() private summary: string | undefined;
  @state() private otherErrors: string[] = [];
  @state() private done = false;

  #label(field: Field): string {
    return this.msg(field);
  }

  #check(v: Record<string, string>): Record<string, string> {
    const errors: Record<string, string> = {};
    const put = (field: Field, key: MessageKey | undefined) => {
      if (key && !errors[field]) errors[field] = this.msg(key);
    };
    for (const f of FIELDS) if (!v[f]) errors[f] = this.msg('requiredField', { label: this.#label(f) });
    if (v['newPassword']) put('newPassword', passwordProblem(v['newPassword'], { current: v['currentPassword'] }));
    if (v['confirmPassword'] && v['confirmPassword'] !== v['newPassword']) put('confirmPassword', 'passwordMismatch');
    return errors;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form, FIELDS);
    const errors = this.#check(values);
    this.done = false;
    if (Object.keys(errors).length) {
      this.#showErrors(this.msg('formInvalid'), errors, []);
      return focusSummary(this);
    }
    this.busy = true;
    try {
      const session = await this.api.put<Session>('/api/v1/accounts/me/password', {
        currentPassword: values['currentPassword'],
        newPassword: values['newPassword'],
      });
      this.#showErrors(undefined, {}, []);
      form.reset();
      this.done = true;
      this.emit('jxjy-password-changed', toSession(session));
    } catch (err) {
      const { fields, other } = serverFieldErrors(err, FIELDS);
      this.#showErrors(err instanceof ApiError ? err.message : this.msg('error'), fields, other);
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  #showErrors(summary: string | undefined, fields: FieldErrors, other: string[]) {
    this.summary = summary;
    this.errors = fields;
    this.otherErrors = other;
  }

  protected override render() {
    const items = [
      ...FIELDS.flatMap((f) => (this.errors[f] ? [{ label: this.#label(f), message: this.errors[f] }] : [])),
      ...this.otherErrors.map((message) => ({ label: this.msg('error'), message })),
    ];
    const field = (name: Field, autocomplete: string, hint?: string) =>
      inputField({ name, label: this.#label(name), type: 'password', autocomplete, hint, error: this.errors[name] });
    return html`${this.firstLogin ? html`<p class="notice" part="notice">${this.msg('firstLoginNotice')}</p>` : nothing}
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
        ${errorSummary(this.summary, items)}
        ${field('currentPassword', 'current-password')}
        ${field('newPassword', 'new-password', this.msg('passwordRules'))}
        ${field('confirmPassword', 'new-password')}
        <button class="primary submit" part="submit" type="submit" aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.msg('submitting') : this.msg('changePasswordSubmit')}
        </button>
        <p class="status success" role="status">${this.done ? this.msg('passwordChanged') : ''}</p>
      </form>`;
  }
}
