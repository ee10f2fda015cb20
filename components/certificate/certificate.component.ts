// <jxjy-certificate>: a person's continuing-education certificates (继续教育证书打印, manual 3.3.4): GET /me/certificates
// for every declarable year (hours against the requirement, whether a dishonesty record blocks, the certificate if
// issued); POST /me/certificates/{year} to issue one; GET /certificates/{id}/pdf with the token to save the PDF under
// the name the server gives it.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { Certificate, CertificateYear, MyCertificates } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { mergeCatalogs } from '../i18n/messages.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { creditLabel, creditMessages, formatHours, type CreditKey } from '../shared/credit.messages.js';
import { FocusLater } from '../shared/focus-later.js';
import { saveBlob } from '../shared/save-blob.js';
import { certificateMessages, type CertificateKey } from './certificate.messages.js';
import { applyRefusal, refusalOf, shortCategories } from './certificate.refusal.js';
import styles from './certificate.styles.js';
import { blockedNotice, overview, yearDetail, type Msg, type ViewContext } from './certificate.view.js';

/** Why the last command failed: the server's message, and what it named (each category's missing hours). */
interface Failure {
  message: string;
  items: string[];
}

/**
 * @summary 继续教育证书打印 — the signed-in professional's certificates: every year from the first declarable one to
 * this one with completed against required hours per category (公需科目, 专业科目, 选修科目) and the certificate's state;
 * for the chosen year, a verdict naming each shortfall, the hours table, a notice when an active dishonesty record
 * blocks certificates, 打印证书 when every category is met (the certificate is issued and its PDF saved), and for an
 * issued certificate its number, issue date, status (valid, or revoked with the date and reason), the verification
 * code in groups of four, the link to its public verification page, 下载证书 (the PDF fetched with the token) and,
 * under 查看记录, its tamper-evident timeline (an embedded <jxjy-timeline>, read when opened).
 * A refusal (409: hours missing, or a dishonesty record) shows the server's message and what it named, as an alert
 * that takes focus, and at once the year's hours as the server counted them or the blocking records (from the error's
 * facts), before the years are read again. Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-certificate-issued - `{certificateId, year, verificationCode}` after the server issued (or handed back) a year's certificate.
 *
 * @csspart blocked - The notice naming the dishonesty records that block certificates.
 * @csspart table - The overview `<table>` of every year.
 * @csspart verdict - The chosen year's complete / still-missing panel.
 * @csspart certificate - The issued certificate's facts.
 * @csspart actions - The 打印证书 / 下载证书 buttons.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Buttons and links (default #0958d9).
 * @cssproperty --jxjy-color-success - The complete panel and valid tags (default #2b7a0b).
 * @cssproperty --jxjy-color-danger - Missing hours, the blocked notice and errors (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyCertificate extends JxjyElement<CertificateKey | CreditKey> {
  static override styles = styles;

  protected override readonly messages = mergeCatalogs(certificateMessages, creditMessages);

  /**
   * The year shown in detail. Unset: the newest year that has a certificate or may have one, else the newest year.
   * Choosing another year in the overview sets it.
   */
  @property({ type: Number }) year: number | undefined;

  @state() private data: MyCertificates | undefined;
  @state() private busy: 'issue' | 'download' | undefined;
  @state() private failure: Failure | undefined;
  @state() private notice = '';
  @state() private reload = 0;
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #years = new Task(this, {
    task: (_args, { signal }) => this.api.get<MyCertificates>('/api/v1/me/certificates', { signal }),
    args: () => [...this.connection, this.reload],
    onComplete: (data) => (this.data = data),
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#years]);
  }

  // Another caller or server is another person: nothing of the previous one's certificates may stay on screen.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyCertificate))) {
      Object.assign(this, { data: undefined, failure: undefined, notice: '' });
    }
  }

  get #selected(): CertificateYear | undefined {
    const items = this.data?.items ?? [];
    if (this.year !== undefined) return items.find((y) => y.year === this.year);
    return items.find((y) => y.certificate || y.eligible) ?? items[0];
  }

  #select(year: number) {
    this.year = year;
    this.failure = undefined;
    this.notice = '';
    this.#focusLater.request('#year-title');
  }

  /** Shows a certificate the server answered in its year at once; the list is read again behind it. */
  #merge(certificate: Certificate) {
    const data = this.data;
    if (!data) return;
    this.data = { ...data, items: data.items.map((y) => (y.year === certificate.year ? { ...y, certificate } : y)) };
  }

  async #run(busy: 'issue' | 'download', work: () => Promise<void>) {
    if (this.busy) return;
    this.busy = busy;
    this.failure = undefined;
    this.notice = '';
    try {
      await work();
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = this.#failure(err);
      this.#focusLater.request('.failure');
    } finally {
      this.busy = undefined;
    }
  }

  #failure(err: unknown): Failure {
    if (!(err instanceof ApiError)) return { message: this.msg('error'), items: [] };
    const lang = this.effectiveLang;
    const { missing } = refusalOf(err);
    if (missing) {
      const items = shortCategories(missing).map((k) => this.msg('missingItem', { category: creditLabel(lang, 'category', k), hours: formatHours(lang, missing[k]) }));
      return { message: err.message, items };
    }
    const items = (err.details ?? []).map((d) =>
      this.msg('detailItem', { label: d.field === 'year' ? this.msg('field.year') : creditLabel(lang, 'category', d.field), message: d.message }),
    );
    return { message: err.message, items };
  }

  /** 打印证书: issue the year's certificate, show it, then save its PDF as the button promised. */
  #issue(y: CertificateYear) {
    return this.#run('issue', async () => {
      // Keep this year in view: refused, it is no longer the default one (the newest that may have a certificate).
      this.year = y.year;
      try {
        const certificate = await this.api.post<Certificate>(`/api/v1/me/certificates/${y.year}`);
        this.#merge(certificate);
        this.emit('jxjy-certificate-issued', { certificateId: certificate.certificateId, year: certificate.year, verificationCode: certificate.verificationCode });
        this.notice = this.msg('issued', { year: certificate.year });
        await this.#save(certificate);
        this.#focusLater.request('#certificate-title');
      } catch (err) {
        // The refusal says how the year stands now: show that while the years are read again.
        if (this.data) this.data = applyRefusal(this.data, y.year, refusalOf(err));
        throw err;
      } finally {
        // Refused (409: the hours or a dishonesty record changed meanwhile) or issued: the numbers are read again.
        this.reload++;
      }
    });
  }

  #download(certificate: Certificate) {
    return this.#run('download', () => this.#save(certificate));
  }

  /**
   * A plain link cannot send the bearer token, so the PDF is fetched and saved from a temporary object URL, under the
   * server's name for it; only if something between hid that name, under the certificate number.
   */
  async #save(certificate: Certificate) {
    const { blob, filename } = await this.api.download(`/api/v1/certificates/${encodeURIComponent(certificate.certificateId)}/pdf`, {
      fallbackFilename: `${certificate.certificateNo}.pdf`,
    });
    saveBlob(blob, filename, this.renderRoot);
    this.notice = [this.notice, this.msg('downloaded', { filename })].filter(Boolean).join(' ');
  }

  #failureBox() {
    const f = this.failure;
    return html`<div class="failure" role="alert" tabindex="-1" ?hidden=${!f}>
      ${f
        ? html`<p class="failure-title">${f.message}</p>
            ${f.items.length ? html`<ul>${f.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}`
        : nothing}
    </div>`;
  }

  #body() {
    const task = this.#years;
    const data = this.data;
    if (!data) {
      if (task.status !== TaskStatus.ERROR) return html`<p class="status" role="status">${this.msg('loading')}</p>`;
      return html`<div class="load-error" role="alert">
        <p>${task.error instanceof ApiError ? task.error.message : this.msg('error')}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    const context: ViewContext = {
      lang: this.effectiveLang,
      msg: this.#msg,
      data,
      selected: this.#selected,
      busy: this.busy,
      embedding: this.embedding,
      select: (year) => this.#select(year),
      issue: (y) => void this.#issue(y),
      download: (c) => void this.#download(c),
    };
    const selected = context.selected;
    return html`${blockedNotice(context)} ${overview(context)} ${selected ? yearDetail(context, selected) : nothing}`;
  }

  protected override render() {
    const task = this.#years;
    if (task.status === TaskStatus.ERROR && isSignInRequired(task.error)) return this.renderSignInNeeded();
    return html`<p class="intro">${this.msg('intro')}</p>
      <p id="certificate-status" class="notice" role="status">${this.notice}</p>
      ${this.#failureBox()} ${this.#body()}`;
  }
}
