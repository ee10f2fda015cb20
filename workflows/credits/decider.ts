/**
 * The credit-record lifecycle as a pure decider (DOMAIN.md Credit record): a draft is edited freely and carries its
 * evidence; it is submitted to the person's confirmed unit (a `credit-review` task showing any overlapping records);
 * the unit approves (the hours count) or rejects with a reason (editable again, may be resubmitted); the person may
 * withdraw it before a decision; admin may revoke an approved record. The fold is events/credit.ts's.
 */
import {
  type CreditDeclaration, type CreditEvent, type CreditRecordState, evolveCreditRecord, initialCreditRecord, toHours,
} from '../../events/credit.js';
import type { TaskEvent } from '../../events/task.js';
import type { DecideContext, Decider } from '../kit/decider.js';
import { conflict, invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import { type ReviewBook, type ReviewPolicy, openReviews, requestReview, withdrawReview } from '../kit/reviews.js';
import type { AttachmentAddition, AttachmentRemoval, CreditCreation, CreditEdit, CreditRevocation, CreditSubmission, CreditView } from './messages.js';
import { checkDeclaration } from './rules.js';

export type CreditCommand =
  | { type: 'create'; creation: CreditCreation }
  | { type: 'edit'; edit: CreditEdit }
  | { type: 'attach'; addition: AttachmentAddition }
  | { type: 'detach'; removal: AttachmentRemoval }
  | { type: 'submit'; submission: CreditSubmission }
  | { type: 'withdraw' }
  | { type: 'revoke'; revocation: CreditRevocation };

/** The unit approves or rejects; a rejection must say why, so the person can correct the record. */
export const creditReviews: Partial<Record<'credit-review', ReviewPolicy>> = { 'credit-review': { reasonRequiredToReject: true } };

export const MAX_ATTACHMENTS = 10;
const DECLARATION_FIELDS: Array<keyof CreditDeclaration> = ['year', 'category', 'title', 'mode', 'organizer', 'startDate', 'endDate', 'halfHours'];

const openTask = (reviews: ReviewBook) => openReviews(reviews).find((review) => review.kind === 'credit-review');
const editable = (state: CreditRecordState) => state.status === 'draft' || state.status === 'rejected';
const NOT_EDITABLE = { zh: '只有草稿或被驳回的记录可以修改', en: 'only a draft or a rejected record can be changed' };

export const creditDecider: Decider<CreditCommand | ReviewDecided, CreditEvent, CreditRecordState> = {
  initialState: initialCreditRecord,
  evolve: evolveCreditRecord,
  decide(command, state, context) {
    const { now } = context;
    const { recordId } = state;
    if (command.type !== 'create' && state.status === 'none') throw notFound({ zh: '学时记录不存在', en: 'no such credit record' });
    switch (command.type) {
      case 'create': {
        if (state.status !== 'none') throw invalidTransition({ zh: '该记录已存在', en: 'this record already exists' });
        const { personId, declaration, rules } = command.creation;
        checkDeclaration(declaration, rules, now);
        return [{ type: 'CreditRecordDrafted', data: { ...declaration, recordId, personId, draftedAt: now } }];
      }
      case 'edit': {
        if (!editable(state)) throw invalidTransition(NOT_EDITABLE);
        const { declaration, rules } = command.edit;
        checkDeclaration(declaration, rules, now);
        const fields = DECLARATION_FIELDS.filter((field) => declaration[field] !== state.declaration?.[field]);
        return fields.length ? [{ type: 'CreditRecordEdited', data: { recordId, declaration, fields, editedAt: now } }] : [];
      }
      case 'attach': {
        if (!editable(state)) throw invalidTransition(NOT_EDITABLE);
        const { attachment } = command.addition;
        if (state.attachments.some((a) => a.sha256 === attachment.sha256)) {
          throw conflict('file', { zh: '该文件已上传过', en: 'this file is already attached' });
        }
        if (state.attachments.length >= MAX_ATTACHMENTS) {
          throw invalidTransition({ zh: `每条记录最多 ${MAX_ATTACHMENTS} 个附件`, en: `a record takes at most ${MAX_ATTACHMENTS} attachments` });
        }
        return [{ type: 'AttachmentAdded', data: { ...attachment, recordId, addedAt: now } }];
      }
      case 'detach': {
        if (!editable(state)) throw invalidTransition(NOT_EDITABLE);
        const { attachmentId } = command.removal;
        if (!state.attachments.some((a) => a.attachmentId === attachmentId)) throw notFound({ zh: '附件不存在', en: 'no such attachment' });
        return [{ type: 'AttachmentRemoved', data: { recordId, attachmentId, removedAt: now } }];
      }
      case 'submit':
        return decideSubmit(state, command.submission, context);
      case 'withdraw': {
        const task = openTask(context.reviews);
        if (state.status !== 'submitted' || !task) {
          throw invalidTransition({ zh: '只有已送审且尚未审核的记录可以撤回', en: 'only a submitted record that is not decided yet can be withdrawn' });
        }
        return [{ type: 'CreditRecordWithdrawn', data: { recordId, withdrawnAt: now } }, withdrawReview(context.reviews, task.taskId, { id: state.personId ?? '', role: 'person' }, now)];
      }
      case 'revoke': {
        if (state.status !== 'approved' || !state.declaration || !state.personId) {
          throw invalidTransition({ zh: '只有已通过的记录可以撤销', en: 'only an approved record can be revoked' });
        }
        const { year, category, halfHours } = state.declaration;
        const { reason, actor } = command.revocation;
        return [{ type: 'CreditRecordRevoked', data: { recordId, personId: state.personId, year, category, halfHours, reason, revokedBy: actor.id, revokedAt: now } }];
      }
      case 'reviewDecided':
        return decideOutcome(state, command, now);
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideSubmit(state: CreditRecordState, submission: CreditSubmission, context: DecideContext): Array<CreditEvent | TaskEvent> {
  if (!editable(state) || !state.declaration || !state.personId) {
    throw invalidTransition({ zh: '该记录已送审或已审核', en: 'this record is already submitted or decided' });
  }
  if (!submission.unit) {
    throw invalidTransition({ zh: '请先与工作单位完成绑定，再送审', en: 'bind to your unit first: records are reviewed by your confirmed unit' });
  }
  if (state.attachments.length === 0) {
    throw invalidTransition({ zh: '请先上传至少一个证明材料附件', en: 'attach at least one piece of evidence before submitting' });
  }
  const { declaration, recordId, personId } = state;
  const { unit, person, overlaps } = submission;
  return [
    { type: 'CreditRecordSubmitted', data: { recordId, personId, unitId: unit.unitId, unitName: unit.name, overlaps, submittedAt: context.now } },
    requestReview(context, {
      kind: 'credit-review',
      assignee: { role: 'unit', orgId: unit.unitId },
      subject: { type: 'credit', id: recordId, title: declaration.title },
      requestedBy: { id: personId, name: person.name },
      details: {
        personName: person.name,
        idNumberMasked: person.idNumberMasked,
        year: declaration.year,
        category: declaration.category,
        mode: declaration.mode,
        startDate: declaration.startDate,
        endDate: declaration.endDate,
        hours: toHours(declaration.halfHours),
        attachments: state.attachments.map(({ attachmentId, filename, contentType, size }) => ({ attachmentId, filename, contentType, size })),
        overlaps,
      },
    }),
  ];
}

function decideOutcome(state: CreditRecordState, { review, decision, reason, actor }: ReviewDecided, now: string): CreditEvent[] {
  if (review.kind !== 'credit-review' || !state.declaration || !state.personId) throw notFound();
  const { recordId, personId } = state;
  if (decision === 'reject') return [{ type: 'CreditRecordRejected', data: { recordId, reason: reason ?? '', rejectedBy: actor.id, rejectedAt: now } }];
  const { year, category, halfHours } = state.declaration;
  return [{ type: 'CreditRecordApproved', data: { recordId, personId, year, category, halfHours, approvedBy: actor.id, approvedAt: now } }];
}

export const toCreditView = (state: CreditRecordState, position: string, reviews: ReviewBook): CreditView => ({
  ...state,
  taskId: openTask(reviews)?.taskId ?? null,
  position,
});
