// The declaration form of <jxjy-credit-records> (新增 / 修改学时申报): its fields, the client checks of
// credit-records.rules.ts, and the POST or PATCH it sends; the element decides what happens after. The shared
// FormController owns the submit flow and lands the server's `details` on the fields.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { CREDIT_CATEGORIES, CREDIT_MODES } from '../../events/credit.js';
import { type ApiClient, SubmissionKey } from '../api/api-client.js';
import type { CreditDeclarationBody, CreditRecord } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import type { CreditKey } from '../shared/credit.messages.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { yearChoices } from '../shared/years.js';
import type { CreditRecordsKey } from './credit-records.messages.js';
import { declarationProblems, localDate, type Problem } from './credit-records.rules.js';

export const FIELDS = ['year', 'category', 'title', 'mode', 'organizer', 'startDate', 'endDate', 'hours'] as const;
export type Field = (typeof FIELDS)[number];
const TITLE = { min: 2, max: 100 } as const;
const ORGANIZER = { min: 1, max: 100 } as const;

type Msg = (key: CreditRecordsKey | CreditKey | CoreKey, params?: Params) => string;

export interface EditorOptions {
  lang(): Lang;
  msg: Msg;
  firstYear(): number;
  api(): ApiClient;
  /** The server saved the record (`edited`: it existed before); what the element shows next. */
  saved(record: CreditRecord, edited: boolean): void;
}

export class RecordEditor {
  readonly #form: FormController<Field>;
  readonly #host: ReactiveControllerHost;
  readonly #opts: EditorOptions;
  /** The year chosen in the open form: the date pickers offer its days only. */
  #year: string | undefined;
  /** Each opening gets new inputs, so nothing typed for one record shows up in another. */
  #opening = 0;
  /** The record being edited; none for a new one. */
  #record: CreditRecord | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }, opts: EditorOptions) {
    this.#host = host;
    this.#opts = opts;
    this.#form = new FormController<Field>(host, opts.lang, {
      fields: FIELDS,
      optional: ['organizer'],
      label: (field) => opts.msg(field),
      checkOnChange: ['startDate', 'endDate', 'hours'],
      check: (v) => this.#check(v),
      send: (v) => this.#send(this.#body(v)),
    });
  }

  /** A new record's key: a second try of the same declaration (a 503, a lost answer) declares it once. */
  readonly #submission = new SubmissionKey();

  /** Opens the form afresh for `record` (修改) or a new record (新增): no errors of an earlier attempt, new inputs. */
  open(record?: CreditRecord): void {
    this.#form.reset();
    this.#record = record;
    this.#year = undefined;
    this.#opening += 1;
  }

  /** POST for a new record, PATCH for the edited one (every field, '' clearing the organizer); errors reach the form. */
  async #send(body: CreditDeclarationBody): Promise<void> {
    const api = this.#opts.api();
    const editing = this.#record;
    const { organizer, ...rest } = body;
    const saved = editing
      ? await api.patch<CreditRecord>(`/api/v1/credit-records/${encodeURIComponent(editing.recordId)}`, body)
      : await api.post<CreditRecord>('/api/v1/credit-records', organizer ? body : rest, { idempotencyKey: this.#submission.for(body) });
    if (!editing) this.#submission.done();
    this.#opts.saved(saved, !!editing);
  }

  get busy(): boolean {
    return this.#form.busy;
  }

  #word(problem: Problem | undefined): string | undefined {
    if (!problem) return undefined;
    const field = problem.params?.['field'];
    return this.#opts.msg(problem.key, { ...problem.params, ...(typeof field === 'string' ? { label: this.#opts.msg(field as Field) } : {}) });
  }

  #check(v: Readonly<Record<Field, string>>) {
    const { msg } = this.#opts;
    const rules = fieldRules(this.#opts.lang());
    const found = declarationProblems(v, { firstYear: this.#opts.firstYear(), today: localDate(new Date()) });
    return {
      year: this.#word(found.year),
      title: rules.name(v.title, msg('title'), TITLE),
      organizer: rules.name(v.organizer, msg('organizer'), ORGANIZER),
      startDate: this.#word(found.startDate),
      endDate: this.#word(found.endDate),
      hours: this.#word(found.hours),
    };
  }

  #body(v: Readonly<Record<Field, string>>): CreditDeclarationBody {
    return {
      year: Number(v.year),
      category: v.category as CreditDeclarationBody['category'],
      title: v.title,
      mode: v.mode as CreditDeclarationBody['mode'],
      organizer: v.organizer,
      startDate: v.startDate,
      endDate: v.endDate,
      hours: Number(v.hours),
    };
  }

  #years(selected: number): { value: string; label: string }[] {
    return yearChoices(this.#opts.firstYear(), new Date().getFullYear(), selected).map((y) => ({ value: String(y), label: this.#opts.msg('yearOption', { year: y }) }));
  }

  #options<T extends string>(values: readonly T[], prefix: 'category' | 'mode', unset: CreditRecordsKey) {
    return [{ value: '', label: this.#opts.msg(unset) }, ...values.map((value) => ({ value, label: this.#opts.msg(`${prefix}.${value}` as CreditKey) }))];
  }

  readonly #onChange = (event: Event) => {
    const target = event.target as HTMLSelectElement;
    if (target.name !== 'year') return;
    this.#year = target.value;
    this.#host.requestUpdate();
  };

  /** The screen for the record opened (修改; a rejected one shows why) or a new one (新增) whose year starts at `year`. */
  render(year: number, cancel: () => void): TemplateResult {
    const { msg } = this.#opts;
    const record = this.#record;
    const form = this.#form;
    const chosen = this.#year ?? String(record?.year ?? year);
    const bounds = { min: `${chosen}-01-01`, max: `${chosen}-12-31` };
    return html`<h3 id="screen-title" tabindex="-1">${msg(record ? 'editTitle' : 'newTitle')}</h3>
      ${record?.status === 'rejected' && record.reason
        ? html`<p class="panel rejected"><span class="label">${msg('reasonLabel')}：</span><span class="reason">${record.reason}</span></p>`
        : nothing}
      ${keyed(
      `${record?.recordId ?? 'new'}:${this.#opening}`,
      form.render(html`<fieldset @change=${this.#onChange}>
          <legend>${msg('projectSection')}</legend>
          <div class="grid">
            ${form.select('year', { value: chosen, options: this.#years(Number(chosen)) })}
            ${form.select('category', { value: record?.category, options: this.#options(CREDIT_CATEGORIES, 'category', 'chooseCategory') })}
            ${form.input('title', { value: record?.title, maxlength: TITLE.max, hint: msg('titleHint') })}
            ${form.select('mode', { value: record?.mode, options: this.#options(CREDIT_MODES, 'mode', 'chooseMode') })}
            ${form.input('organizer', { value: record?.organizer, maxlength: ORGANIZER.max, autocomplete: 'organization', hint: msg('organizerHint') })}
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('timeSection')}</legend>
          <div class="grid">
            ${form.input('startDate', { type: 'date', value: record?.startDate, ...bounds, hint: msg('datesHint') })}
            ${form.input('endDate', { type: 'date', value: record?.endDate, ...bounds })}
            ${form.input('hours', { value: record ? String(record.hours) : undefined, inputmode: 'decimal', maxlength: 7, hint: msg('hoursHint') })}
          </div>
        </fieldset>
        <div class="form-actions">
          ${form.submitButton(msg('save'), msg('saving'))}
          <button type="button" @click=${cancel}>${msg('cancel')}</button>
        </div>`),
    )}`;
  }
}
