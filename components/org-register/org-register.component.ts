// <jxjy-org-register>: a unit (法人单位) or teaching institution (施教机构) registers itself with its first reviewer
// account (public POST /orgs, captcha). The organisation then waits for the administrator's approval.
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { normalizeUscc, ORG_NAME, PERSON_NAME } from '../../events/vocabulary/index.js';
import { SubmissionKey } from '../api/api-client.js';
import type { CaptchaChallenge, OrgKind, OrgRegistered } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { CaptchaController, clearCaptchaAnswer } from '../shared/captcha.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { orgRegisterMessages, type OrgRegisterKey } from './org-register.messages.js';
import styles from './org-register.styles.js';

const FIELDS = [
  'kind',
  'name',
  'uscc',
  'regionCode',
  'contactName',
  'contactPhone',
  'reviewerUsername',
  'reviewerPassword',
  'reviewerPasswordConfirm',
  'captchaAnswer',
] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Exclude<Field, 'name'>, OrgRegisterKey> = {
  kind: 'orgKind',
  uscc: 'uscc',
  regionCode: 'regionCode',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  reviewerUsername: 'reviewerUsername',
  reviewerPassword: 'reviewerPassword',
  reviewerPasswordConfirm: 'reviewerPasswordConfirm',
  captchaAnswer: 'captcha',
};

/**
 * @summary 单位/机构注册 — registers an employer unit or a teaching institution with its reviewer account; the
 * checks are the server's own (统一社会信用代码 GB 32100 checksum, 6-digit 行政区划代码, name lengths and characters,
 * phone, username and password policy), from the shared vocabulary.
 *
 * @event jxjy-org-registered - `{orgId, status: 'pending'}` once the server accepted the registration.
 * @event jxjy-navigate - `{to: 'login'}` from the 返回登录 button on the success panel.
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
export class JxjyOrgRegister extends JxjyElement<OrgRegisterKey> {
  static override styles = styles;

  protected override readonly messages = orgRegisterMessages;

  /** Which kind is preselected. */
  @property() kind: OrgKind = 'unit';

  @state() private registered: (OrgRegistered & { username: string }) | undefined;

  readonly #submission = new SubmissionKey();
  readonly #captcha = new CaptchaController(
    this,
    (signal) => this.api.get<CaptchaChallenge>('/api/v1/captcha', { signal, auth: false }),
    () => [this.effectiveApiBase],
  );

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    untrimmed: ['reviewerPassword', 'reviewerPasswordConfirm'],
    label: (field) => this.#label(field),
    check: (v) => {
      const rules = fieldRules(this.effectiveLang);
      return {
        name: rules.name(v.name, this.#label('name'), ORG_NAME),
        uscc: rules.uscc(v.uscc),
        regionCode: rules.provinceRegionCode(v.regionCode),
        contactName: rules.name(v.contactName, this.#label('contactName'), PERSON_NAME),
        contactPhone: rules.phone(v.contactPhone, this.#label('contactPhone')),
        reviewerUsername: rules.username(v.reviewerUsername),
        reviewerPassword: rules.password(v.reviewerPassword, { username: v.reviewerUsername }),
        reviewerPasswordConfirm: rules.confirm(v.reviewerPasswordConfirm, v.reviewerPassword),
        captchaAnswer: this.#captcha.problem((k) => this.msg(k)),
      };
    },
    send: async (v) => {
      const application = {
        kind: v.kind,
        name: v.name,
        uscc: normalizeUscc(v.uscc),
        regionCode: v.regionCode,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        reviewerUsername: v.reviewerUsername,
        reviewerPassword: v.reviewerPassword,
      };
      // A second try of the same application (after a 503 or a lost answer, with a new captcha) applies once.
      const result = await this.api.post<OrgRegistered>(
        '/api/v1/orgs',
        { ...application, captchaId: this.#captcha.id, captchaAnswer: v.captchaAnswer },
        { auth: false, idempotencyKey: this.#submission.for(application) },
      );
      this.#submission.done();
      this.registered = { orgId: result.orgId, status: result.status, username: v.reviewerUsername };
      this.emit('jxjy-org-registered', { orgId: result.orgId, status: result.status });
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

  #label(field: Field): string {
    if (field === 'name') return this.msg(this.kind === 'institution' ? 'institutionName' : 'orgName');
    return this.msg(LABELS[field]);
  }

  #renderSuccess(r: OrgRegistered & { username: string }) {
    return html`<div class="success" part="success" role="status" tabindex="-1">
      <h3>${this.msg('orgSubmitted')}</h3>
      <p>${this.msg('orgSubmittedDetail', { orgId: r.orgId, username: r.username })}</p>
      <button type="button" class="primary" @click=${() => this.emit('jxjy-navigate', { to: 'login' })}>
        ${this.msg('backToLogin')}
      </button>
    </div>`;
  }

  #kind() {
    const error = this.#form.error('kind');
    return html`<fieldset class="kind" aria-describedby=${error ? 'kind-error' : nothing}>
      <legend class="required">${this.msg('orgKind')}</legend>
      ${(['unit', 'institution'] as const).map(
        (k) => html`<label class="radio">
          <input
            type="radio"
            name="kind"
            value=${k}
            .checked=${this.kind === k}
            @change=${() => {
              this.kind = k;
            }}
          />
          ${this.msg(k === 'unit' ? 'orgKindUnit' : 'orgKindInstitution')}
        </label>`,
      )}
      ${error ? html`<p id="kind-error" class="error-text">${error}</p>` : nothing}
    </fieldset>`;
  }

  protected override render() {
    if (this.registered) return this.#renderSuccess(this.registered);
    const form = this.#form;
    const rules = fieldRules(this.effectiveLang);
    return form.render(html`
      ${this.#kind()}
      <fieldset>
        <legend>${this.msg('orgSection')}</legend>
        <div class="grid">
          ${form.input('name', { maxlength: ORG_NAME.max, autocomplete: 'organization' })}
          ${form.input('uscc', { maxlength: 18, hint: this.msg('usccHint'), autocomplete: 'off' })}
          ${form.input('regionCode', { maxlength: 6, inputmode: 'numeric', hint: this.msg('regionCodeHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('contactSection')}</legend>
        <div class="grid">
          ${form.input('contactName', { maxlength: PERSON_NAME.max, autocomplete: 'name' })}
          ${form.input('contactPhone', { type: 'tel', maxlength: 13, autocomplete: 'tel' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('reviewerSection')}</legend>
        <div class="grid">
          ${form.input('reviewerUsername', { maxlength: 32, autocomplete: 'username', hint: rules.hint('usernameRules') })}
          ${form.input('reviewerPassword', { type: 'password', autocomplete: 'new-password', hint: rules.hint('passwordRules') })}
          ${form.input('reviewerPasswordConfirm', { type: 'password', autocomplete: 'new-password' })}
        </div>
      </fieldset>
      ${this.#captcha.render((k) => this.msg(k), form.error('captchaAnswer'))}
      ${form.submitButton(this.msg('orgRegisterSubmit'))}
    `);
  }
}
