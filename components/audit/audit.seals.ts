// The 印章 part of <jxjy-audit>: the seals over the log (GET /audit/seals, newest first, 加载更多), 立即封存
// (POST /audit/seals: 201 a new seal, 200 the latest when nothing was written since), the public key that verifies
// them (GET /audit/public-key, copyable), and the export (GET /audit/export, NDJSON, fetched with the token and saved
// under the server's name) that `npm run verify-export` checks offline.
import { html, nothing } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiError } from '../api/api-client.js';
import type { Seal, SealPage, SealPublicKey } from '../api/audit.types.js';
import { chinaMoment } from '../shared/china-time.js';
import { saveBlob } from '../shared/save-blob.js';
import { copyText, count, errorText, loadError, loading, type AuditContext, type AuditHost } from './audit.shared.js';

const PAGE = 20;

export class Seals {
  readonly #host: AuditHost;
  readonly #c: AuditContext;
  #wanted = false;
  #items: Seal[] | undefined;
  #next: string | undefined;
  #busy: 'seal' | 'export' | 'more' | undefined;
  #failure: string | undefined;
  #reload = 0;
  readonly #list: Task<readonly unknown[], SealPage>;
  readonly #key: Task<readonly unknown[], SealPublicKey>;

  constructor(host: AuditHost, c: AuditContext) {
    this.#host = host;
    this.#c = c;
    this.#list = new Task(host, {
      task: (_args, { signal }) => (this.#wanted ? c.api().get<SealPage>(`/api/v1/audit/seals?limit=${PAGE}`, { signal }) : initialState),
      args: () => [...c.connection(), this.#wanted, this.#reload],
      onComplete: (page) => {
        this.#items = page.items;
        this.#next = page.nextCursor ?? undefined;
      },
    });
    // Public: anyone may fetch the key that verifies the seals.
    this.#key = new Task(host, {
      task: (_args, { signal }) => (this.#wanted ? c.api().get<SealPublicKey>('/api/v1/audit/public-key', { signal, auth: false }) : initialState),
      args: () => [c.connection()[0], this.#wanted],
    });
  }

  get tasks() {
    return [this.#list, this.#key];
  }

  show(): void {
    this.#wanted = true;
  }

  clear(): void {
    this.#items = undefined;
    this.#next = undefined;
    this.#failure = undefined;
  }

  async #run(busy: 'seal' | 'export' | 'more', work: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = busy;
    this.#failure = undefined;
    this.#host.requestUpdate();
    try {
      await work();
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.#failure = errorText(err, this.#c.msg('error'));
      this.#c.focus('#seals-failure');
    } finally {
      this.#busy = undefined;
      this.#host.requestUpdate();
    }
  }

  #sealNow() {
    return this.#run('seal', async () => {
      const res = await this.#c.api().open('POST', '/api/v1/audit/seals');
      const seal = (await res.json()) as Seal;
      const created = res.status === 201;
      this.#c.emit('jxjy-log-sealed', { sealId: seal.sealId, position: seal.position, count: seal.count, created });
      const n = count(this.#c.lang(), seal.count);
      this.#c.notify(created ? this.#c.msg('seals.sealed', { position: seal.position, count: n }) : this.#c.msg('seals.unchanged', { count: n }));
      this.#items = [seal, ...(this.#items ?? []).filter((s) => s.sealId !== seal.sealId)];
    });
  }

  #export() {
    return this.#run('export', async () => {
      const { blob, filename } = await this.#c.api().download('/api/v1/audit/export', { fallbackFilename: 'jxjy-audit.ndjson' });
      saveBlob(blob, filename, this.#host.renderRoot);
      this.#c.notify(this.#c.msg('seals.exported', { filename }));
    });
  }

  #more() {
    const cursor = this.#next;
    if (!cursor) return;
    return this.#run('more', async () => {
      const page = await this.#c.api().get<SealPage>(`/api/v1/audit/seals?${new URLSearchParams({ limit: String(PAGE), cursor })}`);
      const seen = new Set((this.#items ?? []).map((s) => s.sealId));
      this.#items = [...(this.#items ?? []), ...page.items.filter((s) => !seen.has(s.sealId))];
      this.#next = page.nextCursor ?? undefined;
    });
  }

  #retry(): void {
    this.#reload++;
    this.#host.requestUpdate();
  }

  async #copyKey(pem: string) {
    this.#c.notify(this.#c.msg((await copyText(pem)) ? 'copied' : 'copyFailed'));
  }

  #table(items: Seal[]) {
    const { msg, lang } = this.#c;
    if (!items.length) return html`<p class="empty">${msg('seals.empty')}</p>`;
    return html`<div class="table-wrap">
      <table class="seals" part="seals">
        <caption>
          ${msg('seals.caption', { count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('seals.sealedAt')}</th>
            <th scope="col">${msg('seals.position')}</th>
            <th scope="col" class="num">${msg('seals.count')}</th>
            <th scope="col">${msg('seals.root')}</th>
            <th scope="col">${msg('seals.keyId')}</th>
            <th scope="col">${msg('seals.signature')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (s) => html`<tr data-seal-id=${s.sealId}>
              <th scope="row" class="nowrap">${chinaMoment(s.sealedAt)}</th>
              <td><code class="position">${s.position}</code></td>
              <td class="num">${count(lang(), s.count)}</td>
              <td><code class="hash" data-field="root">${s.root}</code></td>
              <td>${s.keyId ? html`<code class="hash">${s.keyId}</code>` : '—'}</td>
              <td>
                <details>
                  <summary>${msg('seals.showSignature')}</summary>
                  <code class="hash">${s.signature}</code>
                </details>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #keyView() {
    const { msg } = this.#c;
    const key = this.#key;
    let body;
    if (key.status === TaskStatus.COMPLETE && key.value) {
      const pem = key.value.publicKeyPem;
      body = html`${key.value.keyId ? html`<p>${msg('seals.keyId')}：<code class="hash" data-testid="key-id">${key.value.keyId}</code></p>` : nothing}
        <pre class="pem" data-testid="public-key">${pem}</pre>
        <button type="button" data-action="copy-key" @click=${() => void this.#copyKey(pem)}>${msg('seals.copyKey')}</button>`;
    } else body = key.status === TaskStatus.ERROR ? loadError(msg, key.error, () => void key.run()) : loading(msg);
    return html`<section class="public-key" aria-labelledby="key-title">
      <h3 id="key-title">${msg('seals.keyTitle')}</h3>
      <p class="hint">${msg('seals.keyIntro')}</p>
      ${body}
    </section>`;
  }

  render() {
    const { msg } = this.#c;
    const list = this.#list;
    const items = this.#items;
    let body;
    if (items) body = this.#table(items);
    else body = list.status === TaskStatus.ERROR ? loadError(msg, list.error, () => this.#retry()) : loading(msg);
    const busy = (what: string) => (this.#busy === what ? 'true' : 'false');
    return html`<section class="seals-section" aria-labelledby="seals-title">
        <h3 id="seals-title">${msg('seals.title')}</h3>
        <p class="intro">${msg('seals.intro')}</p>
        <div class="report-actions">
          <button type="button" class="primary" data-action="seal" aria-busy=${busy('seal')} @click=${() => void this.#sealNow()}>
            ${this.#busy === 'seal' ? msg('seals.sealing') : msg('seals.sealNow')}
          </button>
          <button type="button" data-action="export" aria-busy=${busy('export')} @click=${() => void this.#export()}>
            ${this.#busy === 'export' ? msg('seals.exporting') : msg('seals.export')}
          </button>
        </div>
        <p class="hint">${msg('seals.exportHint')}</p>
        <div id="seals-failure" class="load-error" role="alert" tabindex="-1" ?hidden=${!this.#failure}>${this.#failure ? html`<p>${this.#failure}</p>` : nothing}</div>
        ${body}
        ${this.#next
          ? html`<div class="pager" part="pager">
              <button type="button" data-action="more" aria-busy=${busy('more')} @click=${() => void this.#more()}>
                ${this.#busy === 'more' ? msg('loading') : msg('loadMore')}
              </button>
            </div>`
          : nothing}
      </section>
      ${this.#keyView()}`;
  }
}
