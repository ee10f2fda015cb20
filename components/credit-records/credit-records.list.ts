// The list screen of <jxjy-credit-records>: the year and status filters with 新增申报, and the records table (a
// rejected record shows its reason) with 加载更多. Plain templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CreditRecordItem, CreditStatus } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { creditLabel, formatHours, type CreditKey } from '../shared/credit.messages.js';
import type { CreditRecordsKey } from './credit-records.messages.js';

export type Msg = (key: CreditRecordsKey | CreditKey | CoreKey, params?: Params) => string;

export const STATUSES: readonly CreditStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'revoked'];

export interface ListContext {
  lang: Lang;
  msg: Msg;
  year: number;
  /** The years offered, newest first. */
  years: readonly number[];
  status: CreditStatus | '';
  rows: readonly CreditRecordItem[];
  loading: boolean;
  /** Why the list could not be read. */
  error: string | undefined;
  retry(): void;
  setYear(year: number): void;
  setStatus(status: CreditStatus | ''): void;
  create(): void;
  open(row: CreditRecordItem): void;
  /** Present when there is a next page. */
  more?: { busy: boolean; error: string | undefined; load(): void } | undefined;
}

export function statusTag(lang: Lang, status: string) {
  return html`<span class="tag ${status}" data-status=${status}>${creditLabel(lang, 'status', status)}</span>`;
}

export function dateRange(start: string, end: string) {
  const span = (d: string) => html`<time datetime=${d}>${d}</time>`;
  return start === end ? span(start) : html`${span(start)} – ${span(end)}`;
}

export function listFilters(c: ListContext) {
  return html`<div class="filters" part="filters">
    <div class="filter">
      <label for="year-filter">${c.msg('year')}</label>
      <select id="year-filter" @change=${(e: Event) => c.setYear(Number((e.target as HTMLSelectElement).value))}>
        ${c.years.map((y) => html`<option value=${y} ?selected=${y === c.year}>${c.msg('yearOption', { year: y })}</option>`)}
      </select>
    </div>
    <div class="filter">
      <label for="status-filter">${c.msg('statusFilter')}</label>
      <select id="status-filter" @change=${(e: Event) => c.setStatus((e.target as HTMLSelectElement).value as CreditStatus | '')}>
        <option value="" ?selected=${c.status === ''}>${c.msg('allStatuses')}</option>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${c.status === s}>${creditLabel(c.lang, 'status', s)}</option>`)}
      </select>
    </div>
    <button type="button" class="primary" data-action="create" @click=${() => c.create()}>${c.msg('newRecord')}</button>
  </div>`;
}

function row(c: ListContext, r: CreditRecordItem) {
  return html`<tr data-record-id=${r.recordId}>
    <th scope="row">
      ${r.title}
      ${r.organizer ? html`<div class="sub">${r.organizer}</div>` : nothing}
    </th>
    <td>${creditLabel(c.lang, 'category', r.category)}</td>
    <td>${creditLabel(c.lang, 'mode', r.mode)}</td>
    <td class="nowrap">${dateRange(r.startDate, r.endDate)}</td>
    <td class="num">${formatHours(c.lang, r.hours)}</td>
    <td class="num">${r.attachmentCount}</td>
    <td>
      ${statusTag(c.lang, r.status)}
      ${r.status === 'rejected' && r.reason ? html`<div class="reason">${c.msg('reasonLabel')}：${r.reason}</div>` : nothing}
    </td>
    <td class="actions" part="actions">
      <button type="button" class="small" data-action="open" aria-label=${c.msg('viewRecord', { title: r.title })} @click=${() => c.open(r)}>
        ${c.msg('view')}
      </button>
    </td>
  </tr>`;
}

export function listTable(c: ListContext) {
  if (!c.rows.length) {
    if (c.loading || c.error) return nothing;
    const empty = c.status ? c.msg('emptyFiltered', { year: c.year, status: creditLabel(c.lang, 'status', c.status) }) : c.msg('empty', { year: c.year });
    return html`<p class="empty">${empty}</p>`;
  }
  const more = c.more;
  return html`<div class="table-wrap">
      <table part="table" aria-busy=${c.loading ? 'true' : 'false'}>
        <caption>
          ${c.msg('listCaption', { year: c.year, count: c.rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${c.msg('title')}</th>
            <th scope="col">${c.msg('category')}</th>
            <th scope="col">${c.msg('mode')}</th>
            <th scope="col">${c.msg('dates')}</th>
            <th scope="col" class="num">${c.msg('hours')}</th>
            <th scope="col" class="num">${c.msg('attachmentCount')}</th>
            <th scope="col">${c.msg('status')}</th>
            <th scope="col">${c.msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(c.rows, (r) => r.recordId, (r) => row(c, r))}
        </tbody>
      </table>
    </div>
    ${more
      ? html`<div class="pager" part="pager">
          ${more.error ? html`<p class="error-text" role="alert">${more.error}</p>` : nothing}
          <button type="button" aria-busy=${more.busy ? 'true' : 'false'} @click=${() => more.load()}>
            ${more.busy ? c.msg('loading') : c.msg('loadMore')}
          </button>
        </div>`
      : nothing}`;
}

/** Loading, or why loading failed with a retry (and a way back when there is one). */
export function loadState(msg: Msg, error: string | undefined, retry: () => void, back?: () => void) {
  if (!error) return html`<p class="status" role="status">${msg('loading')}</p>`;
  return html`<div class="load-error" role="alert">
    <p>${error}</p>
    <button type="button" @click=${retry}>${msg('retry')}</button>
    ${back ? html`<button type="button" @click=${back}>${msg('back')}</button>` : nothing}
  </div>`;
}

export function listScreen(c: ListContext) {
  const waiting = !c.rows.length && (c.loading || c.error) ? loadState(c.msg, c.error, c.retry) : nothing;
  return html`${listFilters(c)} ${waiting} ${listTable(c)}`;
}
