// The 新建培训班 form of <jxjy-class-manage>: its fields, the client checks of class-manage.rules.ts and the shared
// field rules, and the POST it sends; the element decides what happens after. The shared FormController owns the
// submit flow and lands the server's `details` (422) on the fields, anything else in the form's error summary.
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { CREDIT_CATEGORIES, type CreditCategory } from '../../events/credit.js';
import type { ApiClient } from '../api/api-client.js';
import type { ClassCreationBody, TrainingClass } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { creditLabel } from '../shared/credit.messages.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import type { ClassManageKey } from './class-manage.messages.js';
import { CAPACITY, classProblems, type Problem } from './class-manage.rules.js';

export const FIELDS = ['title', 'category', 'hours', 'capacity', 'startDate', 'endDate', 'regionCode', 'description'] as const;
export type Field = (typeof FIELDS)[number];
const TITLE = { min: 2, max: 100 } as const;
const DESCRIPTION_MAX = 2_000;

type Msg = (key: ClassManageKey | CoreKey, params?: Params) => string;

export interface EditorOptions {
  lang(): Lang;
  msg: Msg;
  api(): ApiClient;
  /** The server created the class (a draft); what the element shows next. */
  created(klass: TrainingClass): void;
}

export class ClassEditor {
  readonly #form: FormController<Field>;
  readonly #opts: EditorOptions;
  /** Each opening gets new inputs, so nothing typed for one class shows up in the next. */
  #opening = 0;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }, opts: EditorOptions) {
    this.#opts = opts;
    this.#form = new FormController<Field>(host, opts.lang, {
      fields: FIELDS,
      optional: ['regionCode', 'description'],
      label: (field) => opts.msg(field),
      checkOnChange: ['hours', 'capacity', 'endDate'],
      check: (v) => this.#check(v),
      send: async (v) => opts.created(await opts.api().post<TrainingClass>('/api/v1/classes', this.#body(v))),
    });
  }

  /** Opens the form afresh: no errors of an earlier attempt, new inputs. */
  open(): void {
    this.#form.reset();
    this.#opening += 1;
  }

  #word(problem: Problem | undefined): string | undefined {
    if (!problem) return undefined;
    const field = problem.params?.['field'];
    return this.#opts.msg(problem.key, { ...problem.params, ...(typeof field === 'string' ? { label: this.#opts.msg(field as Field) } : {}) });
  }

  #check(v: Readonly<Record<Field, string>>) {
    const { msg } = this.#opts;
    const rules = fieldRules(this.#opts.lang());
    const found = classProblems(v);
    return {
      title: rules.name(v.title, msg('title'), TITLE),
      hours: this.#word(found.hours),
      capacity: this.#word(found.capacity),
      startDate: this.#word(found.startDate),
      endDate: this.#word(found.endDate),
      regionCode: rules.provinceRegionCode(v.regionCode),
      description: rules.text(v.description, msg('description')),
    };
  }

  /** The optional fields are left out when empty: the server then takes the institution's own region. */
  #body(v: Readonly<Record<Field, string>>): ClassCreationBody {
    return {
      title: v.title,
      category: v.category as CreditCategory,
      hours: Number(v.hours),
      capacity: Number(v.capacity),
      startDate: v.startDate,
      endDate: v.endDate,
      ...(v.regionCode ? { regionCode: v.regionCode } : {}),
      ...(v.description ? { description: v.description } : {}),
    };
  }

  render(cancel: () => void): TemplateResult {
    const { msg } = this.#opts;
    const form = this.#form;
    const lang = this.#opts.lang();
    const categories = [{ value: '', label: msg('chooseCategory') }, ...CREDIT_CATEGORIES.map((value) => ({ value, label: creditLabel(lang, 'category', value) }))];
    return html`<h3 id="screen-title" tabindex="-1">${msg('newTitle')}</h3>
      ${keyed(
        this.#opening,
        form.render(html`<fieldset>
            <legend>${msg('basics')}</legend>
            <div class="grid">
              ${form.input('title', { maxlength: TITLE.max, autocomplete: 'off', hint: msg('titleHint') })}
              ${form.select('category', { options: categories })}
              ${form.input('regionCode', { maxlength: 6, inputmode: 'numeric', autocomplete: 'off', hint: msg('regionHint') })}
            </div>
            ${form.textarea('description', { rows: 4, maxlength: DESCRIPTION_MAX, hint: msg('descriptionHint') })}
          </fieldset>
          <fieldset>
            <legend>${msg('schedule')}</legend>
            <div class="grid">
              ${form.input('startDate', { type: 'date', hint: msg('datesHint') })}
              ${form.input('endDate', { type: 'date' })}
              ${form.input('hours', { inputmode: 'decimal', maxlength: 7, hint: msg('hoursHint') })}
              ${form.input('capacity', { inputmode: 'numeric', maxlength: String(CAPACITY.max).length, hint: msg('capacityHint') })}
            </div>
          </fieldset>
          <div class="form-actions">
            ${form.submitButton(msg('create'), msg('creating'))}
            <button type="button" @click=${cancel}>${msg('cancel')}</button>
          </div>`),
      )}`;
  }
}
