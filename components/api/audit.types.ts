// Shapes of the audit routes' bodies (CONTRACT.md Audit and replay) as <jxjy-audit> and <jxjy-timeline> read them:
// the log and its streams, the verification and its progress lines, replays, seals, the access log, staff accounts,
// and a subject's timeline. Only what the components use; the server may send more.

/** An event as GET /audit/events and GET /audit/streams/{id} publish it: everything needed to recompute its hash. */
export interface AuditEvent {
  position: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: { actor?: { id?: string; role?: string; orgId?: string }; [key: string]: unknown };
  recordedAt: string;
  prevHash: string | null;
  hash: string;
  /** A secret from before passwords left the log was withheld: this page alone cannot recompute its hash. */
  redacted?: boolean;
}

export interface AuditEventPage {
  items: AuditEvent[];
  /** The position to pass as `after` for the next page; null at the end of the log. */
  nextCursor: string | null;
}

/** A hash chain as the server recomputed it: where it first fails, and why. */
export interface ChainStatus {
  valid: boolean;
  brokenAt?: number;
  problem?: string;
}

export interface AuditStream {
  streamId: string;
  events: AuditEvent[];
  chain: ChainStatus;
}

export interface VerifyProgress {
  events: number;
  streams: number;
  position: string;
  /** Events to look at in all, if the server says (the bar is then determinate). */
  total?: number;
}

export interface VerifyProblem {
  streamId: string;
  revision: number;
  position?: string;
  problem: string;
}

/** A seal that no longer holds: its root, count or signature disagrees with the events stored under it. */
export interface SealProblem {
  sealId: string;
  position: string;
  problem: string;
}

/** POST /audit/verify's result (the last NDJSON line's `result`): the chains, then the seals. */
export interface LogVerification {
  streams: number;
  events: number;
  /** False when any chain or any seal fails. */
  valid: boolean;
  problems: VerifyProblem[];
  upTo: string;
  /** Seals checked (absent from a server that checks none). */
  seals?: number;
  sealProblems?: SealProblem[];
}

/** One line of POST /audit/verify with `Accept: application/x-ndjson`. */
export type VerifyLine = { progress: VerifyProgress } | { result: LogVerification } | { error: { message: string } };

/** The read models a replay can rebuild (the API's REPLAYABLE). */
export const REPLAY_PROJECTIONS = ['credit_totals', 'dishonesty_records', 'orgs', 'bindings', 'enrolments', 'classes', 'certificates'] as const;
export type ReplayProjection = (typeof REPLAY_PROJECTIONS)[number];

export type ReplayAsOf = { position: string } | { time: string };

/** POST /audit/replays (201). */
export interface ReplayStarted {
  replayId: string;
  status: 'running';
  asOf: ReplayAsOf;
  /** The last event the replay folds. */
  position: string;
}

export type ReplayRow = Record<string, unknown>;

export interface ReplayDifference {
  key: ReplayRow;
  /** null: the row is not in the replay (it appeared since). */
  replay: ReplayRow | null;
  /** null: the row is no longer in today's table. */
  live: ReplayRow | null;
}

/** GET /audit/replays/{id}[?diff=live]. */
export interface Replay {
  replayId: string;
  status: 'running' | 'completed' | 'failed';
  projection: string;
  asOf: Partial<{ position: string; time: string }>;
  position: string;
  rows?: ReplayRow[];
  totalRows?: number;
  differences?: ReplayDifference[];
  totalDifferences?: number;
  error?: string;
}

/** A seal over the log (RFC 6962 Merkle root, Ed25519 signature). */
export interface Seal {
  sealId: string;
  position: string;
  count: number;
  root: string;
  signature: string;
  keyId?: string;
  sealedAt: string;
}

export interface SealPage {
  items: Seal[];
  nextCursor?: string | null;
}

export interface SealPublicKey {
  publicKeyPem: string;
  keyId?: string;
}

/** An item of GET /audit/access-log: an auditor's or admin's read of an audited route. */
export interface AccessLogEntry {
  at: string;
  accountId: string;
  role: string;
  method: string;
  route: string;
  path: string;
  query: string;
}

export interface AccessLogPage {
  items: AccessLogEntry[];
  nextCursor: string | null;
}

export type StaffRole = 'auditor' | 'admin';

/** POST /staff (201): the one-time password is answered this once. */
export interface StaffCreated {
  accountId: string;
  username: string;
  role: StaffRole;
  oneTimePassword: string;
  position?: string;
}

/** What `<jxjy-timeline subject>` names, and the route each reads (`GET /<route>/{id}/history`). */
export const TIMELINE_SUBJECTS = {
  'credit-record': 'credit-records',
  binding: 'bindings',
  enrolment: 'enrolments',
  certificate: 'certificates',
  dishonesty: 'dishonesty-records',
} as const;
export type TimelineSubject = keyof typeof TIMELINE_SUBJECTS;

export interface TimelineEntry {
  type: string;
  at: string;
  actor: { role: string; name: string };
  /** Already in the reader's language (Accept-Language). */
  summary: string;
  reason?: string;
}

/** GET /<subject>/{id}/history. */
export interface Timeline {
  events: TimelineEntry[];
  chain: { valid: boolean; brokenAt?: number };
}
