// <jxjy-credit-summary>: a person's year against its requirements (学时完成情况): GET /me/credit-summary?year= —
// required, completed and missing hours per category, and whether every category is met. With `after` (a command's
// position, e.g. of a decision just made) the server answers once its totals include that change.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { CreditHours, CreditSummary } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { mergeCatalogs } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { creditLabel, creditMessages, formatHours, type CreditKey } from '../shared/credit.messages.js';
import { FIRST_DECLARABLE_YEAR, yearChoices } from '../shared/years.js';
import { creditSummaryMessages, type CreditSummaryKey } from './credit-summary.messages.js';
import styles from './credit-summary.styles.js';

type Row = keyof CreditHours;
const ROWS: readonly Row[] = [...CREDIT_CATEGORIES, 'total'];
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 学时完成情况 — the signed-in professional's hours of a year against that year's requirement, per category
 * (公需科目, 专业科目, 选修科目) and in total: required, completed (approved), missing, a progress bar each, and whether
 * the year is complete — every category on its own, as hours beyond one category never fill another. A year picker
 * (this year first). Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @csspart year - The year picker.
 * @csspart verdict - The complete / not-yet-complete panel, naming what is missing.
 * @csspart table - The per-category `<table>`.
 * @csspart bar - Each progress bar.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Progress bars of categories not yet met (default #0958d9).
 * @cssproperty --jxjy-color-success - Progress bars of met categories and the complete panel (default #2b7a0b).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyCreditSummary extends JxjyElement<CreditSummaryKey | CreditKey> {
  static override styles = styles;

  protected override readonly messages = mergeCatalogs(creditSummaryMessages, creditMessages);

  /** The year shown; defaults to this year. */
  @property({ type: Number }) year = new Date().getFullYear();
  /**
   * Attribute `after`: a command's `position`; the summary is read once the totals include it (e.g. right after an
   * approval). Not named `after` as a property: that is Element's own `after()` method.
   */
  @property({ attribute: 'after' }) afterPosition = '';
  /** The first year declarable here (the server's JXJY_FIRST_YEAR): the picker's earliest year. */
  @property({ type: Number, attribute: 'first-year' }) firstYear = FIRST_DECLARABLE_YEAR;

  @state() private summary: CreditSummary | undefined;
  @state() private reload = 0;

  readonly #summary = new Task(this, {
    task: (_args, { signal }) => {
      const q = new URLSearchParams({ year: String(this.year) });
      if (this.afterPosition) q.set('after', this.afterPosition);
      return this.api.get<CreditSummary>(`/api/v1/me/credit-summary?${q}`, { signal });
    },
    args: () => [...this.connection, this.year, this.afterPosition, this.reload],
    onComplete: (summary) => (this.summary = summary),
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#summary]);
  }

  // Another caller, server or year: the previous numbers must not stand under the new heading.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider', 'year'].some((p) => changed.has(p as keyof JxjyCreditSummary))) this.summary = undefined;
  }

  #label(row: Row): string {
    return row === 'total' ? this.msg('total') : creditLabel(this.effectiveLang, 'category', row);
  }

  #hours(hours: number): string {
    return formatHours(this.effectiveLang, hours);
  }

  #picker() {
    return html`<div class="year" part="year">
      <label for="year-picker">${this.msg('year')}</label>
      <select id="year-picker" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
        ${yearChoices(this.firstYear, new Date().getFullYear(), this.year).map(
          (y) => html`<option value=${y} ?selected=${y === this.year}>${this.msg('yearOption', { year: y })}</option>`,
        )}
      </select>
    </div>`;
  }

  #verdict(s: CreditSummary) {
    if (s.eligible) return html`<p class="verdict eligible" part="verdict" data-eligible="true">${this.msg('eligible', { year: s.year })}</p>`;
    const missing = CREDIT_CATEGORIES.filter((c) => s.missing[c] > 0).map((c) =>
      this.msg('missingItem', { category: this.#label(c), hours: this.#hours(s.missing[c]) }),
    );
    return html`<div class="verdict" part="verdict" data-eligible="false">
      <p>${this.msg('notEligible', { year: s.year })}</p>
      <ul>
        ${missing.map((m) => html`<li>${m}</li>`)}
      </ul>
      <p class="note">${this.msg('excessNote')}</p>
    </div>`;
  }

  #row(s: CreditSummary, row: Row) {
    const required = s.required[row];
    const done = s.completed[row];
    const met = s.missing[row] === 0;
    const percent = required > 0 ? Math.min(100, Math.floor((done / required) * 100)) : 100;
    const label = this.#label(row);
    return html`<tr data-row=${row} class=${row === 'total' ? 'total' : ''}>
      <th scope="row">${label}</th>
      <td class="num" data-cell="required">${this.#hours(required)}</td>
      <td class="num" data-cell="completed">${this.#hours(done)}</td>
      <td class="num ${met ? '' : 'short'}" data-cell="missing">${this.#hours(s.missing[row])}</td>
      <td class="bar-cell">
        <progress part="bar" class=${met ? 'met' : ''} max="100" value=${percent} aria-label=${this.msg('progressOf', { category: label })}></progress>
        <span class="percent">${percent}%</span>
      </td>
    </tr>`;
  }

  #table(s: CreditSummary) {
    return html`<div class="table-wrap">
      <table part="table">
        <caption>
          ${this.msg('caption', { year: s.year })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('category')}</th>
            <th scope="col" class="num">${this.msg('required')}</th>
            <th scope="col" class="num">${this.msg('completed')}</th>
            <th scope="col" class="num">${this.msg('missing')}</th>
            <th scope="col">${this.msg('progress')}</th>
          </tr>
        </thead>
        <tbody>
          ${ROWS.map((row) => this.#row(s, row))}
        </tbody>
      </table>
    </div>`;
  }

  #asOf(s: CreditSummary) {
    if (!s.asOf || Number.isNaN(Date.parse(s.asOf))) return nothing;
    const time = new Intl.DateTimeFormat(this.effectiveLang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.asOf));
    return html`<p class="as-of"><time datetime=${s.asOf}>${this.msg('asOf', { time })}</time></p>`;
  }

  protected override render() {
    const task = this.#summary;
    if (task.status === TaskStatus.ERROR && isSignInRequired(task.error)) return this.renderSignInNeeded();
    const s = this.summary;
    let body;
    if (s) body = html`${this.#verdict(s)} ${this.#table(s)} ${this.#asOf(s)}`;
    else if (task.status === TaskStatus.ERROR) {
      body = html`<div class="load-error" role="alert">
        <p>${errorText(task.error, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    } else body = html`<p class="status" role="status">${this.msg('loading')}</p>`;
    return html`${this.#picker()} ${body}`;
  }
}
