/**
 * Credit record events (`credit-<recordId>`, DOMAIN.md Credit record, manual 3.3.1): a person declares a
 * continuing-education record (学时申报) with evidence and submits it to their unit, which approves it (the hours
 * count) or rejects it with a reason (the person edits and resubmits); the person may withdraw it before a decision;
 * admin may revoke an approved one. Hours are whole half-hours (`halfHours`), never floats. Pure.
 */

export const creditStream = (recordId: string) => `credit-${recordId}`;

export const CREDIT_CATEGORIES = ['public', 'professional', 'elective'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

export const CREDIT_MODES = ['training', 'conference', 'distance', 'practice', 'other'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];

export type CreditStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'revoked';

/** What a person declares; edited as a whole while the record is a draft or rejected. */
export interface CreditDeclaration {
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  organizer?: string;
  /** YYYY-MM-DD, inside `year`. */
  startDate: string;
  endDate: string;
  /** 学时 × 2: an integer, so 7.5 hours are 15. */
  halfHours: number;
}

export interface Attachment {
  attachmentId: string;
  filename: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  /** Hex SHA-256 of the content: the file's address in storage. */
  sha256: string;
}

/** Another record of the same person whose dates overlap this one (or that looks the same): shown to the reviewer. */
export interface CreditOverlap {
  recordId: string;
  title: string;
  startDate: string;
  endDate: string;
  status: CreditStatus;
  duplicate: boolean;
}

export interface CreditRecordDrafted {
  type: 'CreditRecordDrafted';
  data: CreditDeclaration & { recordId: string; personId: string; draftedAt: string };
}

export interface CreditRecordEdited {
  type: 'CreditRecordEdited';
  data: { recordId: string; declaration: CreditDeclaration; fields: Array<keyof CreditDeclaration>; editedAt: string };
}

export interface AttachmentAdded {
  type: 'AttachmentAdded';
  data: Attachment & { recordId: string; addedAt: string };
}

export interface AttachmentRemoved {
  type: 'AttachmentRemoved';
  data: { recordId: string; attachmentId: string; removedAt: string };
}

export interface CreditRecordSubmitted {
  type: 'CreditRecordSubmitted';
  data: { recordId: string; personId: string; unitId: string; unitName: string; overlaps: CreditOverlap[]; submittedAt: string };
}

export interface CreditRecordWithdrawn {
  type: 'CreditRecordWithdrawn';
  data: { recordId: string; withdrawnAt: string };
}

/** The hours count from here: the event carries what the yearly totals need. */
export interface CreditRecordApproved {
  type: 'CreditRecordApproved';
  data: { recordId: string; personId: string; year: number; category: CreditCategory; halfHours: number; approvedBy: string; approvedAt: string };
}

export interface CreditRecordRejected {
  type: 'CreditRecordRejected';
  data: { recordId: string; reason: string; rejectedBy: string; rejectedAt: string };
}

/** Admin takes an approved record's hours back (e.g. evidence found false): they stop counting. */
export interface CreditRecordRevoked {
  type: 'CreditRecordRevoked';
  data: { recordId: string; personId: string; year: number; category: CreditCategory; halfHours: number; reason: string; revokedBy: string; revokedAt: string };
}

export type CreditEvent =
  | CreditRecordDrafted
  | CreditRecordEdited
  | AttachmentAdded
  | AttachmentRemoved
  | CreditRecordSubmitted
  | CreditRecordWithdrawn
  | CreditRecordApproved
  | CreditRecordRejected
  | CreditRecordRevoked;

export const CREDIT_EVENT_TYPES: CreditEvent['type'][] = [
  'CreditRecordDrafted', 'CreditRecordEdited', 'AttachmentAdded', 'AttachmentRemoved', 'CreditRecordSubmitted',
  'CreditRecordWithdrawn', 'CreditRecordApproved', 'CreditRecordRejected', 'CreditRecordRevoked',
];

/** A record as its stream says now. */
export interface CreditRecordState {
  recordId: string;
  personId: string | null;
  status: CreditStatus | 'none';
  declaration: CreditDeclaration | null;
  attachments: Attachment[];
  unitId: string | null;
  reason: string | null;
  overlaps: CreditOverlap[];
  updatedAt: string | null;
}

export const initialCreditRecord = (recordId: string): CreditRecordState => ({
  recordId, personId: null, status: 'none', declaration: null, attachments: [], unitId: null, reason: null, overlaps: [], updatedAt: null,
});

export function evolveCreditRecord(state: CreditRecordState, event: CreditEvent): CreditRecordState {
  switch (event.type) {
    case 'CreditRecordDrafted': {
      const { recordId: _id, personId, draftedAt, ...declaration } = event.data;
      return { ...state, personId, status: 'draft', declaration, updatedAt: draftedAt };
    }
    case 'CreditRecordEdited':
      // An edit after a rejection makes it a draft again: it is the person's to resubmit.
      return { ...state, declaration: event.data.declaration, status: 'draft', updatedAt: event.data.editedAt };
    case 'AttachmentAdded': {
      const { recordId: _id, addedAt, ...attachment } = event.data;
      return { ...state, attachments: [...state.attachments, attachment], updatedAt: addedAt };
    }
    case 'AttachmentRemoved':
      return { ...state, attachments: state.attachments.filter((a) => a.attachmentId !== event.data.attachmentId), updatedAt: event.data.removedAt };
    case 'CreditRecordSubmitted':
      return { ...state, status: 'submitted', unitId: event.data.unitId, overlaps: event.data.overlaps, reason: null, updatedAt: event.data.submittedAt };
    case 'CreditRecordWithdrawn':
      // Taken back before the unit decided: the record is no longer the unit's to see.
      return { ...state, status: 'draft', unitId: null, updatedAt: event.data.withdrawnAt };
    case 'CreditRecordApproved':
      return { ...state, status: 'approved', updatedAt: event.data.approvedAt };
    case 'CreditRecordRejected':
      return { ...state, status: 'rejected', reason: event.data.reason, updatedAt: event.data.rejectedAt };
    case 'CreditRecordRevoked':
      return { ...state, status: 'revoked', reason: event.data.reason, updatedAt: event.data.revokedAt };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** 7.5 → 15; the API speaks hours in steps of 0.5, the events half-hours. */
export const toHalfHours = (hours: number) => Math.round(hours * 2);
export const toHours = (halfHours: number) => halfHours / 2;
