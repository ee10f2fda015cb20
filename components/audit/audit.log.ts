// The 事件日志 part of <jxjy-audit>: GET /audit/events filtered by stream, type and actor, a page at a time in global
// order (nextCursor leads on; the pages' starts are kept for 上一页), an event's hashes, data and metadata opened in
// place, and a stream opened with its chain recomputed by the server (GET /audit/streams/{id}).
import { html, nothing } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { AuditEvent, AuditEventPage, AuditStream } from '../api/audit.types.js';
import { FormController } from '../shared/form-controller.js';
import { chainVerdict, eventTable, pager, type RowContext } from './audit.log.view.js';
import { loadError, loading, type AuditContext, type AuditHost } from './audit.shared.js';

const FIELDS = ['streamId', 'type', 'actorId'] as const;
type Field = (typeof FIELDS)[number];
type Filters = Readonly<Record<Field, string>>;
const NO_FILTERS: Filters = { streamId: '', type: '', actorId: '' };
/** What the server takes for `type`: names of letters, several separated by commas. */
const TYPES = /^[A-Za-z]+(,[A-Za-z]+)*$/;

export interface LogOptions extends AuditContext {
  pageSize(): number;
  /** 按此位置重放: the replay part, with this position filled in. */
  replayAt(position: string): void;
}

export class EventLog {
  readonly #host: AuditHost;
  readonly #c: LogOptions;
  /** Shown at least once: only then is the log read. */
  #wanted = false;
  #filters: Filters = NO_FILTERS;
  /** Where the page shown starts (a position; '' = the log's start), and where the pages before it started. */
  #after = '';
  #previous: string[] = [];
  #expanded = new Set<string>();
  #page: AuditEventPage | undefined;
  #streamId: string | undefined;
  #stream: AuditStream | undefined;
  #reload = 0;

  readonly #pageTask: Task<readonly unknown[], AuditEventPage>;
  readonly #streamTask: Task<readonly unknown[], AuditStream>;
  readonly #form: FormController<Field>;

  constructor(host: AuditHost, c: LogOptions) {
    this.#host = host;
    this.#c = c;
    this.#pageTask = new Task(host, {
      task: (_args, { signal }) => {
        if (!this.#wanted) return initialState;
        const q = new URLSearchParams({ limit: String(c.pageSize()) });
        if (this.#after) q.set('after', this.#after);
        for (const field of FIELDS) if (this.#filters[field]) q.set(field, this.#filters[field]);
        return c.api().get<AuditEventPage>(`/api/v1/audit/events?${q}`, { signal });
      },
      args: () => [...c.connection(), this.#wanted, this.#filters, this.#after, c.pageSize(), this.#reload],
      onComplete: (page) => (this.#page = page),
    });
    this.#streamTask = new Task(host, {
      task: (_args, { signal }) => {
        const streamId = this.#streamId;
        return streamId ? c.api().get<AuditStream>(`/api/v1/audit/streams/${encodeURIComponent(streamId)}`, { signal }) : initialState;
      },
      args: () => [...c.connection(), this.#streamId, this.#reload],
      onComplete: (stream) => (this.#stream = stream),
    });
    this.#form = new FormController<Field>(host, c.lang, {
      fields: FIELDS,
      optional: FIELDS,
      label: (field) => c.msg(`log.${field}`),
      check: (v) => ({ type: v.type && !TYPES.test(v.type.replace(/\s+/g, '')) ? c.msg('log.typeInvalid') : undefined }),
      send: async (v) => {
        this.#apply({ ...v, type: v.type.replace(/\s+/g, '') });
        await host.updateComplete;
        await this.#pageTask.taskComplete.catch(() => undefined); // a failure shows where the table would be
      },
    });
  }

  get tasks() {
    return [this.#pageTask, this.#streamTask];
  }

  /** The part is on screen: read the log from now on. */
  show(): void {
    this.#wanted = true;
  }

  /** Another caller or server: nothing the last one read may stay. */
  clear(): void {
    this.#page = undefined;
    this.#stream = undefined;
    this.#expanded = new Set();
  }

  openStream(streamId: string): void {
    if (this.#streamId !== streamId) this.#stream = undefined;
    this.#streamId = streamId;
    this.#c.focus('#stream-title');
    this.#host.requestUpdate();
  }

  #closeStream(): void {
    const id = this.#streamId;
    this.#streamId = undefined;
    this.#c.focus(id ? `button[data-stream="${CSS.escape(id)}"]` : '#streamId');
    this.#host.requestUpdate();
  }

  #apply(filters: Filters): void {
    this.#filters = filters;
    this.#after = '';
    this.#previous = [];
    this.#expanded = new Set();
    this.#host.requestUpdate();
  }

  async #clearFilters(form: HTMLFormElement | null): Promise<void> {
    this.#apply(NO_FILTERS);
    this.#form.reset();
    await this.#host.updateComplete;
    form?.reset();
  }

  #go(after: string, previous: string[]): void {
    this.#after = after;
    this.#previous = previous;
    this.#expanded = new Set();
    this.#host.requestUpdate();
  }

  #retry(): void {
    this.#reload++;
    this.#host.requestUpdate();
  }

  #toggle(event: AuditEvent): void {
    const expanded = new Set(this.#expanded);
    if (!expanded.delete(event.eventId)) expanded.add(event.eventId);
    this.#expanded = expanded;
    this.#host.requestUpdate();
  }

  #rowContext(): RowContext {
    return {
      lang: this.#c.lang(),
      msg: this.#c.msg,
      expanded: this.#expanded,
      toggle: (e) => this.#toggle(e),
      openStream: (id) => this.openStream(id),
      replayAt: (position) => this.#c.replayAt(position),
    };
  }

  #filtersForm() {
    const { msg } = this.#c;
    const form = this.#form;
    const f = this.#filters;
    return html`<section class="filters" aria-labelledby="filters-title">
      <h3 id="filters-title">${msg('log.filtersTitle')}</h3>
      ${form.render(html`<div class="filter-row">
          ${form.input('streamId', { maxlength: 200, autocomplete: 'off', hint: msg('log.streamIdHint'), value: f.streamId })}
          ${form.input('type', { maxlength: 500, autocomplete: 'off', hint: msg('log.typeHint'), value: f.type })}
          ${form.input('actorId', { maxlength: 200, autocomplete: 'off', hint: msg('log.actorIdHint'), value: f.actorId })}
        </div>
        <div class="form-actions">
          ${form.submitButton(msg('log.apply'), msg('log.applying'))}
          <button type="button" data-action="clear-filters" @click=${(e: Event) => void this.#clearFilters((e.currentTarget as HTMLElement).closest('form'))}>
            ${msg('log.clear')}
          </button>
        </div>`)}
    </section>`;
  }

  #logTable() {
    const { msg } = this.#c;
    const task = this.#pageTask;
    const page = this.#page;
    if (!page) return task.status === TaskStatus.ERROR ? loadError(msg, task.error, () => this.#retry()) : loading(msg);
    const number = this.#previous.length + 1;
    const busy = task.status === TaskStatus.PENDING;
    return html`${task.status === TaskStatus.ERROR ? loadError(msg, task.error, () => this.#retry()) : nothing}
      <div aria-busy=${busy ? 'true' : 'false'}>
        ${page.items.length
          ? eventTable(this.#rowContext(), page.items, msg('log.caption', { page: number, count: page.items.length }))
          : html`<p class="empty">${msg('log.empty')}</p>`}
      </div>
      ${pager({
        msg,
        page: number,
        hasPrevious: this.#previous.length > 0,
        hasNext: !!page.nextCursor,
        busy,
        previous: () => this.#go(this.#previous.at(-1) ?? '', this.#previous.slice(0, -1)),
        next: () => page.nextCursor && this.#go(page.nextCursor, [...this.#previous, this.#after]),
      })}`;
  }

  #streamView(streamId: string) {
    const { msg } = this.#c;
    const task = this.#streamTask;
    const stream = this.#stream?.streamId === streamId ? this.#stream : undefined;
    let body;
    if (stream) {
      body = html`${chainVerdict({ lang: this.#c.lang(), msg }, stream)}
      ${eventTable(this.#rowContext(), stream.events, msg('stream.caption', { stream: streamId, count: stream.events.length }), { showStream: false })}`;
    } else body = task.status === TaskStatus.ERROR ? loadError(msg, task.error, () => this.#retry()) : loading(msg);
    return html`<section class="stream" aria-labelledby="stream-title" data-stream-id=${streamId}>
      <button type="button" class="link back" data-action="close-stream" @click=${() => this.#closeStream()}>
        <span aria-hidden="true">←</span> ${msg('stream.back')}
      </button>
      <h3 id="stream-title" tabindex="-1">${msg('stream.title', { stream: streamId })}</h3>
      ${body}
    </section>`;
  }

  render() {
    if (this.#streamId) return this.#streamView(this.#streamId);
    return html`${this.#filtersForm()} ${this.#logTable()}`;
  }
}
