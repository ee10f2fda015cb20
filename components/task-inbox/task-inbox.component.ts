// <jxjy-task-inbox>: a reviewer's tasks (GET /tasks) with approve (after a confirmation) and reject-with-reason per
// open task (POST /tasks/{id}/decision). Serves every reviewer role; the server decides which tasks the caller sees.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { CreditAttachment, Decision, DecisionResult, TaskItem, TaskPage } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import type { CoreKey, Params } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { fieldRules } from '../shared/rules.js';
import { saveBlob } from '../shared/save-blob.js';
import { taskInboxMessages, type TaskInboxKey } from './task-inbox.messages.js';
import { ClassFacts, enrolmentDetails } from './task-inbox.enrolment.js';
import type { Confirming, RowContext } from './task-inbox.rows.js';
import styles from './task-inbox.styles.js';
import { filters, taskTable } from './task-inbox.view.js';

// The API says org_rejected once an administrator turned the registration down; either way the reviewer must wait.
const isOrgNotApproved = (err: unknown) =>
  err instanceof ApiError && (err.code === 'org_not_approved' || err.code === 'org_rejected');
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 待办事项 — the reviewer inbox: filter by kind and status, approve (after confirming) or reject (with a
 * required reason), and page through with 加载更多. A credit record's task shows the person, what is declared, its
 * evidence to download and a warning when it duplicates or overlaps another record of the person. A class enrolment's
 * task shows the class, the person (masked ID number) and the class's seats now. A decided task leaves the 待办 list at
 * once. Without a token it asks for nothing and shows that sign-in is needed; it loads as soon as a token arrives.
 *
 * @event jxjy-task-decided - `{taskId, decision, subject, position}` after the server accepted a decision; the row has left the open list. `position` is the decision's last event: pass it as `?after=` to read the subject's outcome.
 *
 * @csspart filters - The filter bar.
 * @csspart table - The task `<table>`.
 * @csspart actions - The approve / reject buttons of a row.
 * @csspart confirm-form - The inline "approve this task?" step.
 * @csspart reason-form - The inline reject-reason form.
 * @csspart blocked - The notice shown when the reviewer's organisation is not approved yet.
 * @csspart sign-in - The notice shown while there is no token.
 * @csspart pager - The 加载更多 area.
 * @csspart credit-details - A credit task's facts and evidence, under its row.
 * @csspart overlap - The duplicate / overlap warning of a credit task.
 * @csspart enrolment-details - An enrolment task's class and its seats, under its row.
 *
 * @cssproperty --jxjy-color-primary - Approve button and link colour (default #0958d9).
 * @cssproperty --jxjy-color-danger - Reject button colour (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyTaskInbox extends JxjyElement<TaskInboxKey> {
  static override styles = styles;

  protected override readonly messages = taskInboxMessages;

  /** 'open' (待办) or 'closed' (已办). */
  @property() status: 'open' | 'closed' = 'open';
  /** Only tasks of this kind (`org-approval`, `binding-confirmation`, `credit-review`, `enrolment-review`); '' = all. */
  @property() kind = '';
  /** Tasks per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private rows: TaskItem[] = [];
  @state() private nextCursor: string | undefined;
  @state() private confirming: Confirming | undefined;
  @state() private reasonError: string | undefined;
  @state() private deciding: string | undefined;
  @state() private downloading: string | undefined;
  @state() private notice = '';
  @state() private failure: string | undefined;
  @state() private blocked: string | undefined;
  @state() private reload = 0;

  // The task reads the filters from `this`; listing them (and the connection) in its args re-runs it on any change.
  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<TaskPage>(this.#url(), { signal }),
    args: () => [...this.connection, this.status, this.kind, this.pageSize, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
      this.blocked = undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<TaskPage>(this.#url(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.taskId));
      this.rows = [...this.rows, ...page.items.filter((t) => !seen.has(t.taskId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #classes = new ClassFacts(this, () => this.api);

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#list]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  #url(cursor?: string): string {
    const q = new URLSearchParams({ status: this.status, limit: String(this.pageSize) });
    if (this.kind) q.set('kind', this.kind);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/tasks?${q}`;
  }

  // A new filter, server or caller is a new list: drop the old rows rather than show them under the new heading.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['status', 'kind', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyTaskInbox))) {
      // A "load more" still in flight belongs to the old list: its rows must not land in the new one.
      this.#more.abort();
      this.rows = [];
      this.nextCursor = undefined;
      this.confirming = undefined;
      this.notice = '';
      this.failure = undefined;
    }
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyTaskInbox))) this.#classes.clear();
    // Every update, not only when rows change: after a disconnect (which drops what was being read) or a decision.
    this.#classes.want(this.rows);
  }

  async #focus(target: () => HTMLElement | null | undefined) {
    await this.updateComplete;
    target()?.focus();
  }

  #rowButton(taskId: string, action: Decision): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-task-id="${CSS.escape(taskId)}"] [data-action="${action}"]`);
  }

  #toggle(task: TaskItem, decision: Decision) {
    const open = this.confirming?.taskId === task.taskId && this.confirming.decision === decision;
    if (open) return this.#cancel(task, decision);
    this.confirming = { taskId: task.taskId, decision };
    this.reasonError = undefined;
    void this.#focus(() => this.renderRoot.querySelector<HTMLElement>(decision === 'approve' ? '#approve-confirm' : '#reason-input'));
  }

  #cancel(task: TaskItem, decision: Decision) {
    this.confirming = undefined;
    this.reasonError = undefined;
    void this.#focus(() => this.#rowButton(task.taskId, decision));
  }

  async #confirm(event: SubmitEvent, task: TaskItem, decision: Decision) {
    event.preventDefault();
    if (decision === 'approve') return this.#decide(task, decision);
    const reason = (new FormData(event.currentTarget as HTMLFormElement).get('reason') as string | null)?.trim() ?? '';
    const problem = reason ? fieldRules(this.effectiveLang).text(reason, this.msg('reasonLabel')) : this.msg('reasonRequired');
    if (problem) {
      this.reasonError = problem;
      return this.#focus(() => this.renderRoot.querySelector<HTMLElement>('#reason-input'));
    }
    return this.#decide(task, decision, reason);
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
      // A decided task is no longer open: it leaves this list now (it is under 已办) instead of after a refresh,
      // and the status line, a live region, says what was decided. A decided enrolment changed its class's seats.
      const classId = enrolmentDetails(task)?.classId;
      if (classId) this.#classes.forget(classId);
      const index = this.rows.findIndex((r) => r.taskId === task.taskId);
      this.rows = this.rows.filter((r) => r.taskId !== task.taskId);
      this.confirming = undefined;
      this.notice = this.msg(decision === 'approve' ? 'taskApproved' : 'taskRejected', { title: task.subject.title });
      this.emit('jxjy-task-decided', { taskId: result.taskId, decision: result.decision, subject: result.subject, position: result.position });
      // The row and its buttons are gone: go on to the next open task, or to the status message.
      const next = this.rows.slice(Math.max(index, 0)).find((r) => r.status === 'open');
      await this.#focus(() =>
        next ? this.#rowButton(next.taskId, 'approve') : this.renderRoot.querySelector<HTMLElement>('#inbox-status'),
      );
    } catch (err) {
      await this.#decisionFailed(err);
    } finally {
      this.deciding = undefined;
    }
  }

  async #decisionFailed(err: unknown) {
    const reasonDetail = err instanceof ApiError ? err.details?.find((d) => d.field === 'reason') : undefined;
    let focus: string;
    if (this.confirming?.decision === 'reject' && (reasonDetail || (err instanceof ApiError && err.status === 422))) {
      this.reasonError = reasonDetail?.message ?? errorText(err, this.msg('error'));
      focus = '#reason-input';
    } else if (isOrgNotApproved(err)) {
      this.confirming = undefined;
      this.blocked = errorText(err, this.msg('error'));
      focus = '.blocked';
    } else {
      this.confirming = undefined;
      this.failure = errorText(err, this.msg('error'));
      focus = '.failure';
    }
    await this.#focus(() => this.renderRoot.querySelector<HTMLElement>(focus));
  }

  /** A link cannot send the bearer token: the file is fetched as a blob and saved under the server's name for it. */
  async #download(task: TaskItem, attachment: CreditAttachment) {
    if (this.downloading) return;
    this.downloading = attachment.attachmentId;
    this.failure = undefined;
    try {
      const path = `/api/v1/credit-records/${encodeURIComponent(task.subject.id)}/attachments/${encodeURIComponent(attachment.attachmentId)}`;
      const { blob, filename } = await this.api.download(path, { fallbackFilename: attachment.filename });
      saveBlob(blob, filename, this.renderRoot);
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = errorText(err, this.msg('error'));
      await this.#focus(() => this.renderRoot.querySelector<HTMLElement>('.failure'));
    } finally {
      this.downloading = undefined;
    }
  }

  #rowContext(): RowContext {
    return {
      lang: this.effectiveLang,
      msg: (key, params) => this.msg(key, params),
      deciding: this.deciding,
      confirming: this.confirming,
      reasonError: this.reasonError,
      toggle: (t, d) => this.#toggle(t, d),
      cancel: (t, d) => this.#cancel(t, d),
      confirm: (e, t, d) => void this.#confirm(e, t, d),
      downloading: this.downloading,
      download: (t, a) => void this.#download(t, a),
      classFact: (classId) => this.#classes.get(classId),
    };
  }

  #body() {
    const msg = (key: TaskInboxKey | CoreKey, params?: Params) => this.msg(key, params);
    const loading = this.#list.status === TaskStatus.PENDING || this.#list.status === TaskStatus.INITIAL;
    if (this.#list.status === TaskStatus.ERROR && !this.rows.length) {
      const err = this.#list.error;
      return html`<div class="load-error ${isOrgNotApproved(err) ? 'blocked' : ''}" role="alert">
        <p>${errorText(err, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    if (!this.rows.length) {
      return loading ? nothing : html`<p class="empty">${msg(this.status === 'open' ? 'noOpenTasks' : 'noClosedTasks')}</p>`;
    }
    const more = this.#more.status;
    return taskTable({
      msg,
      status: this.status,
      rows: this.rows,
      loading,
      row: this.#rowContext(),
      more: this.nextCursor
        ? {
            busy: more === TaskStatus.PENDING,
            error: more === TaskStatus.ERROR ? errorText(this.#more.error, this.msg('error')) : undefined,
            load: () => {
              if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([this.nextCursor]);
            },
          }
        : undefined,
    });
  }

  protected override render() {
    // No token, no request (the api client refused it): say what is missing; a token arriving re-runs the list.
    if (this.#list.status === TaskStatus.ERROR && isSignInRequired(this.#list.error)) return this.renderSignInNeeded();
    const loading = this.#list.status === TaskStatus.PENDING;
    return html`${this.blocked ? html`<div class="blocked" part="blocked" role="alert" tabindex="-1">${this.blocked}</div>` : nothing}
      ${filters({
        msg: (key) => this.msg(key),
        status: this.status,
        kind: this.kind,
        setStatus: (s) => (this.status = s),
        setKind: (k) => (this.kind = k),
        refresh: () => this.reload++,
      })}
      <p id="inbox-status" class="status" role="status" tabindex="-1">${loading ? this.msg('loading') : this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!this.failure}>${this.failure ?? ''}</div>
      ${this.#body()}`;
  }
}
