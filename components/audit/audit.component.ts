// <jxjy-audit>: the auditors' screen (审计, CONTRACT.md Audit and replay), in tabs: 事件日志 (GET /audit/events and
// /audit/streams/{id}), 完整性校验 (POST /audit/verify, its NDJSON progress live), 数据重放 (POST /audit/replays, followed
// until done, with ?diff=live), 印章 (seals, seal now, the public key, the export); for admin also 访问记录
// (GET /audit/access-log) and 审计账号 (POST /staff). Each part is a controller of its own; this element owns the tabs,
// the configuration they share and the status line.
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { JxjyEventDetailMap } from '../events.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FocusLater } from '../shared/focus-later.js';
import { AccessLog } from './audit.access.js';
import { EventLog } from './audit.log.js';
import { auditMessages, type AuditKey } from './audit.messages.js';
import { Replays } from './audit.replay.js';
import { Seals } from './audit.seals.js';
import type { AuditContext, Msg } from './audit.shared.js';
import { StaffAccounts } from './audit.staff.js';
import styles from './audit.styles.js';
import { Verification } from './audit.verify.js';

export type AuditTab = 'log' | 'verify' | 'replay' | 'seals' | 'access' | 'staff';
const AUDITOR_TABS: readonly AuditTab[] = ['log', 'verify', 'replay', 'seals'];
const ADMIN_TABS: readonly AuditTab[] = [...AUDITOR_TABS, 'access', 'staff'];

/**
 * @summary 审计 — for auditors (and admin, who may read too): 事件日志, the whole log in global order, filtered by
 * stream, event type or actor, a page at a time (上一页 / 下一页), each event's hashes, data and metadata opened in place,
 * a stream opened with its chain's verdict (链完整, or 链已被篡改 at a revision); 完整性校验, every chain recomputed by
 * the server with a live progress bar, then the verdict and each problem by stream and revision; 数据重放, a read model
 * rebuilt as of a position or a moment (China time), followed until done, its rows, and 与当前数据对比 the rows that
 * differ from today's; 印章, the seals with 立即封存, the public key and the export for offline checking. With
 * `mode="admin"` also 访问记录 (every audited read: who, what, when) and 审计账号 (create an auditor; the one-time
 * password shown once). Tabs follow the WAI tabs pattern (arrow keys, Home, End). Without a token it asks for nothing
 * and shows that sign-in is needed.
 *
 * @event jxjy-audit-verified - `{valid, events, streams, problems, upTo}` when a verification finished.
 * @event jxjy-replay-finished - `{replayId, projection, position, status}` when a replay this element followed finished.
 * @event jxjy-log-sealed - `{sealId, position, count, created}` after 立即封存.
 * @event jxjy-staff-created - `{accountId, username, role}` after admin created a staff account (never the password).
 *
 * @csspart tabs - The tab list.
 * @csspart form - Each part's `<form>` (filters, replay, staff account).
 * @csspart field - Each labelled field.
 * @csspart error - A form's error summary.
 * @csspart submit - A form's submit button.
 * @csspart table - The events `<table>` (log and stream).
 * @csspart pager - The log's 上一页 / 下一页, and 加载更多 elsewhere.
 * @csspart chain - A stream's chain verdict.
 * @csspart verdict - The verification's result.
 * @csspart problems - Its problems `<table>`.
 * @csspart replay - A replay's report.
 * @csspart replay-rows - Its rows `<table>`.
 * @csspart differences - Its differences from today's data.
 * @csspart seals - The seals `<table>`.
 * @csspart access - The access log `<table>`.
 * @csspart created - The new staff account with its one-time password.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - The selected tab, buttons and progress bars (default #0958d9).
 * @cssproperty --jxjy-color-success - An intact chain, a passed check (default #2b7a0b).
 * @cssproperty --jxjy-color-danger - A broken chain, problems and errors (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyAudit extends JxjyElement<AuditKey> {
  static override styles = styles;

  protected override readonly messages = auditMessages;

  /** `auditor` (default) or `admin`, who also gets 访问记录 and 审计账号. */
  @property() mode: 'auditor' | 'admin' = 'auditor';
  /** The tab shown: log, verify, replay, seals (and for admin access, staff). */
  @property({ reflect: true }) tab: AuditTab = 'log';
  /** Events per page of the log (the server allows up to 500). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Milliseconds between two reads of a running replay. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1500;

  @state() private notice = '';
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  /** Who asked last: the server and the token. */
  #caller: string | undefined;

  /**
   * Whether there is a token to ask with (without one nothing is asked and the element says sign-in is needed), and
   * whether the caller changed: another server or token may not see what the last one saw, and a one-time password
   * is only for who asked. A new language (a new config value too) keeps what is on screen.
   */
  readonly #signedIn = new Task(this, {
    task: async () => {
      const token = await this.getToken();
      const caller = `${this.effectiveApiBase}\n${token ?? ''}`;
      if (this.#caller !== undefined && caller !== this.#caller) {
        for (const part of [this.#log, this.#verify, this.#replays, this.#seals, this.#access, this.#staff]) part.clear();
        this.notice = '';
      }
      this.#caller = caller;
      return Boolean(token);
    },
    args: () => this.connection,
  });

  readonly #context: AuditContext = {
    api: () => this.api,
    lang: () => this.effectiveLang,
    msg: this.#msg,
    connection: () => this.connection,
    emit: <K extends keyof JxjyEventDetailMap>(name: K, detail: JxjyEventDetailMap[K]) => void this.emit(name, detail),
    focus: (selector) => this.#focusLater.request(selector),
    notify: (text) => (this.notice = text),
  };

  readonly #log = new EventLog(this, {
    ...this.#context,
    pageSize: () => Math.min(500, Math.max(1, this.pageSize || 50)),
    replayAt: (position) => void this.#replayAt(position),
  });
  readonly #verify = new Verification(this, { ...this.#context, openStream: (id) => this.#openStream(id) });
  readonly #replays = new Replays(this, { ...this.#context, interval: () => this.pollInterval });
  readonly #seals = new Seals(this, this.#context);
  readonly #access = new AccessLog(this, this.#context);
  readonly #staff = new StaffAccounts(this, this.#context);

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#signedIn, ...this.#log.tasks, ...this.#seals.tasks, ...this.#access.tasks]);
  }

  get #tabs(): readonly AuditTab[] {
    return this.mode === 'admin' ? ADMIN_TABS : AUDITOR_TABS;
  }

  /** The tab asked for, or the log when this mode has no such tab. */
  get #tab(): AuditTab {
    return this.#tabs.includes(this.tab) ? this.tab : 'log';
  }

  protected override willUpdate(): void {
    // A part reads nothing until it is first shown.
    const current = this.#tab;
    if (current === 'log') this.#log.show();
    else if (current === 'seals') this.#seals.show();
    else if (current === 'access') this.#access.show();
  }

  async #select(tab: AuditTab, focus = false) {
    this.tab = tab;
    this.notice = '';
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  // The tab pattern's keys: arrows move (and select) along the list, Home and End jump to its ends.
  #onKeydown(event: KeyboardEvent) {
    const tabs = this.#tabs;
    const index = tabs.indexOf(this.#tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.#select(tabs[(next + tabs.length) % tabs.length]!, true);
  }

  #openStream(streamId: string) {
    this.tab = 'log';
    this.#log.openStream(streamId);
  }

  async #replayAt(position: string) {
    this.tab = 'replay';
    await this.updateComplete;
    await this.#replays.presetPosition(position);
  }

  #panel(tab: AuditTab) {
    switch (tab) {
      case 'log':
        return this.#log.render();
      case 'verify':
        return this.#verify.render();
      case 'replay':
        return this.#replays.render();
      case 'seals':
        return this.#seals.render();
      case 'access':
        return this.#access.render();
      case 'staff':
        return this.#staff.render();
      default: {
        const never: never = tab;
        return never;
      }
    }
  }

  protected override render() {
    if (this.#signedIn.value === false) return this.renderSignInNeeded();
    const current = this.#tab;
    return html`<p class="intro">${this.msg('intro')}</p>
      <p id="audit-status" class="notice" role="status">${this.notice}</p>
      <div role="tablist" part="tabs" aria-label=${this.msg('tabsLabel')} @keydown=${this.#onKeydown}>
        ${this.#tabs.map(
          (t) => html`<button
            type="button"
            role="tab"
            id="tab-${t}"
            data-tab=${t}
            aria-selected=${t === current ? 'true' : 'false'}
            aria-controls="audit-panel"
            tabindex=${t === current ? '0' : '-1'}
            @click=${() => void this.#select(t)}
          >
            ${this.msg(`tab.${t}`)}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="audit-panel" aria-labelledby="tab-${current}" tabindex="0" data-panel=${current}>
        ${this.#signedIn.value === undefined ? nothing : this.#panel(current)}
      </div>`;
  }
}
