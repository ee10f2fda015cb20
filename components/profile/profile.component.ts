// <jxjy-profile>: a professional keeps their basic information (人员基本信息维护, manual 1.2): GET /me for the profile,
// PUT /me/profile with the whole of it. The birth date is the one field the ID number decides, so it is prefilled
// from the ID number and checked against it as soon as it changes, with the server's own rule (events/vocabulary).
import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { EDUCATION_LEVELS, GENDERS } from '../../events/person.js';
import { idNumberBirthDate, maskIdNumber, PERSON_NAME } from '../../events/vocabulary/index.js';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { Me, Profile, ProfileSaved, ProfileUpdate } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { profileMessages, type ProfileKey } from './profile.messages.js';
import styles from './profile.styles.js';

const FIELDS = ['name', 'gender', 'birthDate', 'education', 'title', 'specialty', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
/** 职称 and 专业: free names of up to 50 characters, as the server's schema allows. */
const SHORT_NAME = { min: 1, max: 50 } as const;

/**
 * @summary 人员基本信息 — the signed-in professional's own profile: the ID number (masked, shown in full on request:
 * it is theirs), and the editable 姓名, 性别, 出生日期 (prefilled from the ID number and checked against it), 学历,
 * 职称, 专业, 手机号码 and 电子邮箱. Saving sends the whole profile; an emptied optional field is cleared. Without a
 * token it asks for nothing and shows that sign-in is needed; it loads as soon as a token arrives.
 *
 * @event jxjy-profile-saved - `{personId}` after the server saved the profile.
 *
 * @csspart facts - The read-only identity facts (username, ID number).
 * @csspart form - The `<form>`.
 * @csspart field - Each label + input + message group.
 * @csspart error - The error summary shown after a failed submit.
 * @csspart submit - The save button.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-form-max-width - Width limit of the form (default 720px here).
 */
export class JxjyProfile extends JxjyElement<ProfileKey> {
  static override styles = styles;

  protected override readonly messages = profileMessages;

  @state() private profile: Profile | undefined;
  @state() private username = '';
  @state() private showIdNumber = false;
  @state() private saved = false;
  @state() private reload = 0;

  readonly #me = new Task(this, {
    task: (_args, { signal }) => this.api.get<Me>('/api/v1/me', { signal }),
    args: () => [...this.connection, this.reload],
    onComplete: (me) => {
      this.profile = me.profile;
      this.username = me.username;
    },
  });

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    optional: FIELDS.filter((f) => f !== 'name'),
    label: (field) => this.msg(field),
    checkOnChange: ['birthDate'],
    check: (v) => {
      const rules = fieldRules(this.effectiveLang);
      this.saved = false; // a new attempt takes back the previous "saved" message
      return {
        name: rules.name(v.name, this.msg('name'), PERSON_NAME),
        birthDate: this.#birthDateProblem(v.birthDate),
        title: rules.name(v.title, this.msg('title'), SHORT_NAME),
        specialty: rules.name(v.specialty, this.msg('specialty'), SHORT_NAME),
        phone: rules.phone(v.phone, this.msg('phone')),
      };
    },
    send: async (v) => {
      const body: ProfileUpdate = { ...v };
      const { position: _position, ...profile } = await this.api.put<ProfileSaved>('/api/v1/me/profile', body);
      this.profile = profile;
      this.saved = true;
      this.emit('jxjy-profile-saved', { personId: profile.personId });
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#me]);
  }

  // Another caller or server is another person: never show the previous one's profile under the new token.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyProfile))) {
      this.profile = undefined;
      this.saved = false;
      this.showIdNumber = false;
    }
  }

  /** The birth date the ID number encodes, when it encodes one. */
  get #idBirthDate(): string | undefined {
    return (this.profile && idNumberBirthDate(this.profile.idNumber)) || undefined;
  }

  #birthDateProblem(value: string): string | undefined {
    const expected = this.#idBirthDate;
    return value && expected && value !== expected ? this.msg('birthDateMismatch', { date: expected }) : undefined;
  }

  #options<T extends string>(values: readonly T[], prefix: 'gender' | 'education', unset: ProfileKey) {
    return [{ value: '', label: this.msg(unset) }, ...values.map((value) => ({ value, label: this.msg(`${prefix}.${value}` as ProfileKey) }))];
  }

  #facts(p: Profile) {
    return html`<dl class="facts" part="facts">
      <dt>${this.msg('username')}</dt>
      <dd>${this.username}</dd>
      <dt>${this.msg('idNumber')}</dt>
      <dd>
        <span class="id-number" data-testid="id-number">${this.showIdNumber ? p.idNumber : maskIdNumber(p.idNumber)}</span>
        <button type="button" class="link" aria-pressed=${this.showIdNumber ? 'true' : 'false'} @click=${() => (this.showIdNumber = !this.showIdNumber)}>
          ${this.msg('showIdNumber')}
        </button>
      </dd>
    </dl>`;
  }

  #editor(p: Profile) {
    const form = this.#form;
    const expected = this.#idBirthDate;
    return form.render(html`
      <fieldset>
        <legend>${this.msg('basicSection')}</legend>
        <div class="grid">
          ${form.input('name', { value: p.name, maxlength: PERSON_NAME.max, autocomplete: 'name' })}
          ${form.select('gender', { value: p.gender, options: this.#options(GENDERS, 'gender', 'genderUnset') })}
          ${form.input('birthDate', {
            type: 'date',
            value: p.birthDate ?? expected,
            autocomplete: 'bday',
            ...(expected ? { hint: this.msg('birthDateHint', { date: expected }) } : {}),
          })}
          ${form.select('education', { value: p.education, options: this.#options(EDUCATION_LEVELS, 'education', 'educationUnset') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('workSection')}</legend>
        <div class="grid">
          ${form.input('title', { value: p.title, maxlength: SHORT_NAME.max, hint: this.msg('titleHint') })}
          ${form.input('specialty', { value: p.specialty, maxlength: SHORT_NAME.max, hint: this.msg('specialtyHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('contactSection')}</legend>
        <div class="grid">
          ${form.input('phone', { type: 'tel', value: p.phone, maxlength: 13, autocomplete: 'tel', hint: this.msg('phoneHint') })}
          ${form.input('email', { type: 'email', value: p.email, maxlength: 100, autocomplete: 'email' })}
        </div>
      </fieldset>
      ${form.submitButton(this.msg('save'))}
      <p class="status success" role="status">${this.saved ? this.msg('saved') : ''}</p>
    `);
  }

  protected override render() {
    const task = this.#me;
    if (task.status === TaskStatus.ERROR && isSignInRequired(task.error)) return this.renderSignInNeeded();
    if (task.status === TaskStatus.ERROR && !this.profile) {
      return html`<div class="load-error" role="alert">
        <p>${task.error instanceof ApiError ? task.error.message : this.msg('error')}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    const p = this.profile;
    if (!p) {
      const loading = task.status !== TaskStatus.COMPLETE;
      return html`<p class="status" role="status">${loading ? this.msg('loading') : this.msg('notAPerson')}</p>`;
    }
    return html`${this.#facts(p)} ${this.#editor(p)}`;
  }
}
