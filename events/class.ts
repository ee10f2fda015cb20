/**
 * Training class events (`class-<classId>`, DOMAIN.md Class, manual 3.3.2–3.3.3): a teaching institution creates a
 * class, opens it for enrolment (接受报名), closes it, and completes it with the list of who attended. The class is
 * the one place that decides seats: a request holds a seat while the class has room and waits in line otherwise; a
 * seat given back goes to the first in line. Pure.
 */
import type { CreditCategory } from './credit.js';

export const classStream = (classId: string) => `class-${classId}`;

export type ClassStatus = 'draft' | 'accepting' | 'closed' | 'completed';

export interface ClassDetails {
  title: string;
  category: CreditCategory;
  /** 学时 × 2, granted to every attendee when the class completes. */
  halfHours: number;
  capacity: number;
  /** YYYY-MM-DD; the hours count in the year of the start date. */
  startDate: string;
  endDate: string;
  /** 6 digits: a city (4401xx) or the whole province (440000) — who may see and join it. */
  regionCode: string;
  description?: string;
}

export interface ClassCreated {
  type: 'ClassCreated';
  data: ClassDetails & { classId: string; institutionId: string; institutionName: string; createdAt: string };
}

export interface ClassOpened {
  type: 'ClassOpened';
  data: { classId: string; openedAt: string };
}

export interface ClassClosed {
  type: 'ClassClosed';
  data: { classId: string; closedAt: string };
}

/** `attendees`: the approved enrollees who attended; they are granted the hours. */
export interface ClassCompleted {
  type: 'ClassCompleted';
  data: { classId: string; attendees: string[]; absentees: string[]; completedAt: string };
}

/** A person asked to enrol: they hold a seat (`seated`) or wait in line for one. */
export interface SeatRequested {
  type: 'SeatRequested';
  data: { classId: string; personId: string; enrolmentId: string; seated: boolean; requestedAt: string };
}

/** The first in line got the seat someone gave back. */
export interface SeatGranted {
  type: 'SeatGranted';
  data: { classId: string; personId: string; grantedAt: string };
}

/** The institution approved the person's enrolment: the seat is theirs for the class. */
export interface SeatConfirmed {
  type: 'SeatConfirmed';
  data: { classId: string; personId: string; confirmedAt: string };
}

/** A seat given back (a cancellation or a rejection), or a place in line left: `from` says which it was. */
export interface SeatReleased {
  type: 'SeatReleased';
  data: { classId: string; personId: string; from: 'seat' | 'approved-seat' | 'waitlist'; releasedAt: string };
}

export type ClassEvent = ClassCreated | ClassOpened | ClassClosed | ClassCompleted | SeatRequested | SeatGranted | SeatConfirmed | SeatReleased;
export const CLASS_EVENT_TYPES: ClassEvent['type'][] = [
  'ClassCreated', 'ClassOpened', 'ClassClosed', 'ClassCompleted', 'SeatRequested', 'SeatGranted', 'SeatConfirmed', 'SeatReleased',
];

/** A class as its stream says now: its details and who holds or waits for its seats. */
export interface ClassState {
  classId: string;
  status: ClassStatus | 'none';
  institutionId: string | null;
  institutionName: string | null;
  details: ClassDetails | null;
  /** personId → their enrolment and whether the institution approved it. */
  seats: Record<string, { enrolmentId: string; approved: boolean }>;
  /** personId → enrolmentId, first come first served. */
  waitlist: Array<{ personId: string; enrolmentId: string }>;
  /**
   * Every enrolment id ever requested here, cancelled and ended ones too: one id is one request, however often it is
   * sent. (Absent from a state carried over from before it was kept: read as none.)
   */
  requested?: readonly string[];
}

export const initialClassState = (classId: string): ClassState => ({
  classId, status: 'none', institutionId: null, institutionName: null, details: null, seats: {}, waitlist: [],
});

export function evolveClass(state: ClassState, event: ClassEvent): ClassState {
  switch (event.type) {
    case 'ClassCreated': {
      const { classId: _id, institutionId, institutionName, createdAt: _at, ...details } = event.data;
      return { ...state, status: 'draft', institutionId, institutionName, details };
    }
    case 'ClassOpened':
      return { ...state, status: 'accepting' };
    case 'ClassClosed':
      return { ...state, status: 'closed' };
    case 'ClassCompleted':
      return { ...state, status: 'completed' };
    case 'SeatRequested': {
      const { personId, enrolmentId, seated } = event.data;
      const requested = [...(state.requested ?? []), enrolmentId];
      return seated
        ? { ...state, requested, seats: { ...state.seats, [personId]: { enrolmentId, approved: false } } }
        : { ...state, requested, waitlist: [...state.waitlist, { personId, enrolmentId }] };
    }
    case 'SeatGranted': {
      const waiting = state.waitlist.find((w) => w.personId === event.data.personId);
      if (!waiting) return state;
      return {
        ...state,
        waitlist: state.waitlist.filter((w) => w.personId !== event.data.personId),
        seats: { ...state.seats, [waiting.personId]: { enrolmentId: waiting.enrolmentId, approved: false } },
      };
    }
    case 'SeatConfirmed': {
      const seat = state.seats[event.data.personId];
      return seat ? { ...state, seats: { ...state.seats, [event.data.personId]: { ...seat, approved: true } } } : state;
    }
    case 'SeatReleased': {
      const { [event.data.personId]: _released, ...seats } = state.seats;
      return { ...state, seats, waitlist: state.waitlist.filter((w) => w.personId !== event.data.personId) };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

export const seatsTaken = (state: ClassState) => Object.keys(state.seats).length;
