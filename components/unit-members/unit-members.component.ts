// <jxjy-unit-members>: a unit's reviewers see the people bound to their unit (本单位人员) and the requests awaiting
// them (GET /units/{unitId}/members). The unit is the `unit-id` attribute or, by default, the caller's own (GET /me).
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import type { Me, UnitMember, UnitMemberPage } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { unitMembersMessages, type UnitMembersKey } from './unit-members.messages.js';
import styles from './unit-members.styles.js';

type Status = 'confirmed' | 'pending';
const STATUSES: readonly Status[] = ['confirmed', 'pending'];
const TAB_LABEL: Readonly<Record<Status, UnitMembersKey>> = { confirmed: 'tabConfirmed', pending: 'tabPending' };
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 本单位人员 — for a unit's reviewers: the confirmed members with their binding date and this year's hours,
 * or (second tab) the binding requests awaiting the unit, each with the person's name and masked ID number, paged
 * with 加载更多. The unit is `unit-id`, or the signed-in reviewer's own. Without a token it asks for nothing and shows
 * that sign-in is needed.
 *
 * @csspart tabs - The 已确认人员 / 待确认申请 tab list.
 * @csspart table - The members `<table>`.
 * @csspart pager - The 加载更多 area.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - Selected tab colour (default #0958d9).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyUnitMembers extends JxjyElement<UnitMembersKey> {
  static override styles = styles;

  protected override readonly messages = unitMembersMessages;

  /** The unit whose members to list; empty = the signed-in reviewer's own unit. */
  @property({ attribute: 'unit-id' }) unitId = '';
  /** 'confirmed' (已确认人员) or 'pending' (待确认申请). */
  @property() status: Status = 'confirmed';
  /** Rows per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The caller's own unit, from GET /me ('' when the caller belongs to none). */
  @state() private ownUnitId: string | undefined;
  @state() private rows: UnitMember[] = [];
  @state() private nextCursor: string | undefined;
  @state() private reload = 0;

  // Only needed without `unit-id`: then the unit is the caller's own organisation.
  readonly #me = new Task(this, {
    task: async (_args, { signal }) => (this.unitId ? initialState : this.api.get<Me>('/api/v1/me', { signal })),
    args: () => [...this.connection, this.unitId],
    onComplete: (me) => (this.ownUnitId = me.orgId ?? me.org?.orgId ?? ''),
  });

  readonly #list = new Task(this, {
    task: async (_args, { signal }) => {
      const unit = this.#unit;
      return unit ? this.api.get<UnitMemberPage>(this.#url(unit), { signal }) : initialState;
    },
    args: () => [...this.connection, this.#unit, this.status, this.pageSize, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #more = new Task(this, {
    task: ([unit, cursor]: readonly [string, string], { signal }) => this.api.get<UnitMemberPage>(this.#url(unit, cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.personId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.personId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#me, this.#list]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  get #unit(): string | undefined {
    return this.unitId || this.ownUnitId || undefined;
  }

  #url(unit: string, cursor?: string): string {
    const q = new URLSearchParams({ status: this.status, limit: String(this.pageSize) });
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/units/${encodeURIComponent(unit)}/members?${q}`;
  }

  // Another tab, unit, caller or server is another list: drop the old rows rather than show them under it.
  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['status', 'unitId', 'apiBase', 'token', 'tokenProvider'] as const;
    if (keys.some((p) => changed.has(p))) {
      this.#more.abort();
      this.rows = [];
      this.nextCursor = undefined;
    }
    if (['unitId', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyUnitMembers))) this.ownUnitId = undefined;
  }

  async #select(status: Status, focus = false) {
    this.status = status;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`)?.focus();
  }

  // The tab pattern's keys: arrows move (and select) along the list, Home and End jump to its ends.
  #onKeydown(event: KeyboardEvent) {
    const index = STATUSES.indexOf(this.status);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: STATUSES.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.#select(STATUSES[(next + STATUSES.length) % STATUSES.length]!, true);
  }

  #tabs() {
    return html`<div role="tablist" part="tabs" aria-label=${this.msg('tabsLabel')} @keydown=${this.#onKeydown}>
      ${STATUSES.map(
        (s) => html`<button
          type="button"
          role="tab"
          id="tab-${s}"
          aria-selected=${s === this.status ? 'true' : 'false'}
          aria-controls="members-panel"
          tabindex=${s === this.status ? '0' : '-1'}
          @click=${() => void this.#select(s)}
        >
          ${this.msg(TAB_LABEL[s])}
        </button>`,
      )}
    </div>`;
  }

  #date(iso: string | null) {
    const value = iso ? new Date(iso) : undefined;
    if (!iso || !value || Number.isNaN(value.getTime())) return html`<span aria-label=${this.msg('none')}>—</span>`;
    return html`<time datetime=${iso}>${new Intl.DateTimeFormat(this.effectiveLang, { dateStyle: 'medium' }).format(value)}</time>`;
  }

  #progress({ progress: p }: UnitMember) {
    if (!p) return html`<span aria-label=${this.msg('none')}>—</span>`;
    return this.msg('progressValue', { total: p.total, public: p.public, professional: p.professional, elective: p.elective });
  }

  #table(loading: boolean) {
    const confirmed = this.status === 'confirmed';
    const more = this.#more.status;
    const unit = this.#unit;
    return html`<div class="table-wrap">
        <table part="table" aria-busy=${loading ? 'true' : 'false'}>
          <caption>
            ${this.msg(confirmed ? 'confirmedCaption' : 'pendingCaption', { count: this.rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('name')}</th>
              <th scope="col">${this.msg('idNumber')}</th>
              <th scope="col">${this.msg(confirmed ? 'boundSince' : 'requestedAt')}</th>
              ${confirmed ? html`<th scope="col">${this.msg('progress')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.rows,
              (r) => r.personId,
              (r) => html`<tr data-person-id=${r.personId}>
                <th scope="row">${r.name}</th>
                <td class="id-number">${r.idNumberMasked}</td>
                <td>${this.#date(confirmed ? r.boundSince : r.requestedAt)}</td>
                ${confirmed ? html`<td class="progress">${this.#progress(r)}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.nextCursor && unit
        ? html`<div class="pager" part="pager">
            ${more === TaskStatus.ERROR ? html`<p class="error-text" role="alert">${errorText(this.#more.error, this.msg('error'))}</p>` : nothing}
            <button
              type="button"
              aria-busy=${more === TaskStatus.PENDING ? 'true' : 'false'}
              @click=${() => {
                if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([unit, this.nextCursor]);
              }}
            >
              ${more === TaskStatus.PENDING ? this.msg('loading') : this.msg('loadMore')}
            </button>
          </div>`
        : nothing}`;
  }

  #body() {
    const failed = [this.#me, this.#list].find((t) => t.status === TaskStatus.ERROR);
    if (failed && !this.rows.length) {
      return html`<div class="load-error" role="alert">
        <p>${errorText(failed.error, this.msg('error'))}</p>
        <button type="button" @click=${() => (this.#me.status === TaskStatus.ERROR ? void this.#me.run() : this.reload++)}>${this.msg('retry')}</button>
      </div>`;
    }
    const loading = this.#me.status === TaskStatus.PENDING || this.#list.status === TaskStatus.PENDING;
    if (!this.rows.length) {
      if (loading || this.#list.status !== TaskStatus.COMPLETE) return html`<p class="status" role="status">${loading ? this.msg('loading') : ''}</p>`;
      return html`<p class="empty">${this.msg(this.status === 'confirmed' ? 'noConfirmed' : 'noPending')}</p>`;
    }
    return this.#table(loading);
  }

  protected override render() {
    // No token, no request (the api client refused it): say what is missing; a token arriving re-runs the tasks.
    if ([this.#me, this.#list].some((t) => t.status === TaskStatus.ERROR && isSignInRequired(t.error))) return this.renderSignInNeeded();
    if (!this.unitId && this.ownUnitId === '') return html`<p class="status" role="status">${this.msg('notAUnit')}</p>`;
    return html`${this.#tabs()}
      <div role="tabpanel" id="members-panel" aria-labelledby="tab-${this.status}">${this.#body()}</div>`;
  }
}
