/**
 * Dishonesty records (`dishonesty-<recordId>`, DOMAIN.md Dishonesty record, manual 1.4 失信信息): recorded by admin
 * for a person with a reason, the legal basis and a period; active until revoked or past its end date (expired).
 * Whether it blocks certificates is the record's own flag. Pure.
 */

export const dishonestyStream = (recordId: string) => `dishonesty-${recordId}`;

export interface DishonestyDetails {
  personId: string;
  reason: string;
  /** The rule it rests on (法律依据). */
  basis: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD; none = until revoked. */
  endDate?: string;
  blocksCertificate: boolean;
}

/** Who it concerns, as admin saw them when recording (the record outlives later profile changes). */
export interface DishonestyPerson {
  name: string;
  idNumberMasked: string;
}

export interface DishonestyRecorded {
  type: 'DishonestyRecorded';
  data: DishonestyDetails & { recordId: string; person: DishonestyPerson; recordedBy: string; recordedAt: string };
}

export interface DishonestyRevoked {
  type: 'DishonestyRevoked';
  data: { recordId: string; reason: string; revokedBy: string; revokedAt: string };
}

export type DishonestyEvent = DishonestyRecorded | DishonestyRevoked;
export const DISHONESTY_EVENT_TYPES: DishonestyEvent['type'][] = ['DishonestyRecorded', 'DishonestyRevoked'];

export type DishonestyStatus = 'active' | 'revoked' | 'expired';

/** A record's status on a day: revoked, past its end (expired), or active — including one whose period starts later. */
export function dishonestyStatus(record: { revokedAt: string | null; endDate?: string | null }, today: string): DishonestyStatus {
  if (record.revokedAt) return 'revoked';
  if (record.endDate && record.endDate < today) return 'expired';
  return 'active';
}

/** Whether it stands in the way of a certificate today: active, flagged, and its period begun. */
export const blocksToday = (record: { revokedAt: string | null; endDate?: string | null; startDate: string; blocksCertificate: boolean }, today: string) =>
  record.blocksCertificate && record.startDate <= today && dishonestyStatus(record, today) === 'active';
