// Templates of <jxjy-unit-binding>: the binding's status (current unit, the pending request with its withdraw button,
// the last rejection's reason) and the unit search results with their request and job-change confirmation steps.
// Kept apart from the element so the component file stays about state and requests.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Binding, OrgListItem } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import type { UnitBindingKey } from './unit-binding.messages.js';

type Msg = (key: UnitBindingKey | CoreKey, params?: Params) => string;

function date(lang: Lang, msg: Msg, iso: string | null | undefined) {
  const value = iso ? new Date(iso) : undefined;
  if (!iso || !value || Number.isNaN(value.getTime())) return html`<span aria-label=${msg('none')}>—</span>`;
  return html`<time datetime=${iso}>${new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(value)}</time>`;
}

export interface StatusContext {
  lang: Lang;
  msg: Msg;
  binding: Binding;
  /** The withdraw request is in flight. */
  cancelling: boolean;
  cancel(): void;
}

function current(c: StatusContext) {
  const bound = c.binding.current;
  return html`<section class="panel current" part="current" aria-labelledby="current-title" data-testid="current-unit">
    <h3 id="current-title">${c.msg('currentTitle')}</h3>
    ${bound
      ? html`<p class="unit-name">${bound.unit.name}</p>
          <dl class="facts">
            <dt>${c.msg('regionCode')}</dt>
            <dd>${bound.unit.regionCode}</dd>
            <dt>${c.msg('boundSince')}</dt>
            <dd>${date(c.lang, c.msg, bound.since)}</dd>
          </dl>`
      : html`<p class="empty">${c.msg('notBound')}</p>`}
  </section>`;
}

function pending(c: StatusContext) {
  const request = c.binding.pending;
  if (!request) return nothing;
  const previous = request.previousUnitId ? c.binding.current : null;
  return html`<section class="panel pending" part="pending" aria-labelledby="pending-title" tabindex="-1" data-testid="pending-request">
    <h3 id="pending-title">
      ${c.msg('pendingTitle')} ${request.previousUnitId ? html`<span class="tag warning" data-tag="job-change">${c.msg('jobChangeTag')}</span>` : nothing}
    </h3>
    <p>${c.msg('pendingText', { name: request.unit.name })}</p>
    <dl class="facts">
      <dt>${c.msg('requestedAt')}</dt>
      <dd>${date(c.lang, c.msg, request.requestedAt)}</dd>
    </dl>
    ${previous ? html`<p class="hint">${c.msg('jobChangePending', { name: previous.unit.name })}</p>` : nothing}
    <button
      type="button"
      class="danger"
      data-action="cancel"
      aria-busy=${c.cancelling ? 'true' : 'false'}
      @click=${() => c.cancel()}
    >
      ${c.msg('cancelRequest')}
    </button>
  </section>`;
}

/** The last rejection, while it is the latest thing that happened to the person's requests. */
function rejection(c: StatusContext) {
  const { lastRejection, latest } = c.binding;
  if (!lastRejection || (latest && latest.status !== 'rejected')) return nothing;
  return html`<section class="panel rejected" part="rejection" aria-labelledby="rejected-title" data-testid="rejection">
    <h3 id="rejected-title">${c.msg('rejectedTitle')}</h3>
    <p>${c.msg('rejectedText', { name: lastRejection.unit.name })}</p>
    <dl class="facts">
      <dt>${c.msg('rejectedReason')}</dt>
      <dd class="reason">${lastRejection.reason}</dd>
      <dt>${c.msg('rejectedAt')}</dt>
      <dd>${date(c.lang, c.msg, lastRejection.rejectedAt)}</dd>
    </dl>
  </section>`;
}

export function statusPanels(c: StatusContext) {
  return html`${current(c)} ${pending(c)} ${rejection(c)}`;
}

export interface ResultsContext {
  msg: Msg;
  units: readonly OrgListItem[];
  /** The unit the person is bound to now: no request to it, and any other is a job change. */
  current: { unitId: string; name: string } | undefined;
  /** The unit whose job-change confirmation step is open. */
  confirming: string | undefined;
  /** The unit whose request is in flight. */
  requesting: string | undefined;
  ask(unit: OrgListItem): void;
  confirm(unit: OrgListItem): void;
  back(unit: OrgListItem): void;
  /** Present when there is a next page. */
  more?: { busy: boolean; error: string | undefined; load(): void } | undefined;
}

function action(c: ResultsContext, unit: OrgListItem) {
  if (c.current?.unitId === unit.orgId) return html`<span class="tag" data-tag="current">${c.msg('currentUnitTag')}</span>`;
  const open = c.confirming === unit.orgId;
  return html`<button
    type="button"
    class="primary small"
    data-action="request"
    aria-label=${c.msg('requestBindingOf', { name: unit.name })}
    aria-expanded=${c.current ? (open ? 'true' : 'false') : nothing}
    aria-controls=${open ? 'job-change-form' : nothing}
    aria-busy=${c.requesting === unit.orgId ? 'true' : 'false'}
    @click=${() => c.ask(unit)}
  >
    ${c.msg('requestBinding')}
  </button>`;
}

function jobChangeRow(c: ResultsContext, unit: OrgListItem) {
  const busy = c.requesting === unit.orgId;
  return html`<tr class="confirm-row">
    <td colspan="3">
      <form
        id="job-change-form"
        class="confirm-form"
        part="job-change"
        aria-labelledby="job-change-question"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          c.confirm(unit);
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          c.back(unit);
        }}
      >
        <p id="job-change-question">${c.msg('jobChangeQuestion', { current: c.current?.name ?? '', next: unit.name })}</p>
        <div class="confirm-actions">
          <button id="job-change-confirm" type="submit" class="primary small" aria-describedby="job-change-question" aria-busy=${busy ? 'true' : 'false'}>
            ${c.msg('confirmJobChange')}
          </button>
          <button type="button" class="small" @click=${() => c.back(unit)}>${c.msg('cancel')}</button>
        </div>
      </form>
    </td>
  </tr>`;
}

export function resultsTable(c: ResultsContext) {
  if (!c.units.length) return html`<p class="empty" role="status">${c.msg('noResults')}</p>`;
  const more = c.more;
  return html`<div class="table-wrap">
      <table part="table">
        <caption>
          ${c.msg('resultsCaption', { count: c.units.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${c.msg('unitName')}</th>
            <th scope="col">${c.msg('regionCode')}</th>
            <th scope="col">${c.msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            c.units,
            (u) => u.orgId,
            (u) => html`<tr data-unit-id=${u.orgId}>
                <th scope="row">${u.name}</th>
                <td>${u.regionCode}</td>
                <td class="actions" part="actions">${action(c, u)}</td>
              </tr>
              ${c.confirming === u.orgId ? jobChangeRow(c, u) : nothing}`,
          )}
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
