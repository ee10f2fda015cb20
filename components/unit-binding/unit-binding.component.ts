// <jxjy-unit-binding>: a professional binds to their employer unit (与法人单位绑定关系, manual 1.1): GET /me/binding for
// the status, GET /orgs?kind=unit to find the unit, POST /me/binding to ask it, DELETE /me/binding/pending to take
// the request back. After each command the status is read again with `?after=<position>`, so it shows the change.
// Under 查看记录 the person's binding timeline (an embedded <jxjy-timeline> of their own, from GET /me).
import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { Binding, BindingCancelled, BindingRequested, OrgListItem, OrgPage } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { FormController } from '../shared/form-controller.js';
import { fieldRules } from '../shared/rules.js';
import { embeddedTimeline } from '../timeline/timeline.embed.js';
import { unitBindingMessages, type UnitBindingKey } from './unit-binding.messages.js';
import styles from './unit-binding.styles.js';
import { resultsTable, statusPanels } from './unit-binding.view.js';

const FIELDS = ['q', 'regionCode'] as const;
type Field = (typeof FIELDS)[number];
type Query = Readonly<Record<Field, string>>;
const PAGE_SIZE = 20;

/** A refused command's own words: the detail naming the unit when there is one, else the message. */
const errorText = (err: unknown, fallback: string) =>
  err instanceof ApiError ? (err.details?.find((d) => d.field === 'unitId')?.message ?? err.message) : fallback;

/**
 * @summary 单位绑定 — the signed-in professional's employer unit: the current unit and since when, a request awaiting
 * the unit (with 撤回申请), the last rejection and its reason, and a search of approved units (by part of the name or
 * the whole 统一社会信用代码, optionally within a region) with 申请绑定 per unit and 加载更多. When already bound,
 * asking another unit is a 工作单位变更, confirmed first: the old binding ends only when the new unit confirms. Once
 * anything was asked, 查看记录 shows the bindings' tamper-evident timeline (read when opened).
 * Without a token it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-binding-requested - `{bindingId, unitId}` after the server accepted a request; the unit's reviewers now have a task.
 * @event jxjy-binding-cancelled - `{bindingId}` after the person withdrew their pending request.
 *
 * @csspart current - The current-unit panel.
 * @csspart pending - The pending-request panel.
 * @csspart rejection - The last rejection and its reason.
 * @csspart form - The unit search form.
 * @csspart table - The search results `<table>`.
 * @csspart actions - The request button of a result.
 * @csspart job-change - The inline job-change confirmation step.
 * @csspart pager - The 加载更多 area.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Button colour (default #0958d9).
 * @cssproperty --jxjy-color-danger - Withdraw button colour (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header and panel background (default #f5f7fa).
 */
export class JxjyUnitBinding extends JxjyElement<UnitBindingKey> {
  static override styles = styles;

  protected override readonly messages = unitBindingMessages;

  @state() private binding: Binding | undefined;
  /** The position of this element's last command: the status is read once it is visible. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private query: Query | undefined;
  @state() private units: OrgListItem[] = [];
  @state() private nextCursor: string | undefined;
  @state() private confirming: string | undefined;
  @state() private requesting: string | undefined;
  @state() private cancelling = false;
  @state() private notice = '';
  @state() private failure: string | undefined;

  readonly #status = new Task(this, {
    // Reads `readAfter` from `this`; listing it (and the connection) in the args re-runs the read when it changes.
    task: (_args, { signal }) => {
      const q = this.readAfter ? `?${new URLSearchParams({ after: this.readAfter })}` : '';
      return this.api.get<Binding>(`/api/v1/me/binding${q}`, { signal });
    },
    args: () => [...this.connection, this.readAfter, this.reload],
    onComplete: (binding) => (this.binding = binding),
  });

  // Public route (no token needed); the query is undefined until the person searches.
  readonly #search = new Task(this, {
    task: async ([, , query]: readonly [string, string, Query | undefined], { signal }) =>
      query ? this.api.get<OrgPage>(this.#orgsUrl(query), { signal, auth: false }) : initialState,
    args: () => [this.effectiveApiBase, this.effectiveLang, this.query] as const,
    onComplete: (page) => {
      this.units = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([query, cursor]: readonly [Query, string], { signal }) => this.api.get<OrgPage>(this.#orgsUrl(query, cursor), { signal, auth: false }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.units.map((u) => u.orgId));
      this.units = [...this.units, ...page.items.filter((u) => !seen.has(u.orgId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    optional: FIELDS,
    label: (field) => this.msg(field),
    check: (v) => ({ regionCode: fieldRules(this.effectiveLang).regionCode(v.regionCode) }),
    send: async (v) => {
      this.#more.abort();
      this.confirming = undefined;
      this.query = { ...v };
      await this.updateComplete;
      // A failed search shows in the results area (it may also re-run on a language change, with no submit).
      await this.#search.taskComplete.catch(() => undefined);
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#status, this.#search]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  // Another caller or server: nothing of the previous one's binding, search or messages may stay on screen.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyUnitBinding))) {
      this.#more.abort();
      this.binding = undefined;
      this.readAfter = undefined;
      this.query = undefined;
      this.units = [];
      this.nextCursor = undefined;
      this.confirming = undefined;
      this.notice = '';
      this.failure = undefined;
    }
  }

  #orgsUrl(query: Query, cursor?: string): string {
    const params = new URLSearchParams({ kind: 'unit', limit: String(PAGE_SIZE) });
    if (query.q) params.set('q', query.q);
    if (query.regionCode) params.set('regionCode', query.regionCode);
    if (cursor) params.set('cursor', cursor);
    return `/api/v1/orgs?${params}`;
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Reads the status again once the command's position is visible, then moves focus to what changed. */
  async #reread(position: string, focus: string) {
    this.readAfter = position;
    await this.updateComplete;
    await this.#status.taskComplete.catch(() => undefined); // a failed read shows its own error
    await this.#focus(focus);
  }

  #ask(unit: OrgListItem) {
    this.failure = undefined;
    if (!this.binding?.current) return void this.#request(unit);
    // Already bound: asking another unit is a job change, which the person confirms knowing what it ends.
    if (this.confirming === unit.orgId) return this.#back(unit);
    this.confirming = unit.orgId;
    void this.#focus('#job-change-confirm');
  }

  #back(unit: OrgListItem) {
    this.confirming = undefined;
    void this.#focus(`tr[data-unit-id="${CSS.escape(unit.orgId)}"] [data-action=request]`);
  }

  async #request(unit: OrgListItem) {
    if (this.requesting || this.cancelling) return;
    this.requesting = unit.orgId;
    this.failure = undefined;
    try {
      const result = await this.api.post<BindingRequested>('/api/v1/me/binding', { unitId: unit.orgId });
      this.confirming = undefined;
      // Short: focus moves to the pending panel, which names the unit.
      this.notice = this.msg('requested');
      this.emit('jxjy-binding-requested', { bindingId: result.bindingId, unitId: result.unitId });
      await this.#reread(result.position, '.pending');
    } catch (err) {
      this.failure = errorText(err, this.msg('error'));
      await this.#focus('.failure');
    } finally {
      this.requesting = undefined;
    }
  }

  async #cancel() {
    const pending = this.binding?.pending;
    if (!pending || this.requesting || this.cancelling) return;
    this.cancelling = true;
    this.failure = undefined;
    try {
      const result = await this.api.delete<BindingCancelled>('/api/v1/me/binding/pending');
      this.notice = this.msg('cancelled', { name: pending.unit.name });
      this.emit('jxjy-binding-cancelled', { bindingId: result.bindingId });
      await this.#reread(result.position, '#binding-status');
    } catch (err) {
      this.failure = errorText(err, this.msg('error'));
      await this.#focus('.failure');
    } finally {
      this.cancelling = false;
    }
  }

  #results() {
    const search = this.#search;
    if (search.status === TaskStatus.INITIAL) return nothing;
    if (search.status === TaskStatus.PENDING) return html`<p class="status" role="status">${this.msg('searching')}</p>`;
    if (search.status === TaskStatus.ERROR) return html`<p class="failure" role="alert">${errorText(search.error, this.msg('error'))}</p>`;
    const current = this.binding?.current;
    const more = this.#more.status;
    return resultsTable({
      msg: (key, params) => this.msg(key, params),
      units: this.units,
      current: current ? { unitId: current.unit.unitId, name: current.unit.name } : undefined,
      confirming: this.confirming,
      requesting: this.requesting,
      ask: (u) => this.#ask(u),
      confirm: (u) => void this.#request(u),
      back: (u) => this.#back(u),
      more:
        this.nextCursor && this.query
          ? {
              busy: more === TaskStatus.PENDING,
              error: more === TaskStatus.ERROR ? errorText(this.#more.error, this.msg('error')) : undefined,
              load: () => {
                if (this.nextCursor && this.query && more !== TaskStatus.PENDING) void this.#more.run([this.query, this.nextCursor]);
              },
            }
          : undefined,
    });
  }

  #searchSection(binding: Binding) {
    const form = this.#form;
    return html`<section class="search" aria-labelledby="search-title">
      <h3 id="search-title">${this.msg(binding.current ? 'changeTitle' : 'searchTitle')}</h3>
      ${binding.pending
        ? html`<p class="hint">${this.msg('pendingBlocksSearch')}</p>`
        : html`${form.render(html`<div class="search-row">
              ${form.input('q', { maxlength: 100, autocomplete: 'organization', hint: this.msg('qHint') })}
              ${form.input('regionCode', { maxlength: 6, inputmode: 'numeric', autocomplete: 'off', hint: this.msg('regionCodeHint') })}
              ${form.submitButton(this.msg('search'), this.msg('searching'))}
            </div>`)}
          ${this.#results()}`}
    </section>`;
  }

  protected override render() {
    const status = this.#status;
    if (status.status === TaskStatus.ERROR && isSignInRequired(status.error)) return this.renderSignInNeeded();
    const binding = this.binding;
    if (!binding) {
      if (status.status !== TaskStatus.ERROR) return html`<p class="status" role="status">${this.msg('loading')}</p>`;
      return html`<div class="load-error" role="alert">
        <p>${errorText(status.error, this.msg('error'))}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
    }
    // A failed re-read keeps the last status on screen and says why it may be out of date.
    const failure = this.failure ?? (status.status === TaskStatus.ERROR ? errorText(status.error, this.msg('error')) : undefined);
    return html`<p id="binding-status" class="status" role="status" tabindex="-1">${this.notice}</p>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!failure}>${failure ?? ''}</div>
      ${statusPanels({
        lang: this.effectiveLang,
        msg: (key, params) => this.msg(key, params),
        binding,
        cancelling: this.cancelling,
        cancel: () => void this.#cancel(),
      })}
      ${binding.current || binding.pending || binding.latest || binding.lastRejection
        ? embeddedTimeline(this.embedding, { subject: 'binding', version: this.readAfter ?? '' })
        : nothing}
      ${this.#searchSection(binding)}`;
  }
}
