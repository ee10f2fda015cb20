// <jxjy-credit-records>: a person's continuing-education records (继续教育记录申报, manual 3.3.1): GET /credit-records
// by year and status; a record's detail (GET /credit-records/{id}, with its history, and its timeline under 查看记录
// through an embedded <jxjy-timeline>); POST / PATCH to declare and
// edit; attachments uploaded (with progress), downloaded with the token and removed; POST …/submit and …/withdraw.
// After each command the list and the record are read again with `?after=<position>`, so they show the change.
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { CreditRecord, CreditRecordItem, CreditRecordPage, CreditStatus } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { mergeCatalogs } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FocusLater } from '../shared/focus-later.js';
import { FIRST_DECLARABLE_YEAR, yearChoices } from '../shared/years.js';
import { creditMessages, type CreditKey } from '../shared/credit.messages.js';
import { RecordCommands, recordUrl } from './credit-records.commands.js';
import { detailView } from './credit-records.detail.js';
import { RecordEditor } from './credit-records.editor.js';
import { listScreen, loadState, type ListContext, type Msg } from './credit-records.list.js';
import { creditRecordsMessages, type CreditRecordsKey } from './credit-records.messages.js';
import styles from './credit-records.styles.js';
import { UploadController } from './credit-records.upload.js';

type Screen = 'list' | 'detail' | 'new' | 'edit';
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 继续教育记录申报 — the signed-in professional's credit records: a list by year (this year first) and status
 * with 加载更多; 新增申报 and 修改 (a form checking what the server checks: dates inside the year and not after today,
 * start ≤ end, hours in steps of 0.5 and at most 8 a day); a record's evidence (PDF/JPEG/PNG up to 10 MB, uploaded
 * with a progress bar, downloaded with the token, removed while editable); 确认送审 to the person's unit and 撤回
 * before it decides; a rejection's reason (edit and submit again); the history of decisions, and under 查看记录 the
 * record's tamper-evident timeline (who did what, when and why, and whether its chain holds). Without a token it asks
 * for nothing and shows that sign-in is needed; it loads as soon as a token arrives.
 *
 * @event jxjy-credit-record-saved - `{recordId}` after a record was created or changed (it is a draft).
 * @event jxjy-credit-record-submitted - `{recordId}` after the record was sent to the unit; its reviewers have a task.
 * @event jxjy-credit-record-withdrawn - `{recordId}` after a submitted record was taken back (a draft again).
 *
 * @csspart filters - The year / status filter bar with 新增申报.
 * @csspart table - The records `<table>`.
 * @csspart actions - A row's 查看 button, and a record's 确认送审 / 修改 / 撤回 buttons.
 * @csspart pager - The 加载更多 area.
 * @csspart form - The declaration `<form>`.
 * @csspart field - Each label + input + message group of the form.
 * @csspart error - The form's error summary.
 * @csspart submit - The form's save button.
 * @csspart facts - A record's declared facts.
 * @csspart rejection - A rejected (or revoked) record's reason.
 * @csspart upload - The file input with its progress bar and error.
 * @csspart history - The history `<table>`.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Primary buttons and the progress bar (default #0958d9).
 * @cssproperty --jxjy-color-danger - Remove / withdraw buttons and errors (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header and panel background (default #f5f7fa).
 */
export class JxjyCreditRecords extends JxjyElement<CreditRecordsKey | CreditKey> {
  static override styles = styles;

  protected override readonly messages = mergeCatalogs(creditRecordsMessages, creditMessages);

  /** The year listed (and the one a new record starts with); defaults to this year. */
  @property({ type: Number }) year = new Date().getFullYear();
  /** Only records of this status; '' = all. */
  @property() status: CreditStatus | '' = '';
  /** The first year declarable here (the server's JXJY_FIRST_YEAR); earlier years are the old system's history. */
  @property({ type: Number, attribute: 'first-year' }) firstYear = FIRST_DECLARABLE_YEAR;
  /** Records per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private screen: Screen = 'list';
  @state() private rows: CreditRecordItem[] = [];
  @state() private nextCursor: string | undefined;
  /** The position of this element's last command: the list and the record are read once they show it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private selectedId: string | undefined;
  @state() private record: CreditRecord | undefined;
  @state() private notice = '';
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  // The task reads the filters from `this`; listing them (and the connection) in its args re-runs it on any change.
  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<CreditRecordPage>(this.#listUrl(), { signal }),
    args: () => [...this.connection, this.year, this.status, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<CreditRecordPage>(this.#listUrl(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.recordId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.recordId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #detail = new Task(this, {
    task: async (_args, { signal }) => {
      if (!this.selectedId) return initialState;
      const q = this.readAfter ? `?${new URLSearchParams({ after: this.readAfter })}` : '';
      return this.api.get<CreditRecord>(recordUrl(this.selectedId, q), { signal });
    },
    args: () => [...this.connection, this.selectedId, this.readAfter, this.reload],
    onComplete: (record) => {
      if (record.recordId === this.selectedId) this.record = record;
    },
  });

  readonly #editor = new RecordEditor(this, {
    lang: () => this.effectiveLang,
    msg: this.#msg,
    firstYear: () => this.firstYear,
    api: () => this.api,
    saved: (record, edited) => {
      this.emit('jxjy-credit-record-saved', { recordId: record.recordId });
      // The list shows the record's year when the person goes back to it.
      this.year = record.year;
      this.#show(record, this.msg(edited ? 'saved' : 'created'));
      this.#go('detail', '#record-status');
    },
  });

  readonly #upload = new UploadController(this, {
    api: () => this.api,
    msg: this.#msg,
    uploaded: (record, added, position) =>
      this.#show({ ...record, attachments: [...record.attachments, added], position }, this.msg('uploaded', { filename: added.filename })),
  });

  readonly #commands = new RecordCommands(this, {
    api: () => this.api,
    msg: this.#msg,
    emit: (name, detail) => this.emit(name, detail),
    done: (record, notice, focus) => {
      this.#show(record, notice);
      this.#focusLater.request(focus);
    },
    root: () => this.renderRoot,
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
    // Another caller or server is another person: nothing of the previous one's records may stay on screen.
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyCreditRecords))) {
      this.#upload.cancel();
      Object.assign(this, { screen: 'list', selectedId: undefined, record: undefined, readAfter: undefined, notice: '' });
      this.#commands.clear();
    }
    // A new filter is a new list; a "load more" still in flight belongs to the old one.
    if (['year', 'status', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyCreditRecords))) {
      this.#more.abort();
      this.rows = [];
      this.nextCursor = undefined;
    }
  }

  #listUrl(cursor?: string): string {
    const q = new URLSearchParams({ year: String(this.year), limit: String(this.pageSize) });
    if (this.status) q.set('status', this.status);
    if (this.readAfter) q.set('after', this.readAfter);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/credit-records?${q}`;
  }

  #go(screen: Screen, focus: string) {
    this.screen = screen;
    this.#commands.clear();
    this.#upload.cancel();
    this.#focusLater.request(focus);
  }

  #open(recordId: string) {
    if (this.selectedId !== recordId) this.record = undefined;
    this.selectedId = recordId;
    this.notice = '';
    this.#go('detail', '#screen-title');
  }

  #back() {
    if (this.screen === 'edit') return this.#go('detail', '#screen-title');
    const id = this.selectedId;
    this.selectedId = undefined;
    this.record = undefined;
    this.notice = '';
    this.#go('list', id ? `tr[data-record-id="${CSS.escape(id)}"] [data-action=open]` : '[data-action=create]');
  }

  #openEditor(screen: 'new' | 'edit') {
    this.#editor.open(screen === 'edit' ? this.record : undefined);
    this.notice = '';
    this.#go(screen, '#screen-title');
  }

  /** Shows what a command answered, and reads the list and the record again once they include it. */
  #show(record: CreditRecord, notice: string) {
    const history = this.record?.recordId === record.recordId ? this.record.history : undefined;
    this.record = { ...record, ...(history ? { history } : {}) };
    this.selectedId = record.recordId;
    if (record.position) this.readAfter = record.position;
    else this.reload++;
    this.notice = notice;
  }

  async #choose(event: Event) {
    const record = this.record;
    if (!record) return;
    this.#commands.clear();
    await this.#upload.send(event.target as HTMLInputElement, record);
    // The input was disabled while sending, which took focus away from it (unless the person went elsewhere meanwhile).
    if (this.screen === 'detail' && this.selectedId === record.recordId) this.#focusLater.request('#file');
  }

  /** A command on the shown record (not while a file is uploading); a failure is an alert that takes focus. */
  async #command(run: (record: CreditRecord) => Promise<boolean>) {
    const record = this.record;
    if (!record || this.#upload.progress) return;
    this.notice = '';
    if (!(await run(record))) this.#focusLater.request('.failure');
  }

  #listContext(): ListContext {
    const list = this.#list.status;
    const more = this.#more.status;
    return {
      lang: this.effectiveLang,
      msg: this.#msg,
      year: this.year,
      years: yearChoices(this.firstYear, new Date().getFullYear(), this.year),
      status: this.status,
      rows: this.rows,
      loading: list === TaskStatus.PENDING || list === TaskStatus.INITIAL,
      error: list === TaskStatus.ERROR ? errorText(this.#list.error, this.msg('error')) : undefined,
      retry: () => this.reload++,
      setYear: (year) => (this.year = year),
      setStatus: (status) => (this.status = status),
      create: () => this.#openEditor('new'),
      open: (row) => this.#open(row.recordId),
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

  #screenBody() {
    switch (this.screen) {
      case 'list':
        return listScreen(this.#listContext());
      case 'detail': {
        const record = this.record;
        if (!record) {
          const failed = this.#detail.status === TaskStatus.ERROR;
          return loadState(this.#msg, failed ? errorText(this.#detail.error, this.msg('error')) : undefined, () => this.reload++, () => this.#back());
        }
        return detailView({
          lang: this.effectiveLang,
          msg: this.#msg,
          record,
          busy: this.#commands.busy,
          upload: this.#upload.progress,
          fileError: this.#upload.error,
          embedding: this.embedding,
          back: () => this.#back(),
          edit: () => this.#openEditor('edit'),
          submit: () => void this.#command((r) => this.#commands.submit(r)),
          withdraw: () => void this.#command((r) => this.#commands.withdraw(r)),
          choose: (e) => void this.#choose(e),
          download: (a) => void this.#command((r) => this.#commands.download(r, a)),
          remove: (a) => void this.#command((r) => this.#commands.remove(r, a)),
        });
      }
      case 'new':
      case 'edit':
        return this.#editor.render(this.year, () => this.#back());
      default: {
        const never: never = this.screen;
        return never;
      }
    }
  }

  protected override render() {
    const signInNeeded = [this.#list, this.#detail].some((t) => t.status === TaskStatus.ERROR && isSignInRequired(t.error));
    if (signInNeeded) return this.renderSignInNeeded();
    const failure = this.#commands.failure;
    return html`<p id="record-status" class="status" role="status" tabindex="-1">${this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!failure}>${failure ?? ''}</div>
      ${this.#screenBody()}`;
  }
}
