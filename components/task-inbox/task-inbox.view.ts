// The parts of <jxjy-task-inbox> around its rows: the filter bar and the table with its caption and pager.
// Plain templates over what the element passes in, so the component file stays about state and requests.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TaskItem } from '../api/types.js';
import type { CoreKey, Params } from '../i18n/messages.js';
import type { TaskInboxKey } from './task-inbox.messages.js';
import { KIND_LABELS, taskRow, type RowContext } from './task-inbox.rows.js';

type Msg = (key: TaskInboxKey | CoreKey, params?: Params) => string;

export interface FilterContext {
  msg: Msg;
  status: 'open' | 'closed';
  kind: string;
  setStatus(status: 'open' | 'closed'): void;
  setKind(kind: string): void;
  refresh(): void;
}

export function filters(c: FilterContext) {
  return html`<div class="filters" part="filters">
    <div class="filter">
      <label for="kind-filter">${c.msg('taskKind')}</label>
      <select id="kind-filter" @change=${(e: Event) => c.setKind((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${c.kind === ''}>${c.msg('allKinds')}</option>
        ${Object.entries(KIND_LABELS).map(
          ([value, key]) => html`<option value=${value} ?selected=${c.kind === value}>${c.msg(key)}</option>`,
        )}
      </select>
    </div>
    <div class="filter">
      <label for="status-filter">${c.msg('taskStatus')}</label>
      <select
        id="status-filter"
        @change=${(e: Event) => c.setStatus((e.target as HTMLSelectElement).value === 'closed' ? 'closed' : 'open')}
      >
        <option value="open" ?selected=${c.status === 'open'}>${c.msg('statusOpen')}</option>
        <option value="closed" ?selected=${c.status === 'closed'}>${c.msg('statusClosed')}</option>
      </select>
    </div>
    <button type="button" @click=${() => c.refresh()}>${c.msg('refresh')}</button>
  </div>`;
}

export interface TableContext {
  msg: Msg;
  status: 'open' | 'closed';
  rows: readonly TaskItem[];
  loading: boolean;
  row: RowContext;
  /** Present when there is a next page. */
  more?: { busy: boolean; error: string | undefined; load(): void } | undefined;
}

export function taskTable(c: TableContext) {
  const { msg, more } = c;
  return html`<div class="table-wrap">
      <table part="table" aria-busy=${c.loading ? 'true' : 'false'}>
        <caption>
          ${msg(c.status === 'open' ? 'openTasksCaption' : 'closedTasksCaption', { count: c.rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('taskTitle')}</th>
            <th scope="col">${msg('taskKind')}</th>
            <th scope="col">${msg('requestedBy')}</th>
            <th scope="col">${msg('createdAt')}</th>
            <th scope="col">${msg('dueAt')}</th>
            <th scope="col">${msg('taskStatus')}</th>
            <th scope="col">${msg('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(c.rows, (t) => t.taskId, (t) => taskRow(t, c.row))}
        </tbody>
      </table>
    </div>
    ${more
      ? html`<div class="pager" part="pager">
          ${more.error ? html`<p class="error-text" role="alert">${more.error}</p>` : nothing}
          <button type="button" aria-busy=${more.busy ? 'true' : 'false'} @click=${() => more.load()}>
            ${more.busy ? msg('loading') : msg('loadMore')}
          </button>
        </div>`
      : nothing}`;
}
