// Templates of <jxjy-certificate>: the blocked notice, the overview of every year, and one year's detail (the verdict
// naming each shortfall, the hours per category, its certificate with number, dates, status, grouped verification
// code and verification link, its tamper-evident timeline under 查看记录, and the 打印证书 / 下载证书 actions). Plain
// templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import { chinaDate } from '../../events/vocabulary/index.js';
import type { Certificate, CertificateYear, CreditHours, MyCertificates } from '../api/types.js';
import type { Embedding } from '../base/jxjy-element.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { creditLabel, formatHours, type CreditKey } from '../shared/credit.messages.js';
import { embeddedTimeline } from '../timeline/timeline.embed.js';
import type { CertificateKey } from './certificate.messages.js';

export type Msg = (key: CertificateKey | CreditKey | CoreKey, params?: Params) => string;
type Row = keyof CreditHours;
type YearState = 'valid' | 'revoked' | 'blocked' | 'eligible' | 'short';
const ROWS: readonly Row[] = [...CREDIT_CATEGORIES, 'total'];

export interface ViewContext {
  lang: Lang;
  msg: Msg;
  data: MyCertificates;
  /** The year whose detail is shown. */
  selected: CertificateYear | undefined;
  /** The command in flight. */
  busy: 'issue' | 'download' | undefined;
  /** What the certificate's timeline asks with (the element's configuration). */
  embedding: Embedding;
  select(year: number): void;
  issue(year: CertificateYear): void;
  download(certificate: Certificate): void;
}

/** The code as people copy it off paper: groups of four. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** A year may be issued (again) when every category is met, nothing blocks it, and no valid certificate stands. */
export const canIssue = (y: CertificateYear) => y.eligible && !y.blocked && y.certificate?.status !== 'valid';

function yearState(y: CertificateYear): YearState {
  if (y.certificate) return y.certificate.status;
  if (y.eligible) return y.blocked ? 'blocked' : 'eligible';
  return 'short';
}

const label = (c: ViewContext, row: Row) => (row === 'total' ? c.msg('total') : creditLabel(c.lang, 'category', row));
const hours = (c: ViewContext, n: number) => formatHours(c.lang, n);
const day = (iso: string) => html`<time datetime=${iso}>${chinaDate(iso)}</time>`;

export function blockedNotice(c: ViewContext) {
  const blocks = c.data.blockedBy;
  if (!blocks.length) return nothing;
  return html`<section class="panel blocked" part="blocked" aria-labelledby="blocked-title">
    <h3 id="blocked-title">${c.msg('blockedTitle')}</h3>
    <p>${c.msg('blockedLead')}</p>
    <ul>
      ${blocks.map(
        (b) => html`<li data-record-id=${b.recordId}>
          ${b.endDate ? c.msg('blockedUntil', { reason: b.reason, date: b.endDate }) : c.msg('blockedOpen', { reason: b.reason })}
        </li>`,
      )}
    </ul>
  </section>`;
}

function overviewRow(c: ViewContext, y: CertificateYear) {
  const state = yearState(y);
  const selected = c.selected?.year === y.year;
  return html`<tr data-year=${y.year} class=${selected ? 'selected' : ''}>
    <th scope="row">${c.msg('yearOption', { year: y.year })}</th>
    ${ROWS.map(
      (row) => html`<td class="num ${y.missing[row] > 0 ? 'short' : ''}" data-cell=${row}>
        ${c.msg('hoursOf', { completed: hours(c, y.completed[row]), required: hours(c, y.required[row]) })}
      </td>`,
    )}
    <td><span class="tag ${state}" data-state=${state}>${c.msg(`state.${state}`)}</span></td>
    <td class="actions">
      <button type="button" class="small" data-action="view" aria-pressed=${selected ? 'true' : 'false'}
        aria-label=${c.msg('viewYear', { year: y.year })} @click=${() => c.select(y.year)}>${c.msg('view')}</button>
    </td>
  </tr>`;
}

export function overview(c: ViewContext) {
  if (!c.data.items.length) return html`<p class="empty">${c.msg('empty')}</p>`;
  return html`<div class="table-wrap">
    <table part="table" class="overview">
      <caption>
        ${c.msg('overviewCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('year')}</th>
          ${ROWS.map((row) => html`<th scope="col" class="num">${label(c, row)}</th>`)}
          <th scope="col">${c.msg('certificate')}</th>
          <th scope="col">${c.msg('actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(c.data.items, (y) => y.year, (y) => overviewRow(c, y))}
      </tbody>
    </table>
  </div>`;
}

function verdict(c: ViewContext, y: CertificateYear) {
  if (y.eligible) return html`<p class="verdict eligible" part="verdict" data-eligible="true">${c.msg('eligible', { year: y.year })}</p>`;
  const short = CREDIT_CATEGORIES.filter((k) => y.missing[k] > 0);
  return html`<div class="verdict" part="verdict" data-eligible="false">
    <p>${c.msg('notEligible', { year: y.year })}</p>
    <ul>
      ${short.map((k) => html`<li data-category=${k}>${c.msg('missingItem', { category: label(c, k), hours: hours(c, y.missing[k]) })}</li>`)}
    </ul>
    <p class="note">${c.msg('excessNote')}</p>
  </div>`;
}

function hoursTable(c: ViewContext, y: CertificateYear) {
  return html`<div class="table-wrap">
    <table class="hours">
      <caption>
        ${c.msg('tableCaption', { year: y.year })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('category')}</th>
          <th scope="col" class="num">${c.msg('required')}</th>
          <th scope="col" class="num">${c.msg('completed')}</th>
          <th scope="col" class="num">${c.msg('missing')}</th>
        </tr>
      </thead>
      <tbody>
        ${ROWS.map(
          (row) => html`<tr data-row=${row} class=${row === 'total' ? 'total' : ''}>
            <th scope="row">${label(c, row)}</th>
            <td class="num" data-cell="required">${hours(c, y.required[row])}</td>
            <td class="num" data-cell="completed">${hours(c, y.completed[row])}</td>
            <td class="num ${y.missing[row] > 0 ? 'short' : ''}" data-cell="missing">${hours(c, y.missing[row])}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function certificateFacts(c: ViewContext, cert: Certificate) {
  const h = cert.hours;
  const revoked = cert.status === 'revoked';
  return html`<section class="certificate ${cert.status}" part="certificate" data-certificate-id=${cert.certificateId} aria-labelledby="certificate-title">
    <h4 id="certificate-title" tabindex="-1">${c.msg('certificateFacts')}</h4>
    <dl class="facts">
      <dt>${c.msg('certificateNo')}</dt>
      <dd data-testid="certificate-no">${cert.certificateNo}</dd>
      <dt>${c.msg('issuedAt')}</dt>
      <dd data-testid="issued-at">${day(cert.issuedAt)}</dd>
      <dt>${c.msg('status')}</dt>
      <dd data-testid="status">
        <span class="tag ${cert.status}">${revoked && cert.revokedAt ? c.msg('statusRevoked', { date: chinaDate(cert.revokedAt) }) : c.msg('statusValid')}</span>
      </dd>
      ${revoked && cert.revokeReason
        ? html`<dt>${c.msg('revokeReason')}</dt>
            <dd class="reason" data-testid="revoke-reason">${cert.revokeReason}</dd>`
        : nothing}
      <dt>${c.msg('holder')}</dt>
      <dd>${cert.holderName}</dd>
      ${cert.unitName
        ? html`<dt>${c.msg('unit')}</dt>
            <dd>${cert.unitName}</dd>`
        : nothing}
      <dt>${c.msg('certificateHours')}</dt>
      <dd>${c.msg('hoursLine', { total: hours(c, h.total), public: hours(c, h.public), professional: hours(c, h.professional), elective: hours(c, h.elective) })}</dd>
      <dt>${c.msg('verificationCode')}</dt>
      <dd><code class="code" data-testid="verification-code">${groupCode(cert.verificationCode)}</code></dd>
      <dt>${c.msg('verifyPage')}</dt>
      <dd>
        <a href=${cert.verifyUrl} target="_blank" rel="noopener" data-testid="verify-link"
          >${cert.verifyUrl}<span class="visually-hidden">${c.msg('newWindow')}</span></a
        >
      </dd>
    </dl>
    <p class="hint">${revoked ? c.msg('revokedHint') : c.msg('verifyHint')}</p>
    ${embeddedTimeline(c.embedding, { subject: 'certificate', subjectId: cert.certificateId, version: `${cert.status}|${cert.revokedAt ?? ''}` })}
  </section>`;
}

function actions(c: ViewContext, y: CertificateYear) {
  const cert = y.certificate;
  const issue = canIssue(y);
  if (!issue && cert?.status !== 'valid') return nothing;
  return html`<div class="year-actions" part="actions">
    ${issue
      ? html`<button type="button" class="primary" data-action="issue" aria-busy=${c.busy === 'issue' ? 'true' : 'false'} @click=${() => c.issue(y)}>
          ${c.busy === 'issue' ? c.msg('issuing') : c.msg(cert ? 'reissue' : 'issue')}
        </button>`
      : nothing}
    ${cert?.status === 'valid'
      ? html`<button type="button" class="primary" data-action="download" aria-busy=${c.busy === 'download' ? 'true' : 'false'} @click=${() => c.download(cert)}>
          ${c.busy === 'download' ? c.msg('downloading') : c.msg('download')}
        </button>`
      : nothing}
  </div>`;
}

export function yearDetail(c: ViewContext, y: CertificateYear) {
  const blockedHere = y.eligible && y.blocked && y.certificate?.status !== 'valid';
  const reissuable = y.certificate?.status === 'revoked' && canIssue(y);
  return html`<section class="year-detail" data-year=${y.year} aria-labelledby="year-title">
    <h3 id="year-title" tabindex="-1">${c.msg('yearTitle', { year: y.year })}</h3>
    ${verdict(c, y)} ${blockedHere ? html`<p class="panel blocked-year" data-testid="blocked-year">${c.msg('blockedYear')}</p>` : nothing}
    ${hoursTable(c, y)} ${y.certificate ? certificateFacts(c, y.certificate) : nothing}
    ${reissuable ? html`<p class="hint">${c.msg('revokedReissue')}</p>` : nothing} ${actions(c, y)}
  </section>`;
}
