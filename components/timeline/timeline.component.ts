// <jxjy-timeline>: one subject's tamper-evident history (CONTRACT.md: GET /<subject>/{id}/history) — what happened,
// when (China time), who did it and why — and whether its stream's hash chain holds. Stand-alone, or embedded by a
// screen under the record it shows, behind a 查看记录 toggle that reads it only once opened.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { ApiError, isSignInRequired } from '../api/api-client.js';
import { TIMELINE_SUBJECTS, type Timeline, type TimelineEntry, type TimelineSubject } from '../api/audit.types.js';
import type { Me } from '../api/types.js';
import { JxjyElement } from '../base/jxjy-element.js';
import { AbortOnDisconnect } from '../shared/abort-on-disconnect.js';
import { chinaMoment, chinaZone } from '../shared/china-time.js';
import { timelineMessages, type TimelineKey } from './timeline.messages.js';
import styles from './timeline.styles.js';

const ROLES = new Set(['person', 'unit', 'institution', 'admin', 'auditor', 'system', 'public']);

/**
 * @summary 操作记录 — the history of one credit record, binding, enrolment, certificate or dishonesty record as an
 * ordered list, oldest first: each entry's time in China time, who acted (their role and name), what happened and the
 * reason given; above it the chain's verdict, in words and not only colour: 链完整, or 链已被篡改 with the revision
 * where the stored content first fails its hash. With `collapsible` it shows only a 查看记录 button (a disclosure:
 * `aria-expanded`), reads the history the first time it opens and keeps it while closed. A subject the caller may
 * not see, or that has no history, says there is nothing to show. Without a token it asks for nothing and shows that
 * sign-in is needed.
 *
 * @csspart toggle - The 查看记录 button of a collapsible timeline.
 * @csspart panel - What the button shows and hides.
 * @csspart chain - The chain's verdict.
 * @csspart list - The entries' `<ol>`.
 * @csspart sign-in - The notice shown while there is no token.
 *
 * @cssproperty --jxjy-color-primary - The entries' marks and the button's focus ring (default #0958d9).
 * @cssproperty --jxjy-color-success - An intact chain (default #2b7a0b).
 * @cssproperty --jxjy-color-danger - A broken chain and errors (default #c8161e).
 */
export class JxjyTimeline extends JxjyElement<TimelineKey> {
  static override styles = styles;

  protected override readonly messages = timelineMessages;

  /** What the history is of: `credit-record`, `binding`, `enrolment`, `certificate` or `dishonesty`. */
  @property() subject: TimelineSubject | '' = '';
  /** Its id; a binding's is the person's id, and left empty it is the signed-in person's own (from GET /me). */
  @property({ attribute: 'subject-id' }) subjectId = '';
  /** Shows a 查看记录 toggle and reads the history only once it is opened. */
  @property({ type: Boolean }) collapsible = false;
  /** Whether a collapsible timeline is open; the host may set it. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Names the subject where several timelines share a page (e.g. an enrolment's class), for screen readers. */
  @property() label = '';
  /** Anything that changes when the subject does (its status, its last position): a timeline once read reads again. */
  @property() version = '';

  @state() private timeline: Timeline | undefined;
  /** Shown (open, or never collapsible) at least once for this subject: only then is it read. */
  @state() private wanted = false;
  @state() private reload = 0;

  readonly #task = new Task(this, {
    task: async (_args, { signal }) => {
      const subject = this.subject;
      if (!this.wanted || !subject || !Object.hasOwn(TIMELINE_SUBJECTS, subject) || (!this.subjectId && subject !== 'binding')) return initialState;
      const id = this.subjectId || (await this.api.get<Me>('/api/v1/me', { signal })).subjectId;
      return this.api.get<Timeline>(`/api/v1/${TIMELINE_SUBJECTS[subject]}/${encodeURIComponent(id)}/history`, { signal });
    },
    args: () => [...this.connection, this.subject, this.subjectId, this.wanted, this.version, this.reload],
    onComplete: (timeline) => (this.timeline = timeline),
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, [this.#task]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another subject starts closed and unread; another caller or server may not see what the last one saw.
    const subject = this.hasUpdated && (changed.has('subject') || changed.has('subjectId'));
    if (subject && this.collapsible) Object.assign(this, { open: false, wanted: false });
    if (subject || ['apiBase', 'token', 'tokenProvider', 'config'].some((p) => changed.has(p as keyof JxjyTimeline))) this.timeline = undefined;
    if (!this.collapsible || this.open) this.wanted = true;
  }

  #who(actor: TimelineEntry['actor']): string {
    const role = ROLES.has(actor.role) ? this.msg(`role.${actor.role}` as TimelineKey) : actor.role;
    return actor.name && actor.name !== role ? `${role} · ${actor.name}` : role;
  }

  #chain(t: Timeline) {
    const { valid, brokenAt } = t.chain;
    if (valid) {
      return html`<div class="chain valid" part="chain" data-chain="valid">
        <p class="verdict"><span aria-hidden="true">✓ </span>${this.msg('chainValid')}</p>
        <p>${this.msg('chainValidDetail', { count: t.events.length })}</p>
      </div>`;
    }
    const verdict = brokenAt === undefined ? this.msg('chainBrokenUnknown') : this.msg('chainBroken', { revision: brokenAt });
    return html`<div class="chain broken" part="chain" data-chain="broken" data-broken-at=${brokenAt ?? nothing} role="alert">
      <p class="verdict"><span aria-hidden="true">✕ </span>${verdict}</p>
      <p>${this.msg('chainBrokenDetail')}</p>
    </div>`;
  }

  #entries(t: Timeline) {
    if (!t.events.length) return html`<p class="empty">${this.msg('empty')}</p>`;
    const zone = chinaZone(this.effectiveLang);
    return html`<p class="intro">${this.msg('intro')}</p>
      <ol class="events" part="list" aria-label=${this.label ? this.msg('listLabelOf', { label: this.label }) : this.msg('listLabel')}>
        ${t.events.map(
          (e) => html`<li data-type=${e.type}>
            <p class="when"><span class="label">${this.msg('when')}</span>${chinaMoment(e.at)} <span class="zone">${zone}</span></p>
            <p class="who"><span class="label">${this.msg('who')}</span><span class="actor" data-role=${e.actor.role}>${this.#who(e.actor)}</span></p>
            <p class="summary">${e.summary}</p>
            ${e.reason ? html`<p class="reason"><span class="label">${this.msg('reason')}</span>${e.reason}</p>` : nothing}
          </li>`,
        )}
      </ol>`;
  }

  #body() {
    const task = this.#task;
    const t = this.timeline;
    if (task.status === TaskStatus.ERROR) {
      const err = task.error;
      if (isSignInRequired(err)) return this.renderSignInNeeded();
      if (err instanceof ApiError && err.status === 404) return html`<p class="empty" data-testid="not-found">${this.msg('notFound')}</p>`;
      const failed = html`<div class="load-error" role="alert">
        <p>${err instanceof ApiError ? err.message : this.msg('error')}</p>
        <button type="button" @click=${() => this.reload++}>${this.msg('retry')}</button>
      </div>`;
      return t ? html`${failed} ${this.#chain(t)} ${this.#entries(t)}` : failed;
    }
    if (!t) return html`<p class="status" role="status">${this.msg('loading')}</p>`;
    return html`${this.#chain(t)} ${this.#entries(t)}`;
  }

  protected override render() {
    if (!this.collapsible) return this.#body();
    return html`<button
        type="button"
        class="toggle"
        part="toggle"
        data-action="toggle"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="timeline-panel"
        aria-label=${this.label ? this.msg('toggleOf', { label: this.label }) : nothing}
        @click=${() => (this.open = !this.open)}
      >
        <span class="caret" aria-hidden="true">▸</span>${this.msg('toggle')}
      </button>
      <div id="timeline-panel" class="panel" part="panel" ?hidden=${!this.open}>${this.wanted ? this.#body() : nothing}</div>`;
  }
}
