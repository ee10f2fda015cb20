// <jxjy-enrolments>: a professional's class enrolments (培训班情况查看, manual 3.3.3): GET /me/enrolments, paged, each
// with its progress and the time of each step (the waiting list and the promotion off it, the institution's review,
// its approval or rejection and the reason, completion and the hours), and
// POST /enrolments/{id}/cancel before the class starts. After a cancellation the list is read again with
// `?after=<position>`, so it shows the change.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { chinaDate } from '../../events/vocabulary/index.js';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { EnrolmentCancelled, TimedEnrolment, TimedEnrolmentPage } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { loadState } from '../shared/class.view.js';
import { FocusLater } from '../shared/focus-later.js';
import { enrolmentsMessages, type EnrolmentsKey } from './enrolments.messages.js';
import styles from './enrolments.styles.js';
import type { Msg } from './enrolments.timeline.js';
import { enrolmentList } from './enrolments.view.js';

const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 我的报名 — the signed-in professional's class enrolments, newest first, paged with 加载更多: each class (its
 * institution, category, hours and dates), where the enrolment stands, and its progress step by step, each with its
 * time — submitted, on the waiting list and moved up from it when a seat freed, awaiting the institution's review,
 * approved or not (with the reason), cancelled, and at the class's completion the hours granted (or absent). 取消报名, after a confirmation, while the class has not
 * started. Under 查看记录 each enrolment's tamper-evident timeline (an embedded <jxjy-timeline>, read when opened).
 * Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-enrolment-cancelled - `{enrolmentId, classId}` after the server accepted a cancellation.
 * @event jxjy-navigate - `{to: 'classes'}` from the empty list, to find a class; the host routes.
 *
 * @csspart timeline - An enrolment's progress steps.
 * @csspart actions - An enrolment's 取消报名 button.
 * @csspart confirm-form - The inline "cancel this enrolment?" step.
 * @csspart pager - The 加载更多 area.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - The current step's mark (default #0958d9).
 * @cssproperty --jxjy-color-success - Done steps' marks (default #2b7a0b).
 * @cssproperty --jxjy-color-danger - 取消报名 and ended steps' marks (default #c8161e).
 */
export class JxjyEnrolments extends JxjyElement<EnrolmentsKey> {
  static override styles = styles;

  protected override readonly messages = enrolmentsMessages;

  /** Enrolments per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private rows: TimedEnrolment[] = [];
  @state() private nextCursor: string | undefined;
  /** The position of the last cancellation made here: the list is read once it includes it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private confirming: string | undefined;
  @state() private cancelling: string | undefined;
  @state() private notice = '';
  @state() private failure: string | undefined;
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<TimedEnrolmentPage>(this.#url(), { signal }),
    args: () => [...this.connection, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<TimedEnrolmentPage>(this.#url(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.enrolmentId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.enrolmentId))];
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

  // Another caller or server is another person: nothing of the previous one's enrolments may stay on screen.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider', 'pageSize'].some((p) => changed.has(p as keyof JxjyEnrolments))) {
      this.#more.abort();
      Object.assign(this, { rows: [], nextCursor: undefined, readAfter: undefined, confirming: undefined, notice: '', failure: undefined });
    }
  }

  #url(cursor?: string): string {
    const q = new URLSearchParams({ limit: String(this.pageSize) });
    if (this.readAfter) q.set('after', this.readAfter);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/me/enrolments?${q}`;
  }

  #cancelButton(e: TimedEnrolment): string {
    return `article[data-enrolment-id="${CSS.escape(e.enrolmentId)}"] [data-action=cancel]`;
  }

  #ask(e: TimedEnrolment) {
    this.confirming = e.enrolmentId;
    this.failure = undefined;
    this.#focusLater.request(`article[data-enrolment-id="${CSS.escape(e.enrolmentId)}"] [data-action=confirm-cancel]`);
  }

  #keep(e: TimedEnrolment) {
    this.confirming = undefined;
    this.#focusLater.request(this.#cancelButton(e));
  }

  async #cancel(e: TimedEnrolment) {
    if (this.cancelling) return;
    this.cancelling = e.enrolmentId;
    this.notice = '';
    this.failure = undefined;
    try {
      const result = await this.api.post<EnrolmentCancelled>(`/api/v1/enrolments/${encodeURIComponent(e.enrolmentId)}/cancel`);
      this.confirming = undefined;
      // Shown at once; the list read again after it confirms (and brings any other change with it).
      this.rows = this.rows.map((r) => (r.enrolmentId === e.enrolmentId ? { ...r, status: 'cancelled', decidedAt: null } : r));
      this.notice = this.msg('cancelled', { title: e.class.title });
      this.emit('jxjy-enrolment-cancelled', { enrolmentId: result.enrolmentId, classId: e.class.classId });
      this.readAfter = result.position;
      this.#focusLater.request('#enrolments-status');
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.confirming = undefined;
      this.failure = errorText(err, this.msg('error'));
      this.#focusLater.request('.failure');
    } finally {
      this.cancelling = undefined;
    }
  }

  #body() {
    const list = this.#list.status;
    const loading = list === TaskStatus.PENDING || list === TaskStatus.INITIAL;
    if (!this.rows.length) {
      if (loading || list === TaskStatus.ERROR) {
        const error = list === TaskStatus.ERROR ? errorText(this.#list.error, this.msg('error')) : undefined;
        return loadState(error, { loading: this.msg('loading'), retry: this.msg('retry') }, () => this.reload++);
      }
      return html`<div class="empty" data-testid="empty">
        <p>${this.msg('empty')}</p>
        <button type="button" class="primary" data-action="find" @click=${() => this.emit('jxjy-navigate', { to: 'classes' })}>${this.msg('findClasses')}</button>
      </div>`;
    }
    const more = this.#more.status;
    return enrolmentList(
      {
        lang: this.effectiveLang,
        msg: this.#msg,
        today: chinaDate(new Date()),
        confirming: this.confirming,
        cancelling: this.cancelling,
        embedding: this.embedding,
        ask: (e) => this.#ask(e),
        keep: (e) => this.#keep(e),
        cancel: (e) => void this.#cancel(e),
      },
      this.rows,
      this.nextCursor
        ? {
            busy: more === TaskStatus.PENDING,
            error: more === TaskStatus.ERROR ? errorText(this.#more.error, this.msg('error')) : undefined,
            load: () => {
              if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([this.nextCursor]);
            },
          }
        : undefined,
    );
  }

  protected override render() {
    if (this.#list.status === TaskStatus.ERROR && isSignInRequired(this.#list.error)) return this.renderSignInNeeded();
    // A failed re-read keeps the list on screen and says why it may be out of date.
    const reread = this.rows.length && this.#list.status === TaskStatus.ERROR ? errorText(this.#list.error, this.msg('error')) : undefined;
    const failure = this.failure ?? reread;
    return html`<p id="enrolments-status" class="status" role="status" tabindex="-1">${this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!failure}>${failure ?? nothing}</div>
      ${this.#body()}`;
  }
}
