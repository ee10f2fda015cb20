// <jxjy-task-inbox>: a reviewer's tasks (GET /tasks) with approve / reject-with-reason per open task
// (POST /tasks/{id}/decision). Serves every reviewer role; the server decides which tasks the caller sees.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError } from '../api/api-client.js';
import type { Decision, DecisionResult, TaskItem, TaskPage } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { KIND_LABELS, taskRow, type RowContext } from './task-inbox.rows.js';
import styles from './task-inbox.styles.js';


// The API says org_rejected once an administrator turned the registration down; either way the reviewer must wait.
const isOrgNotApproved = (err: unknown) =>
  err instanceof ApiError && (err.code === 'org_not_approved' || err.code === 'org_rejected');
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 待办事项 — the reviewer inbox: filter by kind and status, approve or reject (with a required reason),
 * and page through with 加载更多.
 *
 * @event jxjy-task-decided - `{taskId, decision, subject}` after the server accepted a decision; the row already shows it.
 *
 * @csspart filters - The filter bar.
 * @csspart table - The task `<table>`.
 * @csspart actions - The approve / reject buttons of a row.
 * @csspart reason-form - The inline reject-reason form.
 * @csspart blocked - The notice shown when the reviewer's organisation is not approved yet.
 * @csspart pager - The 加载更多 area.
 *
 * @cssproperty --jxjy-color-primary - Approve button and link colour (default #0958d9).
 * @cssproperty --jxjy-color-danger - Reject button colour (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyTaskInbox extends JxjyElement {
  static override styles = styles;

  /** 'open' (待办) or 'closed' (已办). */
  @property() status: 'open' | 'closed' = 'open';
  /** Only tasks of this kind (`org-approval`, `binding-confirmation`, `credit-review`, `enrolment-review`); '' = all. */
  @property() kind = '';
  /** Tasks per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private rows: TaskItem[] = [];
  @state() private nextCursor: string | undefined;
  @state() private rejecting: string | undefined;
  @state() private reasonError: string | undefined;
  @state() private deciding: string | undefined;
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private blocked: string | undefined;
  @state() private reload = 0;

  readonly #list = new Task(this, {
    task: ([, status, kind, limit], { signal }) => this.api.get<TaskPage>(this.#url(status, kind, limit), { signal }),
    args: () => [this.effectiveApiBase, this.status, this.kind, this.pageSize, this.reload] as const,
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
      this.blocked = undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) =>
      this.api.get<TaskPage>(this.#url(this.status, this.kind, this.pageSize, cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.taskId));
      this.rows = [...this.rows, ...page.items.filter((t) => !seen.has(t.taskId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#list]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  #url(status: string, kind: string, limit: number, cursor?: string): string {
    const q = new URLSearchParams({ status, limit: String(limit) });
    if (kind) q.set('kind', kind);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/tasks?${q}`;
  }

  // A new filter is a new list: drop the old rows rather than show them under the new heading.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') || changed.has('kind')) {
      // A "load more" still in flight belongs to the old filter: its rows must not land in the new list.
      this.#more.abort();
      this.rows = [];
      this.nextCursor = undefined;
      this.rejecting = undefined;
      this.notice = '';
      this.failure = undefined;
    }
  }

  #toggleReject(task: TaskItem) {
    this.rejecting = this.rejecting === task.taskId ? undefined : task.taskId;
    this.reasonError = undefined;
    void this.updateComplete.then(() => {
      const target = this.rejecting
        ? this.renderRoot.querySelector<HTMLElement>('#reason-input')
        : this.#rowButton(task.taskId, 'reject');
      target?.focus();
    });
  }

  async #submitReason(event: SubmitEvent, task: TaskItem) {
    event.preventDefault();
    const reason = (new FormData(event.currentTarget as HTMLFormElement).get('reason') as string | null)?.trim() ?? '';
    if (!reason) {
      this.reasonError = this.msg('reasonRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason-input')?.focus();
      return;
    }
    await this.#decide(task, 'reject', reason);
  }

  async #decide(task: TaskItem, decision: Decision, reason?: string) {
    if (this.deciding) return;
    this.deciding = task.taskId;
    this.failure = undefined;
    try {
      const result = await this.api.post<DecisionResult>(
        `/api/v1/tasks/${encodeURIComponent(task.taskId)}/decision`,
        reason === undefined ? { decision } : { decision, reason },
      );
      this.rows = this.rows.map((r) =>
        r.taskId === task.taskId
          ? { ...r, status: 'closed', decision: result.decision, ...(reason === undefined ? {} : { reason }) }
          : r,
      );
      this.rejecting = undefined;
      this.notice = this.msg(decision === 'approve' ? 'taskApproved' : 'taskRejected', { title: task.subject.title });
      this.emit('jxjy-task-decided', { taskId: result.taskId, decision: result.decision, subject: result.subject });
      await this.updateComplete;
      this.#focusAfter(task.taskId);
    } catch (err) {
      await this.#decisionFailed(err);
    } finally {
      this.deciding = undefined;
    }
  }

  async #decisionFailed(err: unknown) {
    const reasonDetail = err instanceof ApiError ? err.details?.find((d) => d.field === 'reason') : undefined;
    let focus: string;
    if (this.rejecting && (reasonDetail || (err instanceof ApiError && err.status === 422))) {
      this.reasonError = reasonDetail?.message ?? errorText(err, this.msg('error'));
      focus = '#reason-input';
    } else if (isOrgNotApproved(err)) {
      this.blocked = errorText(err, this.msg('error'));
      focus = '.blocked';
    } else {
      this.failure = errorText(err, this.msg('error'));
      focus = '.failure';
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /** After a decision the row's buttons are gone: go on to the next open task, or to the status message. */
  #focusAfter(taskId: string) {
    const index = this.rows.findIndex((r) => r.taskId === taskId);
    const next = this.rows.slice(index + 1).find((r) => r.status === 'open');
    const target = next ? this.#rowButton(next.taskId, 'approve') : this.renderRoot.querySelector<HTMLElement>('#inbox-status');
    target?.focus();
  }

  #rowButton(taskId: string, action: Decision): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-task-id="${CSS.escape(taskId)}"] [data-action="${action}"]`);
  }

  #rowContext(): RowContext {
    return {
      lang: this.effectiveLang,
      msg: (key, params) => this.msg(key, params),
      deciding: this.deciding,
      rejecting: this.rejecting,
      reasonError: this.reasonError,
      approve: (t) => this.#decide(t, 'approve'),
      toggleReject: (t) => this.#toggleReject(t),
      submitReason: (e, t) => this.#submitReason(e, t),
    };
  }

  #filters() {
    const kinds = Object.entries(KIND_LABELS);
    return html`<div class="filters" part="filters">
      <div class="filter">
        <label for="kind-filter">${this.msg('taskKind')}</label>
        <select id="kind-filter" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.kind === ''}>${this.msg('allKinds')}</option>
          ${kinds.map(([value, key]) => html`<option value=${value} ?selected=${this.kind === value}>${this.msg(key)}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="status-filter">${this.msg('taskStatus')}</label>
        <select
          id="status-filter"
          @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value === 'closed' ? 'closed' : 'open')}
        >
          <option value="open" ?selected=${this.status === 'open'}>${this.msg('statusOpen')}</option>
          <option value="closed" ?selected=${this.status === 'closed'}>${this.msg('statusClosed')}</option>
        </select>
      </div>
      <button type="button" @click=${() => this.reload++}>${this.msg('refresh')}</button>
    </div>`;
  }

  #body() {
    const loading = this.#list.status === TaskStatus.PENDING || this.#list.status === TaskStatus.INITIAL;
    if (this.#list.status === TaskStatus.ERROR && !this.rows.length) {
      const err = this.#list.error;
      return html`<div class="load-error ${isOrgNotApproved(err) ? 'blocked' : ''}" role="alert">
        <p>${errorText(err, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    if (!this.rows.length) {
      return loading ? nothing : html`<p class="empty">${this.msg(this.status === 'open' ? 'noOpenTasks' : 'noClosedTasks')}</p>`;
    }
    const more = this.#more.status;
    return html`<div class="table-wrap">
        <table part="table" aria-busy=${loading ? 'true' : 'false'}>
          <caption>${this.msg(this.status === 'open' ? 'openTasksCaption' : 'closedTasksCaption', { count: this.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('taskTitle')}</th>
              <th scope="col">${this.msg('taskKind')}</th>
              <th scope="col">${this.msg('requestedBy')}</th>
              <th scope="col">${this.msg('createdAt')}</th>
              <th scope="col">${this.msg('dueAt')}</th>
              <th scope="col">${this.msg('taskStatus')}</th>
              <th scope="col">${this.msg('actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(this.rows, (t) => t.taskId, (t) => taskRow(t, this.#rowContext()))}
          </tbody>
        </table>
      </div>
      ${this.nextCursor
        ? html`<div class="pager" part="pager">
            ${more === TaskStatus.ERROR
              ? html`<p class="error-text" role="alert">${errorText(this.#more.error, this.msg('error'))}</p>`
              : nothing}
            <button
              type="button"
              aria-busy=${more === TaskStatus.PENDING ? 'true' : 'false'}
              @click=${() => {
                if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([this.nextCursor]);
              }}
            >
              ${more === TaskStatus.PENDING ? this.msg('loading') : this.msg('loadMore')}
            </button>
          </div>`
        : nothing}`;
  }

  protected override render() {
    const loading = this.#list.status === TaskStatus.PENDING;
    return html`${this.blocked ? html`<div class="blocked" part="blocked" role="alert" tabindex="-1">${this.blocked}</div>` : nothing}
      ${this.#filters()}
      <p id="inbox-status" class="status" role="status" tabindex="-1">${loading ? this.msg('loading') : this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!this.failure}>${this.failure ?? ''}</div>
      ${this.#body()}`;
  }
}
