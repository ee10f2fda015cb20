/**
 * The class lifecycle as a pure decider (DOMAIN.md Class): draft → accepting (接受报名) → closed → completed, reopening a
 * closed class allowed until it completes. Seats: a request holds a seat while the class has room and waits in line
 * otherwise; a seat given back goes to the first in line; approvals therefore never exceed capacity. A class completes
 * once closed and started, with its attendees drawn from the approved enrollees.
 */
import { type ClassEvent, type ClassState, evolveClass, initialClassState, seatsTaken } from '../../events/class.js';
import type { Decider } from '../kit/decider.js';
import { MAX_HALF_HOURS_PER_DAY } from '../credits/rules.js';
import { invalidInput, invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import type { ClassCompletion, ClassCreation, ClassView, SeatChange, SeatRequest } from './messages.js';
import { chinaDate } from '../../events/vocabulary/calendar.js';

export type ClassCommand =
  | { type: 'create'; creation: ClassCreation }
  | { type: 'open'; by: { orgId?: string } }
  | { type: 'close'; by: { orgId?: string } }
  | { type: 'complete'; completion: ClassCompletion }
  | { type: 'requestSeat'; request: SeatRequest }
  | { type: 'releaseSeat'; change: SeatChange }
  | { type: 'confirmSeat'; change: SeatChange };

const NO_CLASS = { zh: '培训班不存在', en: 'no such class' };

/** Institution commands come from the class's own institution only; to anyone else the class does not exist. */
function ownInstitution(state: ClassState, by: { orgId?: string }) {
  if (state.status === 'none' || by.orgId !== state.institutionId) throw notFound(NO_CLASS);
}

export const classDecider: Decider<ClassCommand | ReviewDecided, ClassEvent, ClassState> = {
  initialState: initialClassState,
  evolve: evolveClass,
  decide(command, state, { now }) {
    const { classId } = state;
    switch (command.type) {
      case 'create': {
        if (state.status !== 'none') throw invalidTransition({ zh: '培训班已存在', en: 'this class already exists' });
        const { institution, details } = command.creation;
        if (details.endDate < details.startDate) throw invalidInput('endDate', { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' });
        const first = command.creation.firstDeclarableYear;
        if (first !== undefined && Number(details.startDate.slice(0, 4)) < first) {
          throw invalidInput('startDate', { zh: `开始日期不能早于 ${first} 年（此前的学时属于原系统历史数据）`, en: `the start date cannot be before ${first} (earlier hours are the old system's history)` });
        }
        // The same rule as a declaration (DOMAIN.md): at most 8 学时 for each calendar day of the class.
        const days = (Date.parse(`${details.endDate}T00:00:00Z`) - Date.parse(`${details.startDate}T00:00:00Z`)) / 86_400_000 + 1;
        if (details.halfHours > days * MAX_HALF_HOURS_PER_DAY) {
          throw invalidInput('hours', { zh: `学时不能超过每天 8 学时（${days} 天最多 ${days * 8} 学时）`, en: `at most 8 hours a day: ${days * 8} hours for ${days} day(s)` });
        }
        if (!Number.isInteger(details.capacity) || details.capacity < 1) throw invalidInput('capacity', { zh: '名额至少为 1', en: 'the capacity must be at least 1' });
        return [{ type: 'ClassCreated', data: { ...details, classId, institutionId: institution.orgId, institutionName: institution.name, createdAt: now } }];
      }
      case 'open':
        ownInstitution(state, command.by);
        if (state.status !== 'draft' && state.status !== 'closed') throw invalidTransition({ zh: '只有草稿或已截止的培训班可以开放报名', en: 'only a draft or closed class can open for enrolment' });
        return [{ type: 'ClassOpened', data: { classId, openedAt: now } }];
      case 'close':
        ownInstitution(state, command.by);
        if (state.status !== 'accepting') throw invalidTransition({ zh: '只有接受报名中的培训班可以截止报名', en: 'only a class accepting enrolment can be closed' });
        return [{ type: 'ClassClosed', data: { classId, closedAt: now } }];
      case 'complete':
        return decideCompletion(state, command.completion, now);
      case 'requestSeat': {
        if (state.status === 'none') throw notFound(NO_CLASS);
        if (state.status !== 'accepting') throw invalidTransition({ zh: '该培训班当前不接受报名', en: 'this class is not accepting enrolment' });
        const { personId, enrolmentId } = command.request;
        // The same request again after its lifecycle's run ended (a late retry under an Idempotency-Key, whose id it
        // carries): it was decided then, and may have been cancelled since; never a second seat under one id.
        if (state.requested?.includes(enrolmentId)) {
          throw invalidTransition({ zh: '该报名请求已处理过，如需再次报名请重新提交', en: 'this enrolment request was already carried out; enrol again with a new request' });
        }
        if (state.seats[personId] || state.waitlist.some((w) => w.personId === personId)) {
          throw invalidTransition({ zh: '您已报名该培训班', en: 'you have already enrolled in this class' });
        }
        const seated = seatsTaken(state) < state.details!.capacity;
        return [{ type: 'SeatRequested', data: { classId, personId, enrolmentId, seated, requestedAt: now } }];
      }
      case 'releaseSeat': {
        // Idempotent: a seat already given back (a retried notification) changes nothing.
        const { personId } = command.change;
        const seat = state.seats[personId];
        const seated = Boolean(seat);
        if (!seated && !state.waitlist.some((w) => w.personId === personId)) return [];
        const from = seat ? (seat.approved ? 'approved-seat' : 'seat') : 'waitlist';
        const released: ClassEvent = { type: 'SeatReleased', data: { classId, personId, from, releasedAt: now } };
        const next = seated && state.status !== 'completed' ? state.waitlist[0] : undefined;
        return next ? [released, { type: 'SeatGranted', data: { classId, personId: next.personId, grantedAt: now } }] : [released];
      }
      case 'confirmSeat': {
        const seat = state.seats[command.change.personId];
        return seat && !seat.approved ? [{ type: 'SeatConfirmed', data: { classId, personId: command.change.personId, confirmedAt: now } }] : [];
      }
      case 'reviewDecided':
        throw notFound();
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideCompletion(state: ClassState, completion: ClassCompletion, now: string): ClassEvent[] {
  ownInstitution(state, completion.actor);
  if (state.status === 'completed') throw invalidTransition({ zh: '该培训班已结业', en: 'this class is already completed' });
  if (state.status !== 'closed') throw invalidTransition({ zh: '请先截止报名，再办理结业', en: 'close enrolment before completing the class' });
  if (state.details!.startDate > chinaDate(now)) throw invalidTransition({ zh: '培训班尚未开始，不能结业', en: 'the class has not started yet' });
  const approved = Object.entries(state.seats).filter(([, seat]) => seat.approved).map(([personId]) => personId);
  const strangers = completion.attendeePersonIds.filter((personId) => !approved.includes(personId));
  if (strangers.length > 0) {
    throw invalidInput('attendeePersonIds', { zh: '参训人员必须是已审核通过的报名人员', en: 'attendees must be approved enrollees of this class' });
  }
  const attendees = [...new Set(completion.attendeePersonIds)];
  const absentees = approved.filter((personId) => !attendees.includes(personId));
  return [{ type: 'ClassCompleted', data: { classId: state.classId, attendees, absentees, completedAt: now } }];
}

export function toClassView(state: ClassState, position: string): ClassView {
  const taken = seatsTaken(state);
  return { ...state, seatsTaken: taken, seatsLeft: Math.max(0, (state.details?.capacity ?? 0) - taken), position };
}
