// Templates of <jxjy-history>: a period's hours per year and category, its records, and the old certificates with
// 打印 and the link to their verification page. Plain templates over what the element passes in.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import type { CreditHours, HistoryCertificate, HistoryPeriod, HistoryRecord, HistoryRecords } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { creditLabel, formatHours, type CreditKey } from '../shared/credit.messages.js';
import type { HistoryKey } from './history.messages.js';

export type Msg = (key: HistoryKey | CreditKey | CoreKey, params?: Params) => string;
type Column = keyof CreditHours;
const COLUMNS: readonly Column[] = [...CREDIT_CATEGORIES, 'total'];

export interface ViewContext {
  lang: Lang;
  msg: Msg;
  /** The certificate whose PDF is being fetched. */
  printing: string | undefined;
  print(certificate: HistoryCertificate): void;
  /** The public page that verifies a code (the server's /verify/{code}). */
  verifyUrl(code: string): string;
}

/** The name the server gives the print, for when a gateway hides its Content-Disposition. */
export const printFilename = (c: Pick<HistoryCertificate, 'year' | 'certificateNo'>) => `${c.year}年度继续教育证书-旧系统-${c.certificateNo}.pdf`;

/** Newest year first; within a year, the server's order. */
const newestFirst = (items: readonly HistoryRecord[]) =>
  items.map((item, index) => ({ item, index })).sort((a, b) => b.item.year - a.item.year || a.index - b.index).map(({ item }) => item);

const hours = (c: ViewContext, n: number) => formatHours(c.lang, n);
const column = (c: ViewContext, k: Column) => (k === 'total' ? c.msg('total') : creditLabel(c.lang, 'category', k));
const period = (c: ViewContext, p: HistoryPeriod) => c.msg(`period.${p}`);
/**
 * Words a screen reader needs and sight does not (which certificate a row's button acts on): part of the name from
 * content, so the visible word stays the start of it (WCAG 2.5.3), in Chinese too, where there is no space between.
 */
const hidden = (words: string) => html`<span class="visually-hidden">${words}</span>`;
/** An empty cell, said as "none" rather than read as a dash. */
const none = (c: ViewContext) => html`<span aria-hidden="true">—</span><span class="visually-hidden">${c.msg('none')}</span>`;
const text = (c: ViewContext, value: string | null) => (value ? value : none(c));
const day = (c: ViewContext, value: string | null) => (value ? html`<time datetime=${value}>${value}</time>` : none(c));

function empty(c: ViewContext, message: string) {
  return html`<div class="empty" data-testid="empty">
    <p>${message}</p>
    <p class="hint">${c.msg('noDataHint')}</p>
  </div>`;
}

function totalsTable(c: ViewContext, p: HistoryPeriod, totals: HistoryRecords['totals']) {
  const years = Object.keys(totals).sort((a, b) => Number(b) - Number(a));
  return html`<div class="table-wrap">
    <table class="totals" part="totals">
      <caption>
        ${c.msg('totalsCaption', { period: period(c, p) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('year')}</th>
          ${COLUMNS.map((k) => html`<th scope="col" class="num">${column(c, k)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${years.map(
          (year) => html`<tr data-year=${year}>
            <th scope="row">${c.msg('yearValue', { year })}</th>
            ${COLUMNS.map((k) => html`<td class="num ${k === 'total' ? 'total' : ''}" data-cell=${k}>${hours(c, totals[year]![k])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function recordsTable(c: ViewContext, p: HistoryPeriod, items: readonly HistoryRecord[]) {
  // Nothing in the rows takes focus, so the scrolling box does (with a name), for keyboard scrolling (WCAG 2.1.1).
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label=${c.msg('recordsRegion', { period: period(c, p) })}>
    <table class="records" part="table">
      <caption>
        ${c.msg('recordsCaption', { period: period(c, p), count: items.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('year')}</th>
          <th scope="col">${c.msg('title')}</th>
          <th scope="col">${c.msg('category')}</th>
          <th scope="col" class="num">${c.msg('hours')}</th>
          <th scope="col">${c.msg('organizer')}</th>
          <th scope="col">${c.msg('reviewedBy')}</th>
          <th scope="col">${c.msg('reviewedAt')}</th>
        </tr>
      </thead>
      <tbody>
        ${newestFirst(items).map(
          (r) => html`<tr data-year=${r.year} data-category=${r.category}>
            <td class="nowrap">${r.year}</td>
            <th scope="row">${r.title}</th>
            <td class="nowrap">${creditLabel(c.lang, 'category', r.category)}</td>
            <td class="num">${hours(c, r.hours)}</td>
            <td>${text(c, r.organizer)}</td>
            <td>${text(c, r.reviewedBy)}</td>
            <td class="nowrap">${day(c, r.reviewedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The tab panel's content: the period's totals and its records, or why there are none. */
export function periodView(c: ViewContext, p: HistoryPeriod, data: HistoryRecords) {
  if (!data.items.length) return empty(c, c.msg('noRecords', { period: period(c, p) }));
  return html`${totalsTable(c, p, data.totals)} ${recordsTable(c, p, data.items)}`;
}

function certificateRow(c: ViewContext, cert: HistoryCertificate) {
  const h = cert.hours;
  const busy = c.printing === cert.certificateNo;
  return html`<tr data-certificate-no=${cert.certificateNo}>
    <th scope="row" class="nowrap">${cert.certificateNo}</th>
    <td class="nowrap">${cert.year}</td>
    <td data-cell="hours">${c.msg('hoursLine', { total: hours(c, h.total), public: hours(c, h.public), professional: hours(c, h.professional), elective: hours(c, h.elective) })}</td>
    <td class="nowrap">${day(c, cert.issuedAt)}</td>
    <td>${text(c, cert.issuer)}</td>
    <td class="actions">
      <button type="button" class="small primary" data-action="print" aria-busy=${busy ? 'true' : 'false'} @click=${() => c.print(cert)}>
        ${busy ? c.msg('printing') : c.msg('print')}${hidden(c.msg('printTarget', { no: cert.certificateNo }))}
      </button>
      <a class="verify" href=${c.verifyUrl(cert.verificationCode)} target="_blank" rel="noopener" data-action="verify"
        >${c.msg('verify')}${hidden(c.msg('verifyTarget', { no: cert.certificateNo }))}</a
      >
    </td>
  </tr>`;
}

export function certificatesView(c: ViewContext, items: readonly HistoryCertificate[]) {
  if (!items.length) return empty(c, c.msg('noCertificates'));
  const sorted = [...items].sort((a, b) => b.year - a.year);
  return html`<div class="table-wrap">
      <table class="certificates" part="certificates">
        <caption>
          ${c.msg('certificatesCaption', { count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${c.msg('certificateNo')}</th>
            <th scope="col">${c.msg('year')}</th>
            <th scope="col">${c.msg('certificateHours')}</th>
            <th scope="col">${c.msg('issuedAt')}</th>
            <th scope="col">${c.msg('issuer')}</th>
            <th scope="col">${c.msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(sorted, (cert) => cert.certificateNo, (cert) => certificateRow(c, cert))}
        </tbody>
      </table>
    </div>
    <p class="hint">${c.msg('printHint')}</p>`;
}

