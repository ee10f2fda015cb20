// <jxjy-change-password>: PUT /accounts/me/password with the (possibly restricted) token the host passes in.
// Every new account must change its password at first login; the answer is a full session replacing that token.
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { toSession, type Session } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { changePasswordMessages, type ChangePasswordKey } from './change-password.messages.js';
import styles from './change-password.styles.js';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

/**
 * @summary 修改密码 — current, new and repeated password, checked here with the server's own password policy
 * (≥ 8 characters, letters and digits, not a common password, different from the current one) and by the server.
 * Without a token it shows that sign-in is needed instead of the form.
 *
 * @event jxjy-password-changed - The new full session `{accessToken, expiresIn, mustChangePassword, role, subjectId, orgId?}`; the host replaces its token with it.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart notice - The first-login notice.
 * @csspart sign-in - The notice shown while there is no token.
 * @csspart submit - The submit button.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 420px).
 */
export class JxjyChangePassword extends JxjyElement<ChangePasswordKey> {
  static override styles = styles;

  protected override readonly messages = changePasswordMessages;

  /** Shows the "first sign-in: change your password" notice (the host sets it when `mustChangePassword`). */
  @property({ type: Boolean, attribute: 'first-login' }) firstLogin = false;

  @state() private done = false;

  // Nothing to fetch, but the form is useless without a token: ask whether there is one whenever it may change.
  readonly #signedIn = new Task(this, {
    task: async () => Boolean(await this.getToken()),
    args: () => this.connection,
  });

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    untrimmed: FIELDS,
    label: (field) => this.msg(field),
    check: (v) => {
      const rules = fieldRules(this.effectiveLang);
      this.done = false; // a new attempt takes back the previous "changed" message
      return {
        newPassword: rules.password(v.newPassword, { current: v.currentPassword }),
        confirmPassword: rules.confirm(v.confirmPassword, v.newPassword),
      };
    },
    send: async (v, form) => {
      const session = await this.api.put<Session>('/api/v1/accounts/me/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      form.reset();
      this.done = true;
      this.emit('jxjy-password-changed', toSession(session));
    },
  });

  protected override render() {
    // Optimistic until known: a host that passes its token at once never sees the notice flash.
    if (this.#signedIn.value === false) return this.renderSignInNeeded();
    const form = this.#form;
    const hint = fieldRules(this.effectiveLang).hint('passwordRules');
    const field = (name: Field, autocomplete: string, extra: { hint?: string } = {}) =>
      form.input(name, { type: 'password', autocomplete, ...extra });
    return html`${this.firstLogin ? html`<p class="notice" part="notice">${this.msg('firstLoginNotice')}</p>` : nothing}
    ${form.render(html`
      ${field('currentPassword', 'current-password')} ${field('newPassword', 'new-password', { hint })}
      ${field('confirmPassword', 'new-password')} ${form.submitButton(this.msg('changePasswordSubmit'))}
      <p class="status success" role="status">${this.done ? this.msg('passwordChanged') : ''}</p>
    `)}`;
  }
}
