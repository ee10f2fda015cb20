/**
 * Contract of the class lifecycle (`class-<classId>`), the one writer of `class-` streams and the one place that
 * decides seats. The institution creates, opens, closes and completes its class; a person's enrolment request reaches
 * it from the API (`requestSeat`), and the enrolment lifecycle gives a seat back or confirms it.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClassDetails, ClassState } from '../../events/class.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const CLASS_KIND = 'class';
export const classWorkflowId = (classId: string) => `${CLASS_KIND}-${classId}`;

export interface ClassCreation extends CommandEnvelope {
  institution: { orgId: string; name: string };
  details: ClassDetails;
  /** Hours before this year belong to the old system's history (JXJY_FIRST_YEAR). */
  firstDeclarableYear?: number;
}

export interface ClassCompletion extends CommandEnvelope {
  /** The approved enrollees who attended; every other approved enrollee missed it. */
  attendeePersonIds: string[];
}

export interface SeatRequest extends CommandEnvelope {
  personId: string;
  enrolmentId: string;
  person: { name: string; idNumberMasked: string };
}

export interface SeatChange extends CommandEnvelope {
  personId: string;
}

export interface ClassView extends ClassState {
  seatsTaken: number;
  seatsLeft: number;
  position: string;
}

/** Failures: InvalidTransition → 409 (wrong status, already enrolled, completing twice), InvalidInput → 422, NotFound → 404. */
export const createClassUpdate = defineUpdate<ClassView, [ClassCreation]>('create');
export const openClassUpdate = defineUpdate<ClassView, [CommandEnvelope]>('open');
export const closeClassUpdate = defineUpdate<ClassView, [CommandEnvelope]>('close');
export const completeClassUpdate = defineUpdate<ClassView, [ClassCompletion]>('complete');
export const requestSeatUpdate = defineUpdate<ClassView, [SeatRequest]>('requestSeat');
export const releaseSeatUpdate = defineUpdate<ClassView, [SeatChange]>('releaseSeat');
export const confirmSeatUpdate = defineUpdate<ClassView, [SeatChange]>('confirmSeat');
export const classViewQuery = defineQuery<ClassView | null>('view');
