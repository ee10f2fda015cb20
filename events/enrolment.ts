/**
 * Enrolment events (`enrolment-<classId>-<personId>`, DOMAIN.md Enrolment, manual 3.3.2–3.3.3): a person's place in
 * a class — waiting for a seat, pending the institution's review, approved or rejected (with a reason), cancelled by
 * the person before the class starts — and its end when the class completes: completed (the hours count), missed, or
 * lapsed if it was never approved. A person may enrol again after a cancellation or a rejection. Pure.
 */
import type { CreditCategory } from './credit.js';

export const enrolmentStream = (classId: string, personId: string) => `enrolment-${classId}-${personId}`;

export type EnrolmentStatus = 'waitlisted' | 'pending' | 'approved' | 'rejected' | 'cancelled' | 'completed' | 'missed' | 'lapsed';

/** What an enrolment remembers of its class (as the class was when the person enrolled). */
export interface EnrolledClass {
  classId: string;
  title: string;
  institutionId: string;
  institutionName: string;
  category: CreditCategory;
  halfHours: number;
  startDate: string;
  endDate: string;
}

export interface EnrolmentRequested {
  type: 'EnrolmentRequested';
  data: { enrolmentId: string; personId: string; personName: string; idNumberMasked: string; class: EnrolledClass; status: 'pending' | 'waitlisted'; requestedAt: string };
}

export interface EnrolmentPromoted {
  type: 'EnrolmentPromoted';
  data: { enrolmentId: string; promotedAt: string };
}

export interface EnrolmentApproved {
  type: 'EnrolmentApproved';
  data: { enrolmentId: string; approvedBy: string; approvedAt: string };
}

export interface EnrolmentRejected {
  type: 'EnrolmentRejected';
  data: { enrolmentId: string; reason: string; rejectedBy: string; rejectedAt: string };
}

export interface EnrolmentCancelled {
  type: 'EnrolmentCancelled';
  data: { enrolmentId: string; cancelledAt: string };
}

/** The class completed with the person attending: its hours count in the year of its start date. */
export interface EnrolmentCompleted {
  type: 'EnrolmentCompleted';
  data: { enrolmentId: string; personId: string; classId: string; year: number; category: CreditCategory; halfHours: number; completedAt: string };
}

export interface EnrolmentMissed {
  type: 'EnrolmentMissed';
  data: { enrolmentId: string; completedAt: string };
}

/** The class completed before this enrolment was ever approved. */
export interface EnrolmentLapsed {
  type: 'EnrolmentLapsed';
  data: { enrolmentId: string; lapsedAt: string };
}

export type EnrolmentEvent =
  | EnrolmentRequested
  | EnrolmentPromoted
  | EnrolmentApproved
  | EnrolmentRejected
  | EnrolmentCancelled
  | EnrolmentCompleted
  | EnrolmentMissed
  | EnrolmentLapsed;

export const ENROLMENT_EVENT_TYPES: EnrolmentEvent['type'][] = [
  'EnrolmentRequested', 'EnrolmentPromoted', 'EnrolmentApproved', 'EnrolmentRejected', 'EnrolmentCancelled', 'EnrolmentCompleted',
  'EnrolmentMissed', 'EnrolmentLapsed',
];

export interface EnrolmentState {
  classId: string;
  personId: string;
  enrolmentId: string | null;
  status: EnrolmentStatus | 'none';
  personName: string | null;
  idNumberMasked: string | null;
  class: EnrolledClass | null;
  reason: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
}

/** The workflow id is `enrolment-<classId>-<personId>`; its id part is both, two UUIDs joined by a dash. */
export const initialEnrolmentState = (id: string): EnrolmentState => ({
  classId: id.slice(0, 36), personId: id.slice(37), enrolmentId: null, status: 'none', personName: null, idNumberMasked: null,
  class: null, reason: null, requestedAt: null, decidedAt: null,
});

export function evolveEnrolment(state: EnrolmentState, event: EnrolmentEvent): EnrolmentState {
  switch (event.type) {
    case 'EnrolmentRequested': {
      const { enrolmentId, personName, idNumberMasked, class: enrolled, status, requestedAt } = event.data;
      return { ...state, enrolmentId, personName, idNumberMasked, class: enrolled, status, requestedAt, reason: null, decidedAt: null };
    }
    case 'EnrolmentPromoted':
      return { ...state, status: 'pending' };
    case 'EnrolmentApproved':
      return { ...state, status: 'approved', decidedAt: event.data.approvedAt };
    case 'EnrolmentRejected':
      return { ...state, status: 'rejected', reason: event.data.reason, decidedAt: event.data.rejectedAt };
    case 'EnrolmentCancelled':
      return { ...state, status: 'cancelled', decidedAt: event.data.cancelledAt };
    case 'EnrolmentCompleted':
      return { ...state, status: 'completed', decidedAt: event.data.completedAt };
    case 'EnrolmentMissed':
      return { ...state, status: 'missed', decidedAt: event.data.completedAt };
    case 'EnrolmentLapsed':
      return { ...state, status: 'lapsed', decidedAt: event.data.lapsedAt };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** Still in the class's books: holding or waiting for a seat, or approved. */
export const isActiveEnrolment = (status: EnrolmentStatus | 'none') => status === 'waitlisted' || status === 'pending' || status === 'approved';
