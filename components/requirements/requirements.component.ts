// <jxjy-requirements>: the yearly required hours (年度学时要求) the HR and social security department sets:
// GET /requirements/{year} shows what is in force (the defaults of the rules while nobody set any); PUT sets the
// hours of each category, in steps of 0.5. Eligibility for every certificate of that year is judged against them.
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus } from '@lit/task';
import { CREDIT_CATEGORIES, type CreditCategory } from '../../events/credit.js';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { Requirements } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { mergeCatalogs } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { creditLabel, creditMessages, formatHours, type CreditKey } from '../shared/credit.messages.js';
import { FormController } from '../shared/form-controller.js';
import { FIRST_DECLARABLE_YEAR, yearChoices } from '../shared/years.js';
import { requirementsMessages, type RequirementsKey } from './requirements.messages.js';
import { hoursProblem, MAX_HOURS, totalOf } from './requirements.rules.js';
import styles from './requirements.styles.js';

const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 年度学时要求 — for the HR and social security department (admin): choose a year, see the requirement in
 * force for it (公需科目, 专业科目, 选修科目 and their total; the defaults of the rules, said as such, while nobody set
 * any), and change it: each category's hours in steps of 0.5, not below 0, the total shown as they are typed. The
 * server's field details land on their fields. Certificates already issued keep the hours they were issued on.
 * Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-requirements-saved - `{year, public, professional, elective}` after the server saved a year's requirements.
 *
 * @csspart year - The year picker.
 * @csspart table - The requirement in force.
 * @csspart form - The `<form>` that changes it.
 * @csspart field - Each label + input + message group.
 * @csspart error - The form's error summary.
 * @csspart submit - The save button.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Buttons (default #0958d9).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyRequirements extends JxjyElement<RequirementsKey | CreditKey> {
  static override styles = styles;

  protected override readonly messages = mergeCatalogs(requirementsMessages, creditMessages);

  /** The year shown; defaults to this year. */
  @property({ type: Number }) year = new Date().getFullYear();
  /** The earliest year offered (the server's JXJY_FIRST_YEAR); the picker also offers next year, to set it ahead. */
  @property({ type: Number, attribute: 'first-year' }) firstYear = FIRST_DECLARABLE_YEAR;

  @state() private current: Requirements | undefined;
  /** The values as typed, for the running total; undefined = as loaded. */
  @state() private typed: readonly string[] | undefined;
  @state() private notice = '';
  @state() private reload = 0;

  readonly #requirements = new Task(this, {
    task: (_args, { signal }) => this.api.get<Requirements>(`/api/v1/requirements/${this.year}`, { signal }),
    args: () => [...this.connection, this.year, this.reload],
    onComplete: (requirements) => {
      if (requirements.year === this.year) this.current = requirements;
    },
  });

  readonly #form = new FormController<CreditCategory>(this, () => this.effectiveLang, {
    fields: CREDIT_CATEGORIES,
    label: (field) => creditLabel(this.effectiveLang, 'category', field),
    check: (v) => {
      this.notice = '';
      return Object.fromEntries(CREDIT_CATEGORIES.map((c) => [c, this.#problem(c, v[c])]));
    },
    send: async (v) => {
      const year = this.year;
      const body = { public: Number(v.public), professional: Number(v.professional), elective: Number(v.elective) };
      const saved = await this.api.put<Requirements>(`/api/v1/requirements/${year}`, body);
      this.current = saved;
      this.typed = undefined;
      this.notice = this.msg('saved', { year, total: this.#hours(saved.total) });
      this.emit('jxjy-requirements-saved', { year, ...body });
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#requirements]);
  }

  // Another year, caller or server: the numbers shown must be that one's, and nothing typed for another stays.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['year', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyRequirements))) {
      Object.assign(this, { current: undefined, typed: undefined, notice: '' });
      this.#form.reset();
    }
  }

  #problem(category: CreditCategory, value: string): string | undefined {
    const problem = hoursProblem(value);
    return problem ? this.msg(problem, { label: creditLabel(this.effectiveLang, 'category', category), max: MAX_HOURS }) : undefined;
  }

  #hours(hours: number): string {
    return formatHours(this.effectiveLang, hours);
  }

  #onInput() {
    this.typed = CREDIT_CATEGORIES.map((c) => this.renderRoot.querySelector<HTMLInputElement>(`#${c}`)?.value.trim() ?? '');
  }

  #picker() {
    return html`<div class="year" part="year">
      <label for="year-picker">${this.msg('year')}</label>
      <select id="year-picker" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
        ${yearChoices(this.firstYear, new Date().getFullYear() + 1, this.year).map(
          (y) => html`<option value=${y} ?selected=${y === this.year}>${this.msg('yearOption', { year: y })}</option>`,
        )}
      </select>
    </div>`;
  }

  #inForce(r: Requirements) {
    const when = r.setAt ? new Intl.DateTimeFormat(this.effectiveLang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(r.setAt)) : '';
    return html`<section class="in-force" aria-labelledby="current-title">
      <h3 id="current-title">${this.msg('currentTitle', { year: r.year })}</h3>
      <table part="table" aria-labelledby="current-title">
        <thead>
          <tr>
            <th scope="col">${this.msg('category')}</th>
            <th scope="col" class="num">${this.msg('hours')}</th>
          </tr>
        </thead>
        <tbody>
          ${CREDIT_CATEGORIES.map(
            (c) => html`<tr data-row=${c}>
              <th scope="row">${creditLabel(this.effectiveLang, 'category', c)}</th>
              <td class="num">${this.#hours(r[c])}</td>
            </tr>`,
          )}
          <tr data-row="total" class="total">
            <th scope="row">${this.msg('total')}</th>
            <td class="num">${this.#hours(r.total)}</td>
          </tr>
        </tbody>
      </table>
      <p class="source ${r.setAt ? '' : 'defaults'}" data-testid="source">
        ${r.setAt ? html`${this.msg('setAt', { time: when })}` : this.msg('defaults', { year: r.year })}
      </p>
    </section>`;
  }

  #editor(r: Requirements) {
    const form = this.#form;
    const total = totalOf(this.typed ?? CREDIT_CATEGORIES.map((c) => String(r[c])));
    // Keyed by what was loaded: another year or a save starts the inputs from the numbers now in force.
    return html`<section class="editor" aria-labelledby="edit-title">
      <h3 id="edit-title">${this.msg('editTitle', { year: r.year })}</h3>
      ${keyed(
        `${r.year}:${r.setAt ?? 'defaults'}`,
        form.render(html`<div class="grid" @input=${() => this.#onInput()}>
            ${CREDIT_CATEGORIES.map((c) => form.input(c, { value: String(r[c]), inputmode: 'decimal', maxlength: 6, hint: this.msg('hoursHint') }))}
          </div>
          <p class="total-line"><output data-testid="total">${total === undefined ? this.msg('totalUnknown') : this.msg('totalLine', { total: this.#hours(total) })}</output></p>
          <p class="effect-hint">${this.msg('effectHint')}</p>
          ${form.submitButton(this.msg('save'), this.msg('saving'))}`),
      )}
    </section>`;
  }

  #body() {
    const task = this.#requirements;
    const r = this.current;
    if (r) return html`${this.#inForce(r)} ${this.#editor(r)}`;
    if (task.status === TaskStatus.ERROR) {
      return html`<div class="load-error" role="alert">
        <p>${errorText(task.error, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    return html`<p class="status" role="status">${this.msg('loading')}</p>`;
  }

  protected override render() {
    const task = this.#requirements;
    if (task.status === TaskStatus.ERROR && isSignInRequired(task.error)) return this.renderSignInNeeded();
    return html`${this.#picker()}
      <p class="notice" role="status">${this.notice}</p>
      ${this.#body()}`;
  }
}
