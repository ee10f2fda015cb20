// The progress of one enrolment as an ordered list of steps (报名进度): submitted, then the waiting list and the
// promotion off it, the institution's review, its decision (with the reason of a rejection), a cancellation, and the
// class's completion with the hours it granted. Built from what GET /me/enrolments tells: the request time, when a seat
// freed for a waiting enrolment (`promotedAt`), when the institution approved it (`approvedAt`), the status and the
// time and reason of the latest decision or ending (`decidedAt`). Each step says its state in words too (for screen
// readers), not only by its mark and colour.
import { html, nothing } from 'lit';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import type { TimedEnrolment } from '../api/types.js';
import { moment } from '../shared/class.view.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { EnrolmentsKey } from './enrolments.messages.js';

export type Msg = (key: EnrolmentsKey | CoreKey, params?: Params) => string;

type StepState = 'done' | 'current' | 'upcoming' | 'ended';

export interface Step {
  key: string;
  state: StepState;
  label: string;
  at?: string | null;
  note?: string;
  reason?: string | null;
}

const MARK: Readonly<Record<StepState, string>> = { done: '✓', current: '●', upcoming: '○', ended: '✕' };
const STATE_WORD: Readonly<Record<StepState, EnrolmentsKey>> = { done: 'stepDone', current: 'stepCurrent', upcoming: 'stepUpcoming', ended: 'stepEnded' };

/** The steps of `e` in order, the last done, current or ended one being where it stands. */
export function enrolmentSteps(lang: Lang, msg: Msg, e: TimedEnrolment): Step[] {
  const year = e.class.startDate.slice(0, 4);
  const hours = formatHours(lang, e.class.hours);
  // Where the enrolment began: the request, and — if it first waited for a seat — the seat that freed for it.
  const start: Step[] = [
    { key: 'requested', state: 'done', label: msg('stepRequested'), at: e.requestedAt },
    ...(e.promotedAt ? [{ key: 'promoted', state: 'done' as const, label: msg('stepPromoted'), at: e.promotedAt, note: msg('stepPromotedNote') }] : []),
  ];
  const attend = (state: StepState): Step => ({ key: 'attend', state, label: msg('stepAttend'), note: msg('stepAttendNote', { year }) });
  // The approval keeps its own time: a completion or a cancellation later moves `decidedAt`, never `approvedAt`.
  const approved: Step = { key: 'approved', state: 'done', label: msg('stepApproved'), at: e.approvedAt };
  const wasApproved = e.approvedAt ? [approved] : [];
  switch (e.status) {
    case 'waitlisted':
      return [
        ...start,
        { key: 'waitlisted', state: 'current', label: msg('stepWaitlisted'), note: msg('stepWaitlistedNote') },
        { key: 'review', state: 'upcoming', label: msg('stepReview') },
        attend('upcoming'),
      ];
    case 'pending':
      return [...start, { key: 'review', state: 'current', label: msg('stepReviewing'), note: msg('stepReviewingNote') }, attend('upcoming')];
    case 'approved':
      return [...start, approved, attend('current')];
    case 'rejected':
      return [...start, { key: 'rejected', state: 'ended', label: msg('stepRejected'), at: e.decidedAt, reason: e.reason }];
    case 'cancelled':
      return [...start, ...wasApproved, { key: 'cancelled', state: 'ended', label: msg('stepCancelled'), at: e.decidedAt }];
    case 'completed': {
      const category = creditLabel(lang, 'category', e.class.category);
      const completed: Step = { key: 'completed', state: 'done', label: msg('stepCompleted', { hours }), at: e.decidedAt, note: msg('stepCompletedNote', { year, category }) };
      return [...start, approved, completed];
    }
    case 'missed':
      return [...start, approved, { key: 'missed', state: 'ended', label: msg('stepMissed'), at: e.decidedAt }];
    case 'lapsed':
      return [...start, { key: 'lapsed', state: 'ended', label: msg('stepLapsed'), at: e.decidedAt }];
    default: {
      const never: never = e.status;
      return [...start, { key: String(never), state: 'current', label: String(never) }];
    }
  }
}

export function timeline(lang: Lang, msg: Msg, e: TimedEnrolment) {
  const steps = enrolmentSteps(lang, msg, e);
  return html`<ol class="timeline" part="timeline" aria-label=${msg('progress')}>
    ${steps.map(
      (s) => html`<li class="step ${s.state}" data-step=${s.key} aria-current=${s.state === 'current' ? 'step' : nothing}>
        <span class="mark" aria-hidden="true">${MARK[s.state]}</span>
        <div class="step-body">
          <p class="step-label">${s.label}<span class="visually-hidden">${msg('stepState', { state: msg(STATE_WORD[s.state]) })}</span></p>
          ${s.at ? html`<p class="step-at">${moment(lang, s.at, msg('none'))}</p>` : nothing}
          ${s.reason ? html`<p class="step-reason"><span class="label">${msg('reasonLabel')}：</span><span class="reason">${s.reason}</span></p>` : nothing}
          ${s.note ? html`<p class="step-note">${s.note}</p>` : nothing}
        </div>
      </li>`,
    )}
  </ol>`;
}
