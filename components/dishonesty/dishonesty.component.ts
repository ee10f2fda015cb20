// <jxjy-dishonesty>: dishonesty records (失信信息, manual 1.4). A person reads their own (GET /me/dishonesty-records);
// a unit, an auditor or admin reads one person's (`person-id`: GET /dishonesty-records?personId=) or all they may
// see; admin also records one (POST /dishonesty-records) and revokes one with a reason (POST …/{id}/revoke). After
// each command the list is read again with `?after=<position>`, so it shows the change.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { DishonestyPage, DishonestyRecord } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import type { DishonestyEventDetail } from '../events.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FocusLater } from '../shared/focus-later.js';
import { RecordEditor } from './dishonesty.editor.js';
import { recordsTable, type ListContext, type Msg, type Scope } from './dishonesty.list.js';
import { dishonestyMessages, type DishonestyKey } from './dishonesty.messages.js';
import { textProblem } from './dishonesty.rules.js';
import styles from './dishonesty.styles.js';

/** `person`: my own records; `review`: others' records, read only (unit, auditor); `admin`: also record and revoke. */
export type DishonestyMode = 'person' | 'review' | 'admin';
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 失信信息 — one element for every role, by `mode`: `person` (default) lists the signed-in professional's
 * own records; `review` lists others' records read-only (a unit sees its members', an auditor everyone's); `admin`
 * adds 记录失信信息 (the person by ID number, checked with GB 11643; reason, legal basis, start date, optional end
 * date not before the start, whether it blocks certificates) and 撤销 with a reason on each record. `person-id`
 * narrows the list (and admin's new record) to one person. Each record shows its reason, legal basis, period,
 * whether it blocks certificates and its status (in force, ended, or revoked with the date and reason). One element
 * rather than two: the list is the same in every role, and the server, not the element, decides who may do what.
 * Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-dishonesty-recorded - `{recordId, personId}` after admin recorded a dishonesty record.
 * @event jxjy-dishonesty-revoked - `{recordId, personId}` after admin revoked one.
 *
 * @csspart table - The records `<table>`.
 * @csspart actions - A record's 撤销 button (admin).
 * @csspart revoke-form - The inline form asking why a record is revoked.
 * @csspart pager - The 加载更多 area.
 * @csspart form - The record form (admin).
 * @csspart field - Each label + input + message group of the form.
 * @csspart error - The form's error summary.
 * @csspart submit - The form's save button.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Buttons (default #0958d9).
 * @cssproperty --jxjy-color-danger - Revoke buttons, records that block certificates and errors (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyDishonesty extends JxjyElement<DishonestyKey> {
  static override styles = styles;

  protected override readonly messages = dishonestyMessages;

  /** `person` (own records), `review` (others', read only) or `admin` (also record and revoke). */
  @property() mode: DishonestyMode = 'person';
  /** Only this person's records (unit, auditor and admin pages); in `person` mode it switches to reading theirs. */
  @property({ attribute: 'person-id' }) personId = '';
  /** Records per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private rows: DishonestyRecord[] = [];
  @state() private nextCursor: string | undefined;
  /** The position of this element's last command: the list is read once it shows it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private editing = false;
  @state() private revoking: { recordId: string; error: string | undefined; busy: boolean } | undefined;
  @state() private notice = '';
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<DishonestyPage>(this.#url(), { signal }),
    args: () => [...this.connection, this.#scope, this.personId, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<DishonestyPage>(this.#url(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.recordId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.recordId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #editor = new RecordEditor(this, {
    lang: () => this.effectiveLang,
    msg: this.#msg,
    api: () => this.api,
    personId: () => this.personId,
    recorded: (record) => {
      this.editing = false;
      this.#changed(record, 'jxjy-dishonesty-recorded', this.msg('recorded', { name: record.personName, id: record.idNumberMasked }));
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

  // Another caller, server, person or mode is another list: nothing of the previous one may stay on screen.
  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['mode', 'personId', 'pageSize', 'apiBase', 'token', 'tokenProvider'] as const;
    if (keys.some((p) => changed.has(p))) {
      this.#more.abort();
      Object.assign(this, { rows: [], nextCursor: undefined, readAfter: undefined, revoking: undefined, notice: '' });
      if (this.mode !== 'admin') this.editing = false;
    }
  }

  get #scope(): Scope {
    if (this.personId) return 'person';
    return this.mode === 'person' ? 'mine' : 'all';
  }

  #url(cursor?: string): string {
    const q = new URLSearchParams({ limit: String(this.pageSize) });
    if (this.#scope === 'person') q.set('personId', this.personId);
    if (this.readAfter) q.set('after', this.readAfter);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/${this.#scope === 'mine' ? 'me/dishonesty-records' : 'dishonesty-records'}?${q}`;
  }

  /** Shows what a command answered at once, and reads the list again once it includes it. */
  #changed(record: DishonestyRecord, event: 'jxjy-dishonesty-recorded' | 'jxjy-dishonesty-revoked', notice: string) {
    const detail: DishonestyEventDetail = { recordId: record.recordId, personId: record.personId };
    this.emit(event, detail);
    const known = this.rows.some((r) => r.recordId === record.recordId);
    this.rows = known ? this.rows.map((r) => (r.recordId === record.recordId ? record : r)) : [record, ...this.rows];
    if (record.position) this.readAfter = record.position;
    else this.reload++;
    this.notice = notice;
    this.#focusLater.request('#dishonesty-status');
  }

  #toggleEditor() {
    this.editing = !this.editing;
    this.notice = '';
    if (this.editing) {
      this.#editor.open();
      this.#focusLater.request('#form-title');
    }
  }

  #closeEditor() {
    this.editing = false;
    this.#focusLater.request('[data-action=record]');
  }

  #toggleRevoke(record: DishonestyRecord) {
    const open = this.revoking?.recordId === record.recordId;
    this.revoking = open ? undefined : { recordId: record.recordId, error: undefined, busy: false };
    this.notice = '';
    if (!open) this.#focusLater.request('#revoke-reason');
  }

  #cancelRevoke() {
    const id = this.revoking?.recordId;
    this.revoking = undefined;
    if (id) this.#focusLater.request(`tr[data-record-id="${CSS.escape(id)}"] [data-action=revoke]`);
  }

  async #confirmRevoke(event: SubmitEvent, record: DishonestyRecord) {
    event.preventDefault();
    const current = this.revoking;
    if (!current || current.busy) return;
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    const label = this.msg('revokeReasonLabel');
    const problem = reason ? textProblem(this.effectiveLang, this.#msg, reason, label) : this.msg('requiredField', { label });
    if (problem) {
      this.revoking = { ...current, error: problem };
      this.#focusLater.request('#revoke-reason');
      return;
    }
    this.revoking = { ...current, error: undefined, busy: true };
    try {
      const answer = await this.api.post<DishonestyRecord>(`/api/v1/dishonesty-records/${encodeURIComponent(record.recordId)}/revoke`, { reason });
      this.revoking = undefined;
      this.#changed(answer, 'jxjy-dishonesty-revoked', this.msg('revoked'));
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      // Still open for this record: show why here (a 409 when someone else revoked it first), and read the list again.
      if (this.revoking?.recordId === record.recordId) this.revoking = { recordId: record.recordId, busy: false, error: errorText(err, this.msg('error')) };
      this.reload++;
      this.#focusLater.request('#revoke-reason');
    }
  }

  #listContext(): ListContext {
    const list = this.#list.status;
    const more = this.#more.status;
    return {
      msg: this.#msg,
      scope: this.#scope,
      manage: this.mode === 'admin',
      rows: this.rows,
      loading: list === TaskStatus.PENDING || list === TaskStatus.INITIAL,
      revoking: this.revoking,
      toggleRevoke: (r) => this.#toggleRevoke(r),
      cancelRevoke: () => this.#cancelRevoke(),
      confirmRevoke: (e, r) => void this.#confirmRevoke(e, r),
      more: this.nextCursor
        ? {
            busy: more === TaskStatus.PENDING,
            error: more === TaskStatus.ERROR ? errorText(this.#more.error, this.msg('error')) : undefined,
            load: () => {
              if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([this.nextCursor]);
            },
          }
        : undefined,
    };
  }

  #loadState() {
    const task = this.#list;
    if (this.rows.length) return nothing;
    if (task.status === TaskStatus.ERROR) {
      return html`<div class="load-error" role="alert">
        <p>${errorText(task.error, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    return task.status === TaskStatus.COMPLETE ? nothing : html`<p class="status" role="status">${this.msg('loading')}</p>`;
  }

  #adminBar() {
    if (this.mode !== 'admin') return nothing;
    return html`<div class="toolbar">
        <button type="button" class="primary" data-action="record" aria-expanded=${this.editing ? 'true' : 'false'}
          aria-controls=${this.editing ? 'record-form' : nothing} @click=${() => this.#toggleEditor()}>${this.msg('newRecord')}</button>
      </div>
      ${this.editing ? this.#editor.render(() => this.#closeEditor()) : nothing}`;
  }

  protected override render() {
    const task = this.#list;
    if (task.status === TaskStatus.ERROR && isSignInRequired(task.error)) return this.renderSignInNeeded();
    return html`<p class="intro">${this.msg(this.#scope === 'mine' ? 'introPerson' : 'introReview')}</p>
      <p id="dishonesty-status" class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.#adminBar()} ${this.#loadState()} ${recordsTable(this.#listContext())}`;
  }
}
