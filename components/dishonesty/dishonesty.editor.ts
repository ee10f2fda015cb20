// Admin's form of <jxjy-dishonesty> (记录失信信息): the person by ID number (checked with GB 11643 as the server does)
// or, with `person-id`, the person the element shows; reason, legal basis, the period and whether the record blocks
// certificates; POST /dishonesty-records. The shared FormController owns the submit flow and lands the server's
// `details` (no such person, an end before the start) on their fields.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { chinaDate, normalizeIdNumber } from '../../events/vocabulary/index.js';
import type { ApiClient } from '../api/api-client.js';
import type { DishonestyRecord, DishonestyRecordBody } from '../api/types.js';
import type { Lang } from '../i18n/messages.js';
import { FormController } from '../shared/form-controller.js';
import { recordProblems, TEXT } from './dishonesty.rules.js';
import type { Msg } from './dishonesty.list.js';

const FIELDS = ['idNumber', 'reason', 'basis', 'startDate', 'endDate', 'blocksCertificate'] as const;
type Field = (typeof FIELDS)[number];

export interface EditorOptions {
  lang(): Lang;
  msg: Msg;
  api(): ApiClient;
  /** The person the element shows (`person-id`); '' = the form asks for an ID number. */
  personId(): string;
  /** The server recorded it; what the element shows next. */
  recorded(record: DishonestyRecord): void;
}

export class RecordEditor {
  readonly #form: FormController<Field>;
  readonly #opts: EditorOptions;
  /** Each opening gets new inputs, so nothing typed for one record shows up in the next. */
  #opening = 0;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }, opts: EditorOptions) {
    this.#opts = opts;
    this.#form = new FormController<Field>(host, opts.lang, {
      // A getter: with `person-id` the element already knows whom the record concerns.
      get fields() {
        return opts.personId() ? FIELDS.filter((f) => f !== 'idNumber') : FIELDS;
      },
      optional: ['endDate', 'blocksCertificate'],
      label: (field) => opts.msg(field),
      checkOnChange: ['idNumber', 'endDate'],
      check: (v) => recordProblems(opts.lang(), opts.msg, v),
      send: (v) => this.#send(v),
    });
  }

  get busy(): boolean {
    return this.#form.busy;
  }

  /** Opens the form afresh: no errors of an earlier attempt, new inputs. */
  open(): void {
    this.#form.reset();
    this.#opening += 1;
  }

  async #send(v: Readonly<Record<Field, string>>): Promise<void> {
    const personId = this.#opts.personId();
    const body: DishonestyRecordBody = {
      ...(personId ? { personId } : { idNumber: normalizeIdNumber(v.idNumber) }),
      reason: v.reason,
      basis: v.basis,
      startDate: v.startDate,
      ...(v.endDate ? { endDate: v.endDate } : {}),
      blocksCertificate: v.blocksCertificate === 'on',
    };
    this.#opts.recorded(await this.#opts.api().post<DishonestyRecord>('/api/v1/dishonesty-records', body));
  }

  #checkbox(): TemplateResult {
    const { msg } = this.#opts;
    const error = this.#form.error('blocksCertificate');
    return html`<div class="field checkbox" part="field">
      <input
        id="blocksCertificate"
        name="blocksCertificate"
        type="checkbox"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'blocksCertificate-hint blocksCertificate-error' : 'blocksCertificate-hint'}
      />
      <label for="blocksCertificate">${msg('blocksCertificate')}</label>
      <p id="blocksCertificate-hint" class="hint">${msg('blocksHint')}</p>
      ${error ? html`<p id="blocksCertificate-error" class="error-text">${error}</p>` : nothing}
    </div>`;
  }

  render(cancel: () => void): TemplateResult {
    const { msg } = this.#opts;
    const form = this.#form;
    const personId = this.#opts.personId();
    return html`<section id="record-form" class="editor" aria-labelledby="form-title">
      <h3 id="form-title" tabindex="-1">${msg('formTitle')}</h3>
      <p class="hint lead">${msg(personId ? 'formLeadPerson' : 'formLead')}</p>
      ${keyed(
        this.#opening,
        form.render(html`<div class="grid">
            ${personId ? nothing : form.input('idNumber', { maxlength: 18, autocomplete: 'off', hint: msg('idNumberHint') })}
            ${form.input('startDate', { type: 'date', value: chinaDate(new Date()) })}
            ${form.input('endDate', { type: 'date', hint: msg('endDateHint') })}
          </div>
          ${form.textarea('reason', { rows: 3, maxlength: TEXT.max, hint: msg('reasonHint') })}
          ${form.textarea('basis', { rows: 2, maxlength: TEXT.max, hint: msg('basisHint') })} ${this.#checkbox()}
          <div class="form-actions">
            ${form.submitButton(msg('save'), msg('saving'))}
            <button type="button" @click=${cancel}>${msg('cancel')}</button>
          </div>`),
      )}
    </section>`;
  }
}
