// The 访问记录 part of <jxjy-audit> (admin): GET /audit/access-log — who read what through the audit routes, newest
// first, 加载更多 with its cursor — optionally for one account.
import { html, nothing } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { AccessLogEntry, AccessLogPage } from '../api/audit.types.js';
import { chinaMoment } from '../shared/china-time.js';
import { FormController } from '../shared/form-controller.js';
import { errorText, loadError, loading, roleText, type AuditContext, type AuditHost } from './audit.shared.js';

const PAGE = 50;

export class AccessLog {
  readonly #host: AuditHost;
  readonly #c: AuditContext;
  readonly #form: FormController<'accountId'>;
  #wanted = false;
  #accountId = '';
  #items: AccessLogEntry[] | undefined;
  #next: string | undefined;
  #reload = 0;
  readonly #list: Task<readonly unknown[], AccessLogPage>;
  readonly #more: Task<readonly [string], AccessLogPage>;

  constructor(host: AuditHost, c: AuditContext) {
    this.#host = host;
    this.#c = c;
    this.#list = new Task(host, {
      task: (_args, { signal }) => (this.#wanted ? c.api().get<AccessLogPage>(this.#url(), { signal }) : initialState),
      args: () => [...c.connection(), this.#wanted, this.#accountId, this.#reload],
      onComplete: (page) => {
        this.#items = page.items;
        this.#next = page.nextCursor ?? undefined;
      },
    });
    this.#more = new Task(host, {
      task: ([cursor], { signal }) => c.api().get<AccessLogPage>(this.#url(cursor), { signal }),
      autoRun: false,
      onComplete: (page) => {
        this.#items = [...(this.#items ?? []), ...page.items];
        this.#next = page.nextCursor ?? undefined;
      },
    });
    host.addController({ hostDisconnected: () => this.#more.abort() });
    this.#form = new FormController<'accountId'>(host, c.lang, {
      fields: ['accountId'],
      optional: ['accountId'],
      label: () => c.msg('access.accountId'),
      send: async (v) => {
        this.#filter(v.accountId);
        await host.updateComplete;
        await this.#list.taskComplete.catch(() => undefined);
      },
    });
  }

  /** The auto-running read (a "load more" has no args to run again with: it is aborted on leaving, see below). */
  get tasks() {
    return [this.#list];
  }

  show(): void {
    this.#wanted = true;
  }

  clear(): void {
    this.#more.abort();
    this.#items = undefined;
    this.#next = undefined;
  }

  #url(cursor?: string): string {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (this.#accountId) q.set('accountId', this.#accountId);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/audit/access-log?${q}`;
  }

  #filter(accountId: string): void {
    this.#more.abort();
    this.#accountId = accountId;
    this.#items = undefined;
    this.#next = undefined;
    this.#host.requestUpdate();
  }

  async #clearFilter(form: HTMLFormElement | null): Promise<void> {
    this.#filter('');
    this.#form.reset();
    await this.#host.updateComplete;
    form?.reset();
  }

  #retry(): void {
    this.#reload++;
    this.#host.requestUpdate();
  }

  #table(items: AccessLogEntry[]) {
    const { msg } = this.#c;
    if (!items.length) return html`<p class="empty">${msg('access.empty')}</p>`;
    return html`<div class="table-wrap">
      <table class="access" part="access">
        <caption>
          ${msg('access.caption', { count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('chinaTimeCol')}</th>
            <th scope="col">${msg('access.account')}</th>
            <th scope="col">${msg('access.role')}</th>
            <th scope="col">${msg('access.request')}</th>
            <th scope="col">${msg('access.query')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (e) => html`<tr data-account-id=${e.accountId} data-route=${e.route}>
              <th scope="row" class="nowrap">${chinaMoment(e.at)}</th>
              <td><code class="id">${e.accountId}</code></td>
              <td class="nowrap">${roleText(msg, e.role)}</td>
              <td><code>${e.method} ${e.path}</code></td>
              <td>${e.query ? html`<code>${decodeQuery(e.query)}</code>` : '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  render() {
    const { msg } = this.#c;
    const form = this.#form;
    const list = this.#list;
    const more = this.#more;
    const items = this.#items;
    let body;
    if (items) body = this.#table(items);
    else body = list.status === TaskStatus.ERROR ? loadError(msg, list.error, () => this.#retry()) : loading(msg);
    return html`<p class="intro">${msg('access.intro')}</p>
      ${form.render(html`<div class="filter-row">
          ${form.input('accountId', { maxlength: 100, autocomplete: 'off', hint: msg('access.accountIdHint'), value: this.#accountId })}
        </div>
        <div class="form-actions">
          ${form.submitButton(msg('access.apply'), msg('access.applying'))}
          <button type="button" data-action="clear-filter" @click=${(e: Event) => void this.#clearFilter((e.currentTarget as HTMLElement).closest('form'))}>
            ${msg('access.clear')}
          </button>
        </div>`)}
      ${body}
      ${this.#next
        ? html`<div class="pager" part="pager">
            <button type="button" data-action="more" aria-busy=${more.status === TaskStatus.PENDING ? 'true' : 'false'}
              @click=${() => this.#next && more.status !== TaskStatus.PENDING && void more.run([this.#next])}>${msg('loadMore')}</button>
            ${more.status === TaskStatus.ERROR ? html`<p class="error-text" role="alert">${errorText(more.error, msg('error'))}</p>` : nothing}
          </div>`
        : nothing}`;
  }
}

/** The query as it was typed, not percent-encoded (a stream id with a colon, a type list with commas). */
function decodeQuery(query: string): string {
  try {
    return decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return query; // not valid percent-encoding: shown as recorded
  }
}
