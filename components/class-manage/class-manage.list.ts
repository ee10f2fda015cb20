// The list screen of <jxjy-class-manage>: 新建培训班 and 刷新, and the institution's classes (whatever their status)
// with their seats and a 管理 button each, paged with 加载更多. Plain templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TrainingClass } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { regionLabel } from '../shared/class.messages.js';
import { dateRange, loadState, pager, statusTag, type More } from '../shared/class.view.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { ClassManageKey } from './class-manage.messages.js';

export type Msg = (key: ClassManageKey | CoreKey, params?: Params) => string;

export interface ListContext {
  lang: Lang;
  msg: Msg;
  rows: readonly TrainingClass[];
  loading: boolean;
  /** Why the list could not be read. */
  error: string | undefined;
  retry(): void;
  create(): void;
  open(k: TrainingClass): void;
  more: More | undefined;
}

function row(c: ListContext, k: TrainingClass) {
  const { lang, msg } = c;
  return html`<tr data-class-id=${k.classId}>
    <th scope="row">${k.title}</th>
    <td>${creditLabel(lang, 'category', k.category)}</td>
    <td class="num" data-cell="hours">${formatHours(lang, k.hours)}</td>
    <td class="nowrap">${dateRange(k.startDate, k.endDate)}</td>
    <td data-cell="seats">
      ${msg('seatsTaken', { taken: k.seatsTaken, capacity: k.capacity })}
      ${k.waitlisted > 0 ? html`<div class="sub">${msg('waitlistedCount', { count: k.waitlisted })}</div>` : nothing}
    </td>
    <td>${regionLabel(lang, k.regionCode)}</td>
    <td>${statusTag(lang, 'class', k.status)}</td>
    <td class="actions" part="actions">
      <button type="button" class="small" data-action="open" aria-label=${msg('manageClass', { title: k.title })} @click=${() => c.open(k)}>${msg('manage')}</button>
    </td>
  </tr>`;
}

export function listScreen(c: ListContext) {
  const { msg } = c;
  const toolbar = html`<div class="toolbar" part="toolbar">
    <button type="button" class="primary" data-action="create" @click=${() => c.create()}>${msg('newClass')}</button>
    <button type="button" data-action="refresh" @click=${() => c.retry()}>${msg('refresh')}</button>
  </div>`;
  if (!c.rows.length) {
    if (c.loading || c.error) return html`${toolbar} ${loadState(c.error, { loading: msg('loading'), retry: msg('retry') }, c.retry)}`;
    return html`${toolbar}
      <p class="empty">${msg('empty')}</p>`;
  }
  return html`${toolbar}
    <div class="table-wrap">
      <table part="table" aria-busy=${c.loading ? 'true' : 'false'}>
        <caption>
          ${msg('listCaption', { count: c.rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('title')}</th>
            <th scope="col">${msg('category')}</th>
            <th scope="col" class="num">${msg('hours')}</th>
            <th scope="col">${msg('dates')}</th>
            <th scope="col">${msg('seats')}</th>
            <th scope="col">${msg('region')}</th>
            <th scope="col">${msg('status')}</th>
            <th scope="col">${msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(c.rows, (k) => k.classId, (k) => row(c, k))}
        </tbody>
      </table>
    </div>
    ${pager(c.more, msg('loadMore'), msg('loading'))}`;
}
