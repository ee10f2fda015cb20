// Templates of <jxjy-class-catalog>: the classes table with each row's 报名 button (or where the person's enrolment
// stands), and the reasons the list can be empty — no unit yet, nothing accepting in the region, nothing matching.
// Plain templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { regionLabel, seatsText } from '../shared/class.messages.js';
import type { CatalogueClass } from '../api/types.js';
import { dateRange, pager, scrollBox, statusTag, type More } from '../shared/class.view.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { ClassCatalogKey } from './class-catalog.messages.js';

export type Msg = (key: ClassCatalogKey | CoreKey, params?: Params) => string;

/** Up to this many characters a description shows under the title as it is; a longer one is folded. */
const SHORT_DESCRIPTION = 60;
/** Enrolments that hold or wait for a seat: a second request would be refused (409). */
const ACTIVE = new Set(['waitlisted', 'pending', 'approved']);

export interface TableContext {
  lang: Lang;
  msg: Msg;
  /** Each with the person's latest enrolment in it (`myEnrolment`). */
  rows: readonly CatalogueClass[];
  /** The class whose enrolment is in flight. */
  enrolling: string | undefined;
  loading: boolean;
  enrol(c: CatalogueClass): void;
  more: More | undefined;
}

function action(c: TableContext, k: CatalogueClass) {
  const mine = k.myEnrolment;
  if (mine && ACTIVE.has(mine.status)) return statusTag(c.lang, 'enrolment', mine.status);
  const full = k.seatsLeft <= 0;
  const busy = c.enrolling === k.classId;
  const [idle, label] = mine ? (['enrolAgain', 'enrolClassAgain'] as const) : full ? (['enrolWaitlist', 'enrolClassFull'] as const) : (['enrol', 'enrolClass'] as const);
  return html`${mine ? html`${statusTag(c.lang, 'enrolment', mine.status)} ` : nothing}<button
      type="button"
      class="primary small"
      data-action="enrol"
      aria-label=${c.msg(label, { title: k.title })}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${() => c.enrol(k)}
    >
      ${busy ? c.msg('enrolling') : c.msg(idle)}
    </button>`;
}

/** A short description under the title; a long one folded, to be opened by whoever wants to read it. */
function description(c: TableContext, k: CatalogueClass) {
  if (!k.description) return nothing;
  if (k.description.length <= SHORT_DESCRIPTION) return html`<div class="sub description">${k.description}</div>`;
  return html`<details class="sub description">
    <summary>${c.msg('showDescription')}</summary>
    <p>${k.description}</p>
  </details>`;
}

function row(c: TableContext, k: CatalogueClass) {
  return html`<tr data-class-id=${k.classId}>
    <th scope="row">
      ${k.title}
      ${description(c, k)}
    </th>
    <td>${k.institutionName}</td>
    <td class="nowrap">${creditLabel(c.lang, 'category', k.category)}</td>
    <td class="num" data-cell="hours">${formatHours(c.lang, k.hours)}</td>
    <td class="nowrap">${dateRange(k.startDate, k.endDate)}</td>
    <td data-cell="seats">
      ${seatsText(c.lang, k)}
      ${k.seatsLeft <= 0 ? html`<div class="sub">${c.msg('fullHint')}</div>` : nothing}
    </td>
    <td>${regionLabel(c.lang, k.regionCode)}</td>
    <td class="actions" part="actions">${action(c, k)}</td>
  </tr>`;
}

export function classTable(c: TableContext) {
  return html`${scrollBox(
      c.msg('caption', { count: c.rows.length }),
      html`<table part="table" aria-busy=${c.loading ? 'true' : 'false'}>
        <caption>
          ${c.msg('caption', { count: c.rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${c.msg('title')}</th>
            <th scope="col">${c.msg('institution')}</th>
            <th scope="col">${c.msg('category')}</th>
            <th scope="col" class="num">${c.msg('hours')}</th>
            <th scope="col">${c.msg('dates')}</th>
            <th scope="col">${c.msg('seats')}</th>
            <th scope="col">${c.msg('region')}</th>
            <th scope="col">${c.msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(c.rows, (k) => k.classId, (k) => row(c, k))}
        </tbody>
      </table>`,
    )}
    ${pager(c.more, c.msg('loadMore'), c.msg('loading'))}`;
}

/** Why a person sees no class: no unit (with the way to bind one), or nothing open in their region, or no match. */
export function emptyState(msg: Msg, why: { bound: boolean; region: string; filtered: boolean }, bind: () => void) {
  if (!why.bound) {
    return html`<section class="panel warning" part="unbound" aria-labelledby="unbound-title" data-testid="unbound">
      <h3 id="unbound-title">${msg('unboundTitle')}</h3>
      <p>${msg('unboundText')}</p>
      <p><button type="button" class="primary" data-action="bind" @click=${bind}>${msg('unboundAction')}</button></p>
    </section>`;
  }
  const text = why.filtered ? msg('noneMatching') : msg('noneInRegion', { region: why.region });
  return html`<p class="empty" data-testid="empty">${text}</p>`;
}
