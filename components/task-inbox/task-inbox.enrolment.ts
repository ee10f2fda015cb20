// What an `enrolment-review` task shows the institution in <jxjy-task-inbox>: in the row header the class and the
// person (name and masked ID number); below the row the class's start date, category and hours, and its seats now —
// read from GET /classes/{id} (once per class, again after a decision on it), since the task only remembers the
// class as it was when the person enrolled. A pending enrolment already holds a seat: rejecting it frees the seat
// for the first in line.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { EnrolmentTaskDetails, TaskItem, TrainingClass } from '../api/types.js';
import { seatsText } from '../shared/class.messages.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { RowContext } from './task-inbox.rows.js';

/** A class's facts as the inbox knows them: loading, read, or unreadable (the message why). */
export type ClassFact = { state: 'loading' } | { state: 'read'; klass: TrainingClass } | { state: 'failed'; message: string };

/** An enrolment task's details, when the task carries them (the shape is checked: it comes from the server as JSON). */
export function enrolmentDetails(t: TaskItem): EnrolmentTaskDetails | undefined {
  const d = t.details;
  if (t.kind !== 'enrolment-review' || !d) return undefined;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  return { personName: str('personName'), idNumberMasked: str('idNumberMasked'), classId: str('classId'), classTitle: str('classTitle'), startDate: str('startDate') };
}

/** Reads each class an enrolment task names, once; `forget` makes the next `want` read it again. */
export class ClassFacts implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #api: () => ApiClient;
  readonly #facts = new Map<string, ClassFact>();
  #abort = new AbortController();

  constructor(host: ReactiveControllerHost, api: () => ApiClient) {
    this.#host = host;
    this.#api = api;
    host.addController(this);
  }

  get(classId: string): ClassFact | undefined {
    return this.#facts.get(classId);
  }

  want(tasks: readonly TaskItem[]): void {
    for (const t of tasks) {
      const classId = enrolmentDetails(t)?.classId;
      if (classId && !this.#facts.has(classId)) void this.#read(classId, this.#abort.signal);
    }
  }

  forget(classId: string): void {
    this.#facts.delete(classId);
  }

  /** Another caller or server: what was read belongs to the previous one. */
  clear(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#facts.clear();
  }

  hostDisconnected(): void {
    this.clear();
  }

  // Moved in the DOM: read again what the disconnect dropped (the host asks for them on its next update).
  hostConnected(): void {
    this.#host.requestUpdate();
  }

  async #read(classId: string, signal: AbortSignal) {
    this.#facts.set(classId, { state: 'loading' });
    try {
      const klass = await this.#api().get<TrainingClass>(`/api/v1/classes/${encodeURIComponent(classId)}`, { signal });
      if (!signal.aborted) this.#facts.set(classId, { state: 'read', klass });
    } catch (err) {
      if (signal.aborted) return;
      if (!(err instanceof ApiError)) reportError(err);
      this.#facts.set(classId, { state: 'failed', message: err instanceof ApiError ? err.message : String(err) });
    }
    this.#host.requestUpdate();
  }
}

export function enrolmentSubject(c: RowContext, t: TaskItem, d: EnrolmentTaskDetails) {
  return html`<th scope="row">
    ${d.classTitle || t.subject.title}
    <div class="subject-details">
      <span class="person">${d.personName || t.requestedBy.name}</span>
      ${d.idNumberMasked ? html`<span class="id-number">${c.msg('idNumberMasked', { id: d.idNumberMasked })}</span>` : nothing}
    </div>
  </th>`;
}

function seats(c: RowContext, fact: ClassFact | undefined) {
  if (!fact || fact.state === 'loading') return html`<span class="muted">${c.msg('loading')}</span>`;
  if (fact.state === 'failed') return html`<span class="muted">${fact.message}</span>`;
  return html`<span data-cell="seats">${seatsText(c.lang, fact.klass)}</span>`;
}

/** The row under an enrolment task's row: the class's dates, category, hours and seats now. */
export function enrolmentRow(c: RowContext, t: TaskItem, d: EnrolmentTaskDetails, columns: number) {
  const fact = c.classFact(d.classId);
  const klass = fact?.state === 'read' ? fact.klass : undefined;
  return html`<tr class="details-row" data-details-for=${t.taskId}>
    <td colspan=${columns} part="enrolment-details">
      <dl class="credit-facts" aria-label=${c.msg('enrolmentFacts')}>
        <div><dt>${c.msg('classStart')}</dt><dd>${klass ? `${klass.startDate} – ${klass.endDate}` : d.startDate}</dd></div>
        ${klass
          ? html`<div><dt>${c.msg('creditCategory')}</dt><dd>${creditLabel(c.lang, 'category', klass.category)}</dd></div>
              <div><dt>${c.msg('creditHours')}</dt><dd data-cell="hours">${formatHours(c.lang, klass.hours)}</dd></div>`
          : nothing}
        <div><dt>${c.msg('classSeats')}</dt><dd>${seats(c, fact)}</dd></div>
      </dl>
      ${t.status === 'open' ? html`<p class="muted seat-note">${c.msg('seatHeldNote')}</p>` : nothing}
    </td>
  </tr>`;
}
