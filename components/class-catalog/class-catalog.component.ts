// <jxjy-class-catalog>: a professional enrols in training classes (培训班报名申请, manual 3.3.2): GET /classes?available=true
// (the classes accepting enrolment that their unit's region can see, searched by title and category, paged, each
// saying where the person already stands in it: `myEnrolment`), POST /classes/{id}/enrolments to enrol. After
// enrolling, the list is read again with `?after=<position>`, so seats and the person's status show the change.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import { ApiError, SubmissionKey, isSignInRequired } from '../api/api-client.js';
import type { CatalogueClass, CataloguePage, Enrolled } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { regionWithCode } from '../shared/class.messages.js';
import { loadState } from '../shared/class.view.js';
import { creditLabel } from '../shared/credit.messages.js';
import { FocusLater } from '../shared/focus-later.js';
import { FormController } from '../shared/form-controller.js';
import { classCatalogMessages, type ClassCatalogKey } from './class-catalog.messages.js';
import styles from './class-catalog.styles.js';
import { classTable, emptyState, type Msg } from './class-catalog.view.js';

const FIELDS = ['q', 'category'] as const;
type Field = (typeof FIELDS)[number];
type Query = Readonly<Record<Field, string>>;
const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

/**
 * @summary 培训班报名 — the training classes a signed-in professional may enrol in: those accepting enrolment (接受报名)
 * in their employer unit's city and province-wide, searched by part of the title and by category, with the
 * institution, hours, dates and seats left, paged with 加载更多. 报名 holds a seat for the institution to review, or
 * joins the waiting list when the class is full; a class the person is already in shows where they stand. Says why
 * the list is empty: no confirmed unit yet (with a way to 单位绑定), or nothing open in their region. Without a token
 * it asks for nothing and shows that sign-in is needed.
 *
 * @event jxjy-enrolment-requested - `{enrolmentId, classId, status}` after the server accepted an enrolment (`pending` or `waitlisted`).
 * @event jxjy-navigate - `{to: 'binding'}` to bind to a unit first, `{to: 'enrolments'}` to follow an enrolment; the host routes.
 *
 * @csspart form - The search form.
 * @csspart field - Each label + input group of the search form.
 * @csspart submit - The 查询 button.
 * @csspart table - The classes `<table>`.
 * @csspart actions - A row's 报名 button or enrolment status.
 * @csspart pager - The 加载更多 area.
 * @csspart unbound - The notice shown while the person has no confirmed unit.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - 报名 buttons (default #0958d9).
 * @cssproperty --jxjy-color-danger - Alerts (default #c8161e).
 * @cssproperty --jxjy-table-header-bg - Table header background (default #f5f7fa).
 */
export class JxjyClassCatalog extends JxjyElement<ClassCatalogKey> {
  static override styles = styles;

  protected override readonly messages = classCatalogMessages;

  /** Classes per request (the server allows up to 200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private query: Query = { q: '', category: '' };
  @state() private rows: CatalogueClass[] = [];
  @state() private nextCursor: string | undefined;
  @state() private bound = true;
  @state() private region: string | null = null;
  /** The position of the last enrolment made here: the list is read once it includes it. */
  @state() private readAfter: string | undefined;
  @state() private reload = 0;
  @state() private enrolling: string | undefined;
  @state() private notice = '';
  @state() private failure: { text: string; bind: boolean } | undefined;
  readonly #focusLater = new FocusLater(this);
  readonly #msg: Msg = (key, params) => this.msg(key, params);

  readonly #list = new Task(this, {
    task: (_args, { signal }) => this.api.get<CataloguePage>(this.#url(), { signal }),
    args: () => [...this.connection, this.query, this.pageSize, this.readAfter, this.reload],
    onComplete: (page) => {
      this.rows = page.items;
      this.nextCursor = page.nextCursor ?? undefined;
      this.bound = page.bound !== false;
      this.region = page.regionCode ?? null;
    },
  });

  readonly #more = new Task(this, {
    task: ([cursor]: readonly [string], { signal }) => this.api.get<CataloguePage>(this.#url(cursor), { signal }),
    autoRun: false,
    onComplete: (page) => {
      const seen = new Set(this.rows.map((r) => r.classId));
      this.rows = [...this.rows, ...page.items.filter((r) => !seen.has(r.classId))];
      this.nextCursor = page.nextCursor ?? undefined;
    },
  });

  readonly #form = new FormController<Field>(this, () => this.effectiveLang, {
    fields: FIELDS,
    optional: FIELDS,
    label: (field) => this.msg(field),
    send: async (v) => {
      this.query = { ...v };
      this.notice = '';
      this.failure = undefined;
      await this.updateComplete;
      // A failed search shows where the list goes.
      await this.#list.taskComplete.catch(() => undefined);
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#list]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#more.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another caller or server is another person: nothing of the previous one's classes or enrolments may stay.
    const person = ['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p as keyof JxjyClassCatalog));
    if (person) Object.assign(this, { readAfter: undefined, notice: '', failure: undefined, bound: true, region: null });
    // A new search is a new list; a "load more" still in flight belongs to the old one.
    if (person || changed.has('query' as keyof JxjyClassCatalog)) {
      this.#more.abort();
      this.rows = [];
      this.nextCursor = undefined;
    }
  }

  #url(cursor?: string): string {
    const q = new URLSearchParams({ available: 'true', limit: String(this.pageSize) });
    if (this.query.q) q.set('q', this.query.q);
    if (this.query.category) q.set('category', this.query.category);
    if (this.readAfter) q.set('after', this.readAfter);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/classes?${q}`;
  }

  readonly #enrolment = new SubmissionKey();

  async #enrol(k: CatalogueClass) {
    if (this.enrolling) return;
    this.enrolling = k.classId;
    this.notice = '';
    this.failure = undefined;
    try {
      // A second try at the same class (after a 503 or a lost answer) enrols once; once the list shows an enrolment
      // there (one that went through, perhaps cancelled since), enrolling again is a new request.
      if (k.myEnrolment) this.#enrolment.done();
      const result = await this.api.post<Enrolled>(`/api/v1/classes/${encodeURIComponent(k.classId)}/enrolments`, undefined, {
        idempotencyKey: this.#enrolment.for(k.classId),
      });
      this.#enrolment.done();
      // Shown at once; the list read again after it confirms (with the seats it took).
      const myEnrolment = { enrolmentId: result.enrolmentId, status: result.status };
      this.rows = this.rows.map((r) => (r.classId === k.classId ? { ...r, myEnrolment } : r));
      this.notice = this.msg(result.status === 'waitlisted' ? 'enrolledWaitlisted' : 'enrolledPending', { title: k.title });
      this.emit('jxjy-enrolment-requested', { enrolmentId: result.enrolmentId, classId: k.classId, status: result.status });
      this.readAfter = result.position;
      // The button is gone (the row shows the status now): the status line says what happened.
      this.#focusLater.request('#catalog-status');
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = { text: errorText(err, this.msg('error')), bind: err instanceof ApiError && err.code === 'binding_required' };
      this.#focusLater.request('.failure');
    } finally {
      this.enrolling = undefined;
    }
  }

  #navigate(to: 'binding' | 'enrolments') {
    this.emit('jxjy-navigate', { to });
  }

  #searchForm() {
    const form = this.#form;
    const categories = [{ value: '', label: this.msg('allCategories') }, ...CREDIT_CATEGORIES.map((c) => ({ value: c, label: creditLabel(this.effectiveLang, 'category', c) }))];
    return form.render(html`<div class="search-row">
      ${form.input('q', { maxlength: 100, autocomplete: 'off', hint: this.msg('qHint'), value: this.query.q })}
      ${form.select('category', { options: categories, value: this.query.category })}
      ${form.submitButton(this.msg('search'), this.msg('searching'))}
    </div>`);
  }

  #results() {
    const list = this.#list.status;
    const loading = list === TaskStatus.PENDING || list === TaskStatus.INITIAL;
    if (!this.rows.length) {
      if (loading || list === TaskStatus.ERROR) {
        const error = list === TaskStatus.ERROR ? errorText(this.#list.error, this.msg('error')) : undefined;
        return loadState(error, { loading: this.msg('loading'), retry: this.msg('retry') }, () => this.reload++);
      }
      const filtered = Boolean(this.query.q || this.query.category);
      const region = this.region ? regionWithCode(this.effectiveLang, this.region) : '';
      return emptyState(this.#msg, { bound: this.bound, region, filtered }, () => this.#navigate('binding'));
    }
    const more = this.#more.status;
    return classTable({
      lang: this.effectiveLang,
      msg: this.#msg,
      rows: this.rows,
      enrolling: this.enrolling,
      loading,
      enrol: (k) => void this.#enrol(k),
      more: this.nextCursor
        ? {
            busy: more === TaskStatus.PENDING,
            error: more === TaskStatus.ERROR ? errorText(this.#more.error, this.msg('error')) : undefined,
            load: () => {
              if (this.nextCursor && more !== TaskStatus.PENDING) void this.#more.run([this.nextCursor]);
            },
          }
        : undefined,
    });
  }

  protected override render() {
    if (this.#list.status === TaskStatus.ERROR && isSignInRequired(this.#list.error)) return this.renderSignInNeeded();
    const failure = this.failure;
    // No unit, no classes: searching would only say so again.
    const searchable = this.bound || this.rows.length > 0;
    return html`${searchable && this.region ? html`<p class="intro">${this.msg('intro', { region: regionWithCode(this.effectiveLang, this.region) })}</p>` : nothing}
      ${searchable ? this.#searchForm() : nothing}
      <div class="notice-row">
        <p id="catalog-status" class="status" role="status" tabindex="-1">${this.notice}</p>
        ${this.notice
          ? html`<button type="button" class="link" data-action="my-enrolments" @click=${() => this.#navigate('enrolments')}>${this.msg('myEnrolments')}</button>`
          : nothing}
      </div>
      <div class="failure" role="alert" tabindex="-1" ?hidden=${!failure}>
        <p>${failure?.text ?? ''}</p>
        ${failure?.bind
          ? html`<p><button type="button" class="primary small" data-action="bind" @click=${() => this.#navigate('binding')}>${this.msg('unboundAction')}</button></p>`
          : nothing}
      </div>
      ${this.#results()}`;
  }
}
