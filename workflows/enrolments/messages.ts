/**
 * Contract of the enrolment lifecycle (`enrolment-<classId>-<personId>`), the one writer of `enrolment-` streams. Its
 * class opens it with the seat it decided (`open`), promotes it when a seat frees (`promote`) and tells it how the
 * class ended (`classCompleted`); the person cancels it; the institution decides it through the kit's `decideTask`.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { EnrolledClass, EnrolmentState } from '../../events/enrolment.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const ENROLMENT_KIND = 'enrolment';
export const enrolmentWorkflowId = (classId: string, personId: string) => `${ENROLMENT_KIND}-${classId}-${personId}`;

export interface EnrolmentOpening extends CommandEnvelope {
  enrolmentId: string;
  personName: string;
  idNumberMasked: string;
  class: EnrolledClass;
  status: 'pending' | 'waitlisted';
}

/** The person cancels the enrolment they name: an older one (cancelled and enrolled again since) is not the current one. */
export interface EnrolmentCancellation extends CommandEnvelope {
  enrolmentId?: string;
}

export interface ClassOutcome extends CommandEnvelope {
  attended: boolean;
}

export interface EnrolmentView extends EnrolmentState {
  taskId: string | null;
  position: string;
}

/** Failures: InvalidTransition → 409 (nothing to cancel, the class has started); NotFound → 404 (not the current enrolment). */
export const openEnrolmentUpdate = defineUpdate<EnrolmentView, [EnrolmentOpening]>('open');
export const promoteEnrolmentUpdate = defineUpdate<EnrolmentView, [CommandEnvelope]>('promote');
export const cancelEnrolmentUpdate = defineUpdate<EnrolmentView, [EnrolmentCancellation]>('cancel');
export const classCompletedUpdate = defineUpdate<EnrolmentView, [ClassOutcome]>('classCompleted');
export const enrolmentViewQuery = defineQuery<EnrolmentView | null>('view');
