// <jxjy-history>: a person's data in the old provincial system (历史数据, manual 1.5): GET /me/history/records for the
// 2018 tab and the 2017-and-before tab (totals per year and category, and the records), GET /me/history/certificates
// for the certificates it issued, each printed through GET /me/history/certificates/{no}/pdf with the token and
// verified on the public /verify/{code} page. Everything is matched by the person's ID number on the server.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { HistoryCertificate, HistoryCertificates, HistoryPeriod, HistoryRecords } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { mergeCatalogs } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { creditMessages, type CreditKey } from '../shared/credit.messages.js';
import { FocusLater } from '../shared/focus-later.js';
import { saveBlob } from '../shared/save-blob.js';
import { historyMessages, type HistoryKey } from './history.messages.js';
import styles from './history.styles.js';
import { certificatesView, periodView, printFilename, type Msg, type ViewContext } from './history.view.js';

const PERIODS: readonly HistoryPeriod[] = ['2018', 'before-2018'];
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 历史数据 — the signed-in professional's data from the old Guangdong system, found by their ID number: two
 * tabs, 2018年 and 2017年及以前 (arrow keys, Home and End move between them), each with its hours per year and category
 * (公需科目, 专业科目, 选修科目, 合计) and the approved records (title, category, hours, organizer, reviewer, review date);
 * below them the old certificates (number, year, hours, issue date, issuer) with 打印 (the PDF marked 旧系统证书,
 * fetched with the token) and a link to each one's public verification page. Empty states say that the old system
 * holds nothing for the person's ID number and whom to ask. Read only. Without a token it asks for nothing and shows
 * that sign-in is needed.
 *
 * @csspart tabs - The 2018年 / 2017年及以前 tab list.
 * @csspart totals - A period's hours per year and category.
 * @csspart table - A period's records `<table>`.
 * @csspart certificates - The old certificates `<table>`.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - The selected tab, buttons and links (default #0958d9).
 * @cssproperty --jxjy-color-danger - Errors (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyHistory extends JxjyElement<HistoryKey | CreditKey> {
  static override styles = styles;

  protected override readonly messages = mergeCatalogs(historyMessages, creditMessages);

  /** The tab shown: `2018` (default) or `before-2018` (2017 and earlier). */
  @property() period: HistoryPeriod = '2018';

  /** Each period as last read: switching back shows it at once while it is read again. */
  @state() private records: Partial<Record<HistoryPeriod, HistoryRecords>> = {};
  @state() private certificates: HistoryCertificate[] | undefined;
  @state() private printing: string | undefined;
  @state() private failure: string | undefined;
  @state() private notice = '';
  @state() private reloadRecords = 0;
  @state() private reloadCertificates = 0;
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #records = new Task(this, {
    task: async (_args, { signal }) => {
      const period = this.#period;
      const data = await this.api.get<HistoryRecords>(`/api/v1/me/history/records?${new URLSearchParams({ period })}`, { signal });
      return { period, data };
    },
    args: () => [...this.connection, this.#period, this.reloadRecords],
    onComplete: ({ period, data }) => (this.records = { ...this.records, [period]: data }),
  });

  readonly #certificates = new Task(this, {
    task: (_args, { signal }) => this.api.get<HistoryCertificates>('/api/v1/me/history/certificates', { signal }),
    args: () => [...this.connection, this.reloadCertificates],
    onComplete: (data) => (this.certificates = data.items),
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#records, this.#certificates]);
  }

  // Another caller or server is another person: nothing of the previous one's history may stay on screen.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyHistory))) {
      Object.assign(this, { records: {}, certificates: undefined, failure: undefined, notice: '' });
    }
  }

  /** The period asked for, or 2018 when the attribute says something else. */
  get #period(): HistoryPeriod {
    return PERIODS.includes(this.period) ? this.period : '2018';
  }

  async #select(period: HistoryPeriod, focus = false) {
    this.period = period;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${period}`)?.focus();
  }

  // The tab pattern's keys: arrows move (and select) along the list, Home and End jump to its ends.
  #onKeydown(event: KeyboardEvent) {
    const index = PERIODS.indexOf(this.#period);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: PERIODS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.#select(PERIODS[(next + PERIODS.length) % PERIODS.length]!, true);
  }

  /** 打印: a plain link cannot send the bearer token, so the PDF is fetched and saved (under the server's name) from an object URL. */
  async #print(cert: HistoryCertificate) {
    if (this.printing) return;
    this.printing = cert.certificateNo;
    this.failure = undefined;
    this.notice = '';
    try {
      const url = `/api/v1/me/history/certificates/${encodeURIComponent(cert.certificateNo)}/pdf`;
      const { blob, filename } = await this.api.download(url, { fallbackFilename: printFilename(cert) });
      saveBlob(blob, filename, this.renderRoot);
      this.notice = this.msg('downloaded', { filename });
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = errorText(err, this.msg('error'));
      this.#focusLater.request('.failure');
    } finally {
      this.printing = undefined;
    }
  }

  /** Where the server verifies a code: beside its API, under the same origin and gateway prefix as `api-base`. */
  #verifyUrl(code: string): string {
    return new URL(`${this.effectiveApiBase}/verify/${encodeURIComponent(code)}`, location.href).href;
  }

  #tabs() {
    const current = this.#period;
    return html`<div role="tablist" part="tabs" aria-label=${this.msg('tabsLabel')} @keydown=${this.#onKeydown}>
      ${PERIODS.map(
        (p) => html`<button
          type="button"
          role="tab"
          id="tab-${p}"
          aria-selected=${p === current ? 'true' : 'false'}
          aria-controls="records-panel"
          tabindex=${p === current ? '0' : '-1'}
          @click=${() => void this.#select(p)}
        >
          ${this.msg(`tab.${p}`)}
        </button>`,
      )}
    </div>`;
  }

  #loadState(task: Task<readonly unknown[], unknown>, retry: () => void) {
    if (task.status !== TaskStatus.ERROR) return html`<p class="status" role="status">${this.msg('loading')}</p>`;
    return html`<div class="load-error" role="alert">
      <p>${errorText(task.error, this.msg('error'))}</p>
      <button type="button" @click=${retry}>${this.msg('retry')}</button>
    </div>`;
  }

  #context(): ViewContext {
    return {
      lang: this.effectiveLang,
      msg: this.#msg,
      printing: this.printing,
      print: (cert) => void this.#print(cert),
      verifyUrl: (code) => this.#verifyUrl(code),
    };
  }

  protected override render() {
    const tasks = [this.#records, this.#certificates];
    if (tasks.some((t) => t.status === TaskStatus.ERROR && isSignInRequired(t.error))) return this.renderSignInNeeded();
    const context = this.#context();
    const period = this.#period;
    const records = this.records[period];
    const certificates = this.certificates;
    return html`<p class="intro">${this.msg('intro')}</p>
      <p id="history-status" class="notice" role="status">${this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!this.failure}>${this.failure ?? nothing}</div>
      <section class="records" aria-labelledby="records-title">
        <h3 id="records-title">${this.msg('recordsTitle')}</h3>
        ${this.#tabs()}
        <div role="tabpanel" id="records-panel" aria-labelledby="tab-${period}" tabindex="0" aria-busy=${this.#records.status === TaskStatus.PENDING ? 'true' : 'false'}>
          ${records ? periodView(context, period, records) : this.#loadState(this.#records, () => this.reloadRecords++)}
        </div>
      </section>
      <section class="certificates" aria-labelledby="certificates-title">
        <h3 id="certificates-title">${this.msg('certificatesTitle')}</h3>
        ${certificates ? certificatesView(context, certificates) : this.#loadState(this.#certificates, () => this.reloadCertificates++)}
      </section>`;
  }
}
