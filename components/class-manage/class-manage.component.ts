// <jxjy-class-manage>: a teaching institution runs its training classes (培训班管理): GET /classes (its own, paged),
// POST /classes to create one (a draft), GET /classes/{id} for one with its roster, POST …/open and …/close for the
// enrolment window, POST …/complete with the approved enrollees who attended. After each command the list and the class
// (with its roster) are read again with `?after=<position>`, so they show the change without a manual refresh.
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { chinaDate } from '../../events/vocabulary/index.js';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { ClassPage, TrainingClass } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { loadState } from '../shared/class.view.js';
import { formatHours } from '../shared/credit.messages.js';
import { FocusLater } from '../shared/focus-later.js';
import { Attendance } from './class-manage.attendance.js';
import { detailView, type Busy } from './class-manage.detail.js';
import { ClassEditor } from './class-manage.editor.js';
import { listScreen, type Msg } from './class-manage.list.js';
import { classManageMessages, type ClassManageKey } from './class-manage.messages.js';
import styles from './class-manage.styles.js';

type Screen = 'list' | 'new' | 'detail';
/** A refused command's own words: each field detail it carries (a 422), else its message. */
const errorText = (err: unknown, fallback: string) =>
  err instanceof ApiError ? [err.message, ...(err.details ?? []).map((d) => d.message).filter((m) => m !== err.message)].join('；') : fallback;

/**
 * @summary 培训班管理 — for a teaching institution's reviewers: their classes in every status with seats taken and the
 * waiting line, paged with 加载更多; 新建培训班 (title, category, hours in steps of 0.5, capacity, dates, the region it
 * is offered to, a description), checked as the server checks it; per class 开放报名 / 截止报名 / 重新开放报名, the roster
 * (names, masked ID numbers, statuses, decision times and reasons), and 结业 once closed and started: the approved
 * enrollees who attended are ticked, confirmed with what it grants, and granted the class hours. Enrolments themselves
 * are reviewed in <jxjy-task-inbox>. Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-class-created - `{classId}` after a class was created (a draft).
 * @event jxjy-class-opened - `{classId}` after the class opened for enrolment.
 * @event jxjy-class-closed - `{classId}` after the class's enrolment closed.
 * @event jxjy-class-completed - `{classId, attendees}` after the class completed; attendees were granted its hours.
 *
 * @csspart toolbar - 新建培训班 and 刷新 above the list.
 * @csspart table - The classes `<table>`.
 * @csspart actions - A row's 管理 button, and a class's transition buttons.
 * @csspart pager - The 加载更多 area.
 * @csspart form - The new-class `<form>`.
 * @csspart field - Each label + input group of the form.
 * @csspart error - The form's error summary.
 * @csspart submit - The form's save button.
 * @csspart facts - A class's details.
 * @csspart roster - The roster `<table>`.
 * @csspart completion - The completion form.
 * @csspart confirm-form - The completion's confirmation step.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Primary buttons (default #0958d9).
 * @cssproperty --jxjy-color-danger - Alerts (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header and panel background (default #f5f7fa).
 */
export class JxjyClassManage extends JxjyElement<ClassManageKey> {
  static override styles = styles;

  protected override readonly messages = classManageMessages;

  /** Classes per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private screen: Screen = 'list';
  @state() private rows: TrainingClass[] = [];
  @state() private nextCursor: string | undefined;
  /** The position of this element's last command: the list is read once it includes it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private selectedId: string | undefined;
  @state() private klass: TrainingClass | undefined;
  @state() private busy: Busy;
  @state() private notice = '';
  @state() private failure: string | undefined;
  readonly #focusLater = new FocusLater(this);
  readonly #attendance = new Attendance(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<ClassPage>(this.#listUrl(), { signal }),
    args: () => [...this.connection, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<ClassPage>(this.#listUrl(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.classId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.classId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #detail = new Task(this, {
    task: async (_args, { signal }) =>
      this.selectedId ? this.api.get<TrainingClass>(this.#url(`/api/v1/classes/${encodeURIComponent(this.selectedId)}`), { signal }) : initialState,
    args: () => [...this.connection, this.selectedId, this.readAfter, this.reload],
    onComplete: (klass) => {
      if (klass.classId === this.selectedId) this.klass = klass;
    },
  });

  readonly #editor = new ClassEditor(this, {
    lang: () => this.effectiveLang,
    msg: this.#msg,
    api: () => this.api,
    created: (klass) => {
      this.emit('jxjy-class-created', { classId: klass.classId });
      this.#show(klass, this.msg('created'));
      this.#go('detail', '#screen-title');
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#list, this.#detail]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another caller or server is another institution: nothing of the previous one's classes may stay on screen.
    if (['apiBase', 'token', 'tokenProvider', 'pageSize'].some((p) => changed.has(p as keyof JxjyClassManage))) {
      this.#more.abort();
      Object.assign(this, { screen: 'list', rows: [], nextCursor: undefined, readAfter: undefined, selectedId: undefined, klass: undefined, notice: '', failure: undefined });
      this.#attendance.reset();
    }
  }

  /** `path` read once it includes this element's last command. */
  #url(path: string, q = new URLSearchParams()): string {
    if (this.readAfter) q.set('after', this.readAfter);
    return q.size ? `${path}?${q}` : path;
  }

  #listUrl = (cursor?: string) => this.#url('/api/v1/classes', new URLSearchParams({ limit: String(this.pageSize), ...(cursor ? { cursor } : {}) }));

  #go(screen: Screen, focus: string) {
    this.screen = screen;
    this.failure = undefined;
    this.#attendance.confirm(false);
    this.#focusLater.request(focus);
  }

  #open(k: TrainingClass) {
    if (this.selectedId !== k.classId) {
      this.klass = undefined;
      this.#attendance.reset();
    }
    this.selectedId = k.classId;
    this.notice = '';
    this.#go('detail', '#screen-title');
  }

  #back() {
    const id = this.selectedId;
    Object.assign(this, { selectedId: undefined, klass: undefined, notice: '' });
    this.#attendance.reset();
    this.#go('list', id ? `tr[data-class-id="${CSS.escape(id)}"] [data-action=open]` : '[data-action=create]');
  }

  /** Shows a command's answer (keeping the roster when it carries none); the list and the class are read again once they include it. */
  #show(klass: TrainingClass, notice: string) {
    const roster = klass.roster ?? (this.klass?.classId === klass.classId ? this.klass.roster : undefined);
    this.klass = { ...klass, ...(roster ? { roster } : {}) };
    this.selectedId = klass.classId;
    if (klass.position) this.readAfter = klass.position;
    this.notice = notice;
  }

  /** A command on the shown class, one at a time; a refusal (409, 422) is the screen's alert and takes focus. */
  async #command(busy: Exclude<Busy, undefined>, run: (k: TrainingClass) => Promise<void>) {
    const k = this.klass;
    if (!k || this.busy) return;
    this.busy = busy;
    this.notice = '';
    this.failure = undefined;
    try {
      await run(k);
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = errorText(err, this.msg('error'));
      this.#focusLater.request('.failure');
    } finally {
      this.busy = undefined;
    }
  }

  #transition(action: 'open' | 'close') {
    return this.#command(action, async (k) => {
      const answer = await this.api.post<TrainingClass>(`/api/v1/classes/${encodeURIComponent(k.classId)}/${action}`);
      this.emit(action === 'open' ? 'jxjy-class-opened' : 'jxjy-class-closed', { classId: answer.classId });
      this.#show(answer, this.msg(action === 'open' ? 'opened' : 'closed'));
      this.#focusLater.request('#manage-status');
    });
  }

  #complete() {
    return this.#command('complete', async (k) => {
      const attendeePersonIds = this.#attendance.attendees(k.roster);
      const answer = await this.api.post<TrainingClass>(`/api/v1/classes/${encodeURIComponent(k.classId)}/complete`, { attendeePersonIds });
      this.#attendance.confirm(false);
      this.emit('jxjy-class-completed', { classId: answer.classId, attendees: attendeePersonIds.length });
      this.#show(answer, this.msg('completed', { count: attendeePersonIds.length, hours: formatHours(this.effectiveLang, answer.hours) }));
      this.#focusLater.request('#manage-status');
    }).finally(() => {
      // A refused completion goes back to the ticks, which the confirmation had locked.
      if (this.failure) this.#attendance.confirm(false);
    });
  }

  #screenBody() {
    const msg = this.#msg;
    const retry = () => this.reload++;
    switch (this.screen) {
      case 'list': {
        const list = this.#list.status;
        const more = this.#more.status;
        return listScreen({
          lang: this.effectiveLang,
          msg,
          rows: this.rows,
          loading: list === TaskStatus.PENDING || list === TaskStatus.INITIAL,
          error: list === TaskStatus.ERROR ? errorText(this.#list.error, this.msg('error')) : undefined,
          retry,
          create: () => {
            this.#editor.open();
            this.notice = '';
            this.#go('new', '#screen-title');
          },
          open: (k) => this.#open(k),
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
      case 'new':
        return this.#editor.render(() => this.#back());
      case 'detail': {
        const klass = this.klass;
        if (!klass) {
          const error = this.#detail.status === TaskStatus.ERROR ? errorText(this.#detail.error, this.msg('error')) : undefined;
          return html`${loadState(error, { loading: msg('loading'), retry: msg('retry') }, retry)}
            <button type="button" class="link" data-action="back" @click=${() => this.#back()}>${msg('back')}</button>`;
        }
        return detailView({
          lang: this.effectiveLang,
          msg,
          klass,
          today: chinaDate(new Date()),
          busy: this.busy,
          attendees: this.#attendance.ticked,
          confirming: this.#attendance.confirming,
          back: () => this.#back(),
          refresh: retry,
          transition: (action) => void this.#transition(action),
          tick: (personId, on) => this.#attendance.tick(personId, on),
          tickAll: (on) => this.#attendance.tickAll(klass.roster, on),
          ask: () => {
            this.failure = undefined;
            this.#attendance.confirm(true);
            this.#focusLater.request('#complete-confirm');
          },
          keep: () => {
            this.#attendance.confirm(false);
            this.#focusLater.request('[data-action=complete]');
          },
          complete: () => void this.#complete(),
        });
      }
      default: {
        const never: never = this.screen;
        return never;
      }
    }
  }

  protected override render() {
    if ([this.#list, this.#detail].some((t) => t.status === TaskStatus.ERROR && isSignInRequired(t.error))) return this.renderSignInNeeded();
    return html`<p id="manage-status" class="status" role="status" tabindex="-1">${this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!this.failure}>${this.failure ?? ''}</div>
      ${this.#screenBody()}`;
  }
}
