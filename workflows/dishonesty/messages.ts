/** Contract of the dishonesty lifecycle (`dishonesty-<recordId>`), the one writer of `dishonesty-` streams (admin only). */
import { defineUpdate } from '@temporalio/workflow';
import type { DishonestyDetails, DishonestyPerson } from '../../events/dishonesty.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const DISHONESTY_KIND = 'dishonesty';
export const dishonestyWorkflowId = (recordId: string) => `${DISHONESTY_KIND}-${recordId}`;

export interface DishonestyRecording extends CommandEnvelope {
  details: DishonestyDetails;
  person: DishonestyPerson;
}

export interface DishonestyRevocation extends CommandEnvelope {
  reason: string;
}

export interface DishonestyView {
  recordId: string;
  details: DishonestyDetails | null;
  person: DishonestyPerson | null;
  recordedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  position: string;
}

/** Failures: InvalidTransition → 409 (recorded twice, revoked twice), InvalidInput → 422 (an end before the start). */
export const recordDishonestyUpdate = defineUpdate<DishonestyView, [DishonestyRecording]>('record');
export const revokeDishonestyUpdate = defineUpdate<DishonestyView, [DishonestyRevocation]>('revoke');
