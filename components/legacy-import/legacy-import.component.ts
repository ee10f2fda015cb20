// <jxjy-legacy-import>: admin imports the old provincial system's exports (导入历史数据; CONTRACT.md Old-system history):
// POST /legacy/imports?kind=&dryRun= with the file (upload progress), then GET /legacy/imports/{id} every
// `poll-interval` while it runs, its refused rows as CSV from …/rejected with the token, and GET /legacy/imports for
// the recent ones.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { LegacyImport, LegacyImportAccepted, LegacyImportPage, LegacyKind } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FocusLater } from '../shared/focus-later.js';
import { saveBlob } from '../shared/save-blob.js';
import { ImportForm, type ImportRequest } from './legacy-import.form.js';
import { legacyImportMessages, type LegacyImportKey } from './legacy-import.messages.js';
import { ImportPoller } from './legacy-import.poll.js';
import { importReport } from './legacy-import.report.js';
import styles from './legacy-import.styles.js';
import { recentList, rejectedFilename, type Msg } from './legacy-import.view.js';

const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 导入历史数据 — for the HR department: choose what the file holds (学时记录 or 证书; the hint lists the
 * columns), choose the CSV (UTF-8 or GB18030) or XLSX file (a file over 20 MB or an empty one is refused before
 * sending), then 试导入 (checks every row, writes nothing) or 正式导入. The upload shows its progress; the import then
 * runs in the background and is read again every `poll-interval` ms while it runs: a progress bar of the rows
 * processed, the counts (total, passed, imported, duplicates, refused), the reason if it failed, the refused rows with
 * their column and reason, and 下载未导入的行 (every refused row with its reason as CSV, fetched with the token). A
 * refusal of the file (a missing column, too large, not CSV/XLSX) shows at the file field in the reader's language.
 * Below, the recent imports; 查看 shows one. Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-legacy-import-started - `{importId, kind, dryRun}` once the server took the file (202).
 * @event jxjy-legacy-import-finished - `{importId, kind, dryRun, status, rows}` when an import this element started (or saw running) has finished.
 *
 * @csspart form - The upload `<form>`.
 * @csspart field - The kind and file fields.
 * @csspart error - The form's error summary.
 * @csspart submit - The 试导入 and 正式导入 buttons.
 * @csspart upload - The upload's progress bar.
 * @csspart report - The followed import's report.
 * @csspart counts - Its row counts.
 * @csspart errors - Its refused rows `<table>`.
 * @csspart table - The recent imports `<table>`.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Buttons and progress bars (default #0958d9).
 * @cssproperty --jxjy-color-danger - Refused rows, failures and errors (default #c8161e).
 * @cssproperty --jxjy-color-success - Completed imports (default #2b7a0b).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyLegacyImport extends JxjyElement<LegacyImportKey> {
  static override styles = styles;

  protected override readonly messages = legacyImportMessages;

  /** What the next file holds: `records` (学时记录, default) or `certificates` (证书). */
  @property() kind: LegacyKind = 'records';
  /** The import shown (and followed while it runs); set by 查看 and by a new upload, or by the host. */
  @property({ attribute: 'import-id' }) importId = '';
  /** Milliseconds between two reads of a running import. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1500;
  /** Recent imports listed (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private items: LegacyImport[] = [];
  /** The position of this element's last upload: the list is read once it shows it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private downloading = false;
  @state() private failure: string | undefined;
  @state() private notice = '';
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #list = new Task(this, {
    task: (_args, { signal }) => {
      const q = new URLSearchParams({ limit: String(this.pageSize) });
      if (this.readAfter) q.set('after', this.readAfter);
      return this.api.get<LegacyImportPage>(`/api/v1/legacy/imports?${q}`, { signal });
    },
    args: () => [...this.connection, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => (this.items = page.items),
  });

  readonly #poller = new ImportPoller(this, {
    api: () => this.api,
    interval: () => Math.max(10, this.pollInterval || 1500),
    finished: (report) => this.#finished(report),
  });

  readonly #form = new ImportForm(this, {
    lang: () => this.effectiveLang,
    msg: this.#msg,
    api: () => this.api,
    kind: () => (this.kind === 'certificates' ? 'certificates' : 'records'),
    setKind: (kind) => (this.kind = kind),
    started: (accepted, request) => this.#started(accepted, request),
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#list]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another server is other data altogether.
    if (changed.has('apiBase') && changed.get('apiBase') !== undefined) {
      Object.assign(this, { readAfter: undefined, importId: '' });
      this.#poller.clear();
    }
    // Another caller may not see what the last one saw: the list is read again, and so is the import shown (a refusal
    // drops it). A refreshed token of the same admin keeps following a running import without a gap.
    const caller = ['apiBase', 'token', 'tokenProvider', 'config'].some((p) => changed.has(p as keyof JxjyLegacyImport));
    if (caller) Object.assign(this, { items: [], failure: undefined, notice: '' });
    if (changed.has('importId') && this.#poller.importId !== (this.importId || undefined)) this.#poller.follow(this.importId || undefined);
    else if (caller && this.hasUpdated) this.#poller.refresh();
  }

  #started(accepted: LegacyImportAccepted, request: ImportRequest) {
    this.emit('jxjy-legacy-import-started', { importId: accepted.importId, kind: request.kind, dryRun: request.dryRun });
    this.importId = accepted.importId;
    this.#poller.follow(accepted.importId, { started: true });
    this.readAfter = accepted.position;
    this.failure = undefined;
    this.notice = this.msg('started', { mode: this.msg(request.dryRun ? 'mode.dry' : 'mode.real') });
    this.#focusLater.request('#report-title');
  }

  #finished(report: LegacyImport) {
    const status = report.status === 'failed' ? 'failed' : 'completed';
    this.emit('jxjy-legacy-import-finished', { importId: report.importId, kind: report.kind, dryRun: report.dryRun, status, rows: report.rows });
    const mode = this.msg(report.dryRun ? 'mode.dry' : 'mode.real');
    this.notice =
      status === 'failed'
        ? this.msg('failed', { mode, reason: report.failure || this.msg('failureUnknown') })
        : this.msg('completed', { mode, ...report.rows });
    this.reload++;
  }

  #view(item: LegacyImport) {
    this.failure = undefined;
    this.notice = '';
    this.importId = item.importId;
    this.#focusLater.request('#report-title');
  }

  /** 下载未导入的行: a plain link cannot send the bearer token, so the CSV is fetched and saved (under the server's name). */
  async #download(report: LegacyImport) {
    if (this.downloading) return;
    this.downloading = true;
    this.failure = undefined;
    this.notice = '';
    try {
      const url = `/api/v1/legacy/imports/${encodeURIComponent(report.importId)}/rejected`;
      const { blob, filename } = await this.api.download(url, { fallbackFilename: rejectedFilename(report.file.filename) });
      saveBlob(blob, filename, this.renderRoot);
      this.notice = this.msg('downloaded', { filename });
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = errorText(err, this.msg('error'));
      this.#focusLater.request('.failure.download');
    } finally {
      this.downloading = false;
    }
  }

  /** The list as read, with the followed import's own report (read more often) in its row. */
  get #rows(): LegacyImport[] {
    const report = this.#poller.report;
    const rows = this.items.map((item) => (item.importId === report?.importId ? report : item));
    return report && !rows.some((r) => r.importId === report.importId) ? [report, ...rows] : rows;
  }

  #report() {
    const poller = this.#poller;
    if (!poller.importId) return nothing;
    const report = poller.report;
    if (report) {
      return importReport({
        lang: this.effectiveLang,
        msg: this.#msg,
        report,
        pollError: poller.error,
        downloading: this.downloading,
        download: () => void this.#download(report),
        retry: () => poller.resume(),
      });
    }
    if (!poller.error) return html`<p class="status" role="status">${this.msg('loading')}</p>`;
    return html`<div class="load-error" role="alert" data-testid="poll-error">
      <p>${this.msg('pollFailed', { message: poller.error.message })}</p>
      <button type="button" @click=${() => poller.resume()}>${this.msg('retry')}</button>
    </div>`;
  }

  #recent() {
    const task = this.#list;
    let body;
    if (task.status === TaskStatus.ERROR && !this.items.length) {
      body = html`<div class="load-error" role="alert">
        <p>${errorText(task.error, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    } else if (task.status !== TaskStatus.COMPLETE && !this.items.length) body = html`<p class="status" role="status">${this.msg('loading')}</p>`;
    else body = recentList({ lang: this.effectiveLang, msg: this.#msg, items: this.#rows, shown: this.#poller.importId, view: (item) => this.#view(item) });
    return html`<section class="recent" aria-labelledby="recent-title">
      <h3 id="recent-title">${this.msg('recentTitle')}</h3>
      ${body}
    </section>`;
  }

  protected override render() {
    if (this.#list.status === TaskStatus.ERROR && isSignInRequired(this.#list.error)) return this.renderSignInNeeded();
    return html`<p class="intro">${this.msg('intro')}</p>
      <p id="import-status" class="notice" role="status">${this.notice}</p>
      <div class="failure download" role="alert" tabindex="-1" ?hidden=${!this.failure}>${this.failure ?? nothing}</div>
      <section class="upload-form" aria-labelledby="form-title">
        <h3 id="form-title">${this.msg('formTitle')}</h3>
        ${this.#form.render()}
      </section>
      ${this.#report()} ${this.#recent()}`;
  }
}
