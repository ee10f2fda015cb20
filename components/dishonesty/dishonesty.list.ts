// The records table of <jxjy-dishonesty>: reason, legal basis, period, whether it blocks certificates, status (a
// revoked record with its date and reason), the person when the list is someone else's, 加载更多, and for admin each
// record's 撤销 with its inline reason form. Plain templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { chinaDate } from '../../events/vocabulary/index.js';
import type { DishonestyRecord } from '../api/types.js';
import type { CoreKey, Params } from '../i18n/messages.js';
import type { DishonestyKey } from './dishonesty.messages.js';
import { TEXT } from './dishonesty.rules.js';

export type Msg = (key: DishonestyKey | CoreKey, params?: Params) => string;
/** Whose records: the caller's own, one person's, or everyone's the caller may see. */
export type Scope = 'mine' | 'person' | 'all';

export interface ListContext {
  msg: Msg;
  scope: Scope;
  /** Admin: each record can be revoked. */
  manage: boolean;
  rows: readonly DishonestyRecord[];
  loading: boolean;
  /** The record whose revoke form is open, its problem, and whether it is being sent. */
  revoking: { recordId: string; error: string | undefined; busy: boolean } | undefined;
  toggleRevoke(record: DishonestyRecord): void;
  cancelRevoke(): void;
  confirmRevoke(event: SubmitEvent, record: DishonestyRecord): void;
  /** Present when there is a next page. */
  more?: { busy: boolean; error: string | undefined; load(): void } | undefined;
}

const CAPTION: Readonly<Record<Scope, DishonestyKey>> = { mine: 'captionMine', person: 'captionPerson', all: 'captionAll' };
const EMPTY: Readonly<Record<Scope, DishonestyKey>> = { mine: 'emptyMine', person: 'emptyPerson', all: 'emptyAll' };

const day = (iso: string) => html`<time datetime=${iso}>${iso.length === 10 ? iso : chinaDate(iso)}</time>`;

function period(c: ListContext, r: DishonestyRecord) {
  if (!r.endDate) return c.msg('periodOpen', { start: r.startDate });
  return c.msg('periodRange', { start: r.startDate, end: r.endDate });
}

function status(c: ListContext, r: DishonestyRecord) {
  return html`<span class="tag ${r.status}" data-status=${r.status}>${c.msg(`status.${r.status}`)}</span>
    ${r.status === 'revoked'
      ? html`<div class="revocation" data-testid="revocation">
          ${r.revokedAt ? html`<div class="nowrap">${c.msg('revokedOn', { date: chinaDate(r.revokedAt) })}</div>` : nothing}
          ${r.revokeReason ? html`<div class="reason">${c.msg('revokeReasonLine', { reason: r.revokeReason })}</div>` : nothing}
        </div>`
      : nothing}`;
}

/** Escape backs out of the revoke form, as it would close a dialog. */
const escapeCancels = (c: ListContext) => (e: KeyboardEvent) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    c.cancelRevoke();
  }
};

function revokeRow(c: ListContext, r: DishonestyRecord, columns: number) {
  const state = c.revoking!;
  return html`<tr class="confirm-row">
    <td colspan=${columns}>
      <form id="revoke-form" class="confirm-form" part="revoke-form" novalidate @submit=${(e: SubmitEvent) => c.confirmRevoke(e, r)} @keydown=${escapeCancels(c)}>
        <label class="required" for="revoke-reason">${c.msg('revokeFormLabel', { reason: r.reason })}</label>
        <textarea
          id="revoke-reason"
          name="reason"
          rows="3"
          maxlength=${TEXT.max}
          required
          aria-invalid=${state.error ? 'true' : 'false'}
          aria-describedby=${state.error ? 'revoke-error' : nothing}
        ></textarea>
        ${state.error ? html`<p id="revoke-error" class="error-text" role="alert">${state.error}</p>` : nothing}
        <div class="confirm-actions">
          <button type="submit" class="danger-solid small" aria-busy=${state.busy ? 'true' : 'false'}>
            ${state.busy ? c.msg('revoking') : c.msg('confirmRevoke')}
          </button>
          <button type="button" class="small" @click=${() => c.cancelRevoke()}>${c.msg('cancel')}</button>
        </div>
      </form>
    </td>
  </tr>`;
}

function row(c: ListContext, r: DishonestyRecord, columns: number) {
  const open = c.revoking?.recordId === r.recordId;
  const someone = c.scope !== 'mine';
  return html`<tr data-record-id=${r.recordId}>
      ${someone
        ? html`<th scope="row">
            ${r.personName}
            <div class="sub">${c.msg('idNumberMasked', { id: r.idNumberMasked })}</div>
          </th>`
        : nothing}
      ${someone ? html`<td class="reason" data-cell="reason">${r.reason}</td>` : html`<th scope="row" class="reason" data-cell="reason">${r.reason}</th>`}
      <td class="reason" data-cell="basis">${r.basis}</td>
      <td data-cell="period">${period(c, r)}</td>
      <td data-cell="blocks">${r.blocksCertificate
        ? r.status === 'active'
          ? html`<strong class="blocks">${c.msg('yes')}</strong>`
          : c.msg('yes')
        : c.msg('no')}</td>
      <td data-cell="status">${status(c, r)}</td>
      <td data-cell="recorded">${day(r.recordedAt)}</td>
      ${c.manage
        ? html`<td class="actions" part="actions">
            ${r.status !== 'revoked'
              ? html`<button type="button" class="danger small" data-action="revoke" aria-expanded=${open ? 'true' : 'false'}
                  aria-controls=${open ? 'revoke-form' : nothing} aria-label=${c.msg('revokeRecord', { reason: r.reason })}
                  @click=${() => c.toggleRevoke(r)}>${c.msg('revoke')}</button>`
              : nothing}
          </td>`
        : nothing}
    </tr>
    ${open ? revokeRow(c, r, columns) : nothing}`;
}

export function recordsTable(c: ListContext) {
  if (!c.rows.length) return c.loading ? nothing : html`<p class="empty">${c.msg(EMPTY[c.scope])}</p>`;
  const someone = c.scope !== 'mine';
  const columns = 6 + (someone ? 1 : 0) + (c.manage ? 1 : 0);
  const more = c.more;
  // A region that takes focus: on a narrow screen the table scrolls sideways, and the keyboard must reach it too.
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="records-caption">
      <table part="table" aria-busy=${c.loading ? 'true' : 'false'}>
        <caption id="records-caption">
          ${c.msg(CAPTION[c.scope], { count: c.rows.length })}
        </caption>
        <thead>
          <tr>
            ${someone ? html`<th scope="col">${c.msg('person')}</th>` : nothing}
            <th scope="col">${c.msg('reason')}</th>
            <th scope="col">${c.msg('basis')}</th>
            <th scope="col">${c.msg('period')}</th>
            <th scope="col">${c.msg('blocksCertificate')}</th>
            <th scope="col">${c.msg('status')}</th>
            <th scope="col">${c.msg('recordedAt')}</th>
            ${c.manage ? html`<th scope="col">${c.msg('actions')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${repeat(c.rows, (r) => r.recordId, (r) => row(c, r, columns))}
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
