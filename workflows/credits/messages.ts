/**
 * Contract of the credit-record lifecycle (`credit-<recordId>`), the one writer of `credit-` streams. The API creates a
 * record with update-with-start, then sends edits, attachments (the file already stored by content hash), the
 * submission (with the person's confirmed unit and any overlapping records it found), withdrawal and admin's
 * revocation; the unit decides through the kit's `decideTask`.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Attachment, CreditDeclaration, CreditOverlap, CreditRecordState } from '../../events/credit.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const CREDIT_KIND = 'credit';
export const creditWorkflowId = (recordId: string) => `${CREDIT_KIND}-${recordId}`;

/** Years before this come from the old system's history (DOMAIN.md); configuration, default 2019. */
export interface DeclarationRules {
  firstYear: number;
}

export interface CreditCreation extends CommandEnvelope {
  personId: string;
  declaration: CreditDeclaration;
  rules: DeclarationRules;
}

export interface CreditEdit extends CommandEnvelope {
  declaration: CreditDeclaration;
  rules: DeclarationRules;
}

export interface AttachmentAddition extends CommandEnvelope {
  attachment: Attachment;
}

export interface AttachmentRemoval extends CommandEnvelope {
  attachmentId: string;
}

export interface CreditSubmission extends CommandEnvelope {
  /** The person's confirmed unit now, or null when they have none (the submission is refused). */
  unit: { unitId: string; name: string } | null;
  person: { name: string; idNumberMasked: string };
  overlaps: CreditOverlap[];
}

export interface CreditRevocation extends CommandEnvelope {
  reason: string;
}

export interface CreditView extends CreditRecordState {
  /** The unit's open review task, while submitted. */
  taskId: string | null;
  position: string;
}

/** Failures: InvalidInput → 422 naming the field (year, dates, hours), InvalidTransition → 409 (wrong status). */
export const createCreditUpdate = defineUpdate<CreditView, [CreditCreation]>('create');
export const editCreditUpdate = defineUpdate<CreditView, [CreditEdit]>('edit');
export const attachUpdate = defineUpdate<CreditView, [AttachmentAddition]>('attach');
export const detachUpdate = defineUpdate<CreditView, [AttachmentRemoval]>('detach');
/** 409 without a confirmed binding or without an attachment. */
export const submitCreditUpdate = defineUpdate<CreditView, [CreditSubmission]>('submit');
export const withdrawCreditUpdate = defineUpdate<CreditView, [CommandEnvelope]>('withdraw');
export const revokeCreditUpdate = defineUpdate<CreditView, [CreditRevocation]>('revoke');
export const creditViewQuery = defineQuery<CreditView | null>('view');
