// <jxjy-org-register>: a unit (法人单位) or teaching institution (施教机构) registers itself with its first reviewer
// account (public POST /orgs, captcha). The organisation then waits for the administrator's approval.
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../api/api-client.js';
import type { CaptchaChallenge, OrgKind, OrgRegistered } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import type { MessageKey } from '../i18n/messages.js';
import { CaptchaController, clearCaptchaAnswer } from '../shared/captcha.js';
import { errorSummary, focusSummary, formValues, inputField, serverFieldErrors, type FieldErrors } from '../shared/form.js';
import {
  passwordProblem,
  phoneProblem,
  regionCodeProblem,
  usccProblem,
  usernameProblem,
} from '../validation/account.js';
import { normalizeUscc } from '../validation/uscc.js';
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
const LABELS: Record<Field, MessageKey> = {
  kind: 'orgKind',
  name: 'orgName',
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
 * checks mirror the server's (统一社会信用代码 GB 32100 checksum, 6-digit 行政区划代码, username and password rules).
 *
 * @event jxjy-org-registered - `{orgId, status: 'pending'}` once the server accepted the registration.
 * @event jxjy-navigate - `{to: 'login'}` from the 返回登录 button on the success panel.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart captcha-image - The captcha `<img>`.
 * @csspart submit - The submit button.
 * @csspart success - The panel shown after a successful registration.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 720px here).
 */
export class JxjyOrgRegister extends JxjyElement {
  static override styles = styles;

  /** Which kind is preselected. */
  @property() kind: OrgKind = 'unit';

  @state() private busy = false;
  @state() private errors: FieldErrors = {};
  @state() private summary: string | undefined;
  @state() private otherErrors: string[] = [];
  @state() private registered: (OrgRegistered & { username: string }) | undefined;

  readonly #captcha = new CaptchaController(
    this,
    (signal) => this.api.get<CaptchaChallenge>('/api/v1/captcha', { signal }),
    () => [this.effectiveApiBase],
  );

  #check(v: Record<string, string>): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const f of FIELDS) if (!v[f]) errors[f] = this.msg('requiredField', { label: this.msg(LABELS[f]) });
    const put = (field: Field, key: MessageKey | undefined) => {
      if (key && !errors[field]) errors[field] = this.msg(key);
    };
    if (v['uscc']) put('uscc', usccProblem(v['uscc']));
    if (v['regionCode']) put('regionCode', regionCodeProblem(v['regionCode']));
    if (v['contactPhone']) put('contactPhone', phoneProblem(v['contactPhone']));
    if (v['reviewerUsername']) put('reviewerUsername', usernameProblem(v['reviewerUsername']));
    if (v['reviewerPassword']) {
      put('reviewerPassword', passwordProblem(v['reviewerPassword'], { username: v['reviewerUsername'] }));
    }
    if (v['reviewerPasswordConfirm'] && v['reviewerPasswordConfirm'] !== v['reviewerPassword']) {
      put('reviewerPasswordConfirm', 'passwordMismatch');
    }
    return errors;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form, ['reviewerPassword', 'reviewerPasswordConfirm']);
    const errors = this.#check(v);
    const captchaId = this.#captcha.id;
    if (Object.keys(errors).length || !captchaId) {
      this.#showErrors(Object.keys(errors).length ? this.msg('formInvalid') : this.msg('captchaLoadFailed'), errors, []);
      return focusSummary(this);
    }
    this.busy = true;
    let ok = false;
    try {
      const result = await this.api.post<OrgRegistered>('/api/v1/orgs', {
        kind: v['kind'],
        name: v['name'],
        uscc: normalizeUscc(v['uscc']!),
        regionCode: v['regionCode'],
        contactName: v['contactName'],
        contactPhone: v['contactPhone'],
        reviewerUsername: v['reviewerUsername'],
        reviewerPassword: v['reviewerPassword'],
        captchaId,
        captchaAnswer: v['captchaAnswer'],
      });
      ok = true;
      this.#showErrors(undefined, {}, []);
      this.registered = { orgId: result.orgId, status: result.status, username: v['reviewerUsername']! };
      this.emit('jxjy-org-registered', { orgId: result.orgId, status: result.status });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (err) {
      const { fields, other } = serverFieldErrors(err, FIELDS);
      this.#showErrors(err instanceof ApiError ? err.message : this.msg('error'), fields, other);
      await focusSummary(this);
    } finally {
      this.busy = false;
      // Single use: a failed attempt needs a fresh captcha; after success the form is gone.
      if (!ok) {
        clearCaptchaAnswer(form);
        this.#captcha.refresh();
      }
    }
  }

  #showErrors(summary: string | undefined, fields: FieldErrors, other: string[]) {
    this.summary = summary;
    this.errors = fields;
    this.otherErrors = other;
  }

  #field(name: Exclude<Field, 'kind' | 'captchaAnswer'>, extra: Partial<Parameters<typeof inputField>[0]> = {}) {
    const label = name === 'name' && this.kind === 'institution' ? this.msg('institutionName') : this.msg(LABELS[name]);
    return inputField({ name, label, error: this.errors[name], ...extra });
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

  protected override render() {
    if (this.registered) return this.#renderSuccess(this.registered);
    const items = [
      ...FIELDS.flatMap((f) => (this.errors[f] ? [{ label: this.msg(LABELS[f]), message: this.errors[f] }] : [])),
      ...this.otherErrors.map((message) => ({ label: this.msg('error'), message })),
    ];
    const kindError = this.errors['kind'];
    return html`<form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
      ${errorSummary(this.summary, items)}
      <fieldset class="kind" aria-describedby=${kindError ? 'kind-error' : nothing}>
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
        ${kindError ? html`<p id="kind-error" class="error-text">${kindError}</p>` : nothing}
      </fieldset>
      <fieldset>
        <legend>${this.msg('orgSection')}</legend>
        <div class="grid">
          ${this.#field('name', { maxlength: 100, autocomplete: 'organization' })}
          ${this.#field('uscc', { maxlength: 18, hint: this.msg('usccHint'), autocomplete: 'off' })}
          ${this.#field('regionCode', { maxlength: 6, inputmode: 'numeric', hint: this.msg('regionCodeHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('contactSection')}</legend>
        <div class="grid">
          ${this.#field('contactName', { maxlength: 50, autocomplete: 'name' })}
          ${this.#field('contactPhone', { type: 'tel', maxlength: 20, autocomplete: 'tel' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('reviewerSection')}</legend>
        <div class="grid">
          ${this.#field('reviewerUsername', { maxlength: 32, autocomplete: 'username', hint: this.msg('usernameRules') })}
          ${this.#field('reviewerPassword', { type: 'password', autocomplete: 'new-password', hint: this.msg('passwordRules') })}
          ${this.#field('reviewerPasswordConfirm', { type: 'password', autocomplete: 'new-password' })}
        </div>
      </fieldset>
      ${this.#captcha.render((k) => this.msg(k), this.errors['captchaAnswer'])}
      <button class="primary submit" part="submit" type="submit" aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.busy ? this.msg('submitting') : this.msg('orgRegisterSubmit')}
      </button>
    </form>`;
  }
}
