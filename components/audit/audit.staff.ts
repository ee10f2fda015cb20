// The 审计账号 part of <jxjy-audit> (admin): POST /staff creates an auditor (or another admin) and answers its
// one-time password once. The password is shown here until the admin closes it, with a copy button, and never put in
// an event, a log or the element's attributes; the account must change it at first sign-in.
import { html, nothing } from 'lit';
import { PERSON_NAME, USERNAME_MAX } from '../../events/vocabulary/index.js';
import type { StaffCreated, StaffRole } from '../api/audit.types.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { copyText, type AuditContext, type AuditHost } from './audit.shared.js';

const FIELDS = ['username', 'name', 'role'] as const;
type Field = (typeof FIELDS)[number];
const ROLES: readonly StaffRole[] = ['auditor', 'admin'];

export class StaffAccounts {
  readonly #host: AuditHost;
  readonly #c: AuditContext;
  readonly #form: FormController<Field>;
  #created: StaffCreated | undefined;

  constructor(host: AuditHost, c: AuditContext) {
    this.#host = host;
    this.#c = c;
    this.#form = new FormController<Field>(host, c.lang, {
      fields: FIELDS,
      label: (field) => c.msg(`staff.${field}`),
      check: (v) => {
        const rules = fieldRules(c.lang());
        return { username: rules.username(v.username), name: rules.name(v.name, c.msg('staff.name'), PERSON_NAME) };
      },
      send: async (v, form) => {
        const role: StaffRole = v.role === 'admin' ? 'admin' : 'auditor';
        this.#created = await c.api().post<StaffCreated>('/api/v1/staff', { username: v.username, name: v.name, role });
        c.emit('jxjy-staff-created', { accountId: this.#created.accountId, username: this.#created.username, role: this.#created.role });
        form.reset();
        c.focus('#created-title');
      },
    });
  }

  /** Another caller or server: the password is not theirs to see. */
  clear(): void {
    this.#created = undefined;
  }

  #dismiss(): void {
    this.#created = undefined;
    this.#c.focus('#username');
    this.#host.requestUpdate();
  }

  async #copy(password: string) {
    this.#c.notify(this.#c.msg((await copyText(password)) ? 'copied' : 'copyFailed'));
  }

  #createdView(created: StaffCreated) {
    const { msg } = this.#c;
    const role = msg(`staff.role.${created.role === 'admin' ? 'admin' : 'auditor'}`);
    return html`<section class="created" part="created" data-testid="staff-created" data-account-id=${created.accountId} aria-labelledby="created-title">
      <h3 id="created-title" tabindex="-1">${msg('staff.createdTitle', { username: created.username, role })}</h3>
      <p>
        ${msg('staff.password')}：<code class="password" data-testid="one-time-password">${created.oneTimePassword}</code>
        <button type="button" class="small" data-action="copy-password" @click=${() => void this.#copy(created.oneTimePassword)}>${msg('staff.copyPassword')}</button>
      </p>
      <p class="warning">${msg('staff.once')}</p>
      <button type="button" data-action="dismiss" @click=${() => this.#dismiss()}>${msg('staff.dismiss')}</button>
    </section>`;
  }

  render() {
    const { msg } = this.#c;
    const form = this.#form;
    const rules = fieldRules(this.#c.lang());
    return html`<p class="intro">${msg('staff.intro')}</p>
      ${this.#created ? this.#createdView(this.#created) : nothing}
      <section class="staff-form" aria-labelledby="staff-form-title">
        <h3 id="staff-form-title">${msg('staff.formTitle')}</h3>
        ${form.render(html`${form.input('username', { maxlength: USERNAME_MAX, autocomplete: 'off', hint: rules.hint('usernameRules') })}
          ${form.input('name', { maxlength: PERSON_NAME.max, autocomplete: 'off' })}
          ${form.select('role', { options: ROLES.map((r) => ({ value: r, label: msg(`staff.role.${r}`) })), value: 'auditor' })}
          ${form.submitButton(msg('staff.create'), msg('staff.creating'))}`)}
      </section>`;
  }
}
