/**
 * What every generated lifecycle shares: the clock, the log, the random source, the end of the history ("now" of the
 * generated world), the admin, and the people and units as the lifecycles leave them (a person's current unit is
 * what their next submission goes to).
 */
import type { NameClaimed } from '../../events/account.js';
import type { BindingEvent, BindingState } from '../../events/binding.js';
import type { EventMetadata } from '../../events/store/event-store.js';
import type { BindingCommand } from '../../workflows/bindings/decider.js';
import { type EventLog, newStream } from './event-log.js';
import type { Actor } from '../../events/task.js';
import type { LifecycleInstance } from './lifecycle-instance.js';
import type { Random } from './random.js';
import type { Timeline } from './timeline.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** api/request-context.ts: who registers has no account yet. */
export const ANONYMOUS: Actor = { id: 'anonymous', role: 'public' };

export interface Unit {
  index: number;
  orgId: string;
  name: string;
  regionCode: string;
  uscc: string;
  reviewer: Actor;
  reviewerUsername: string;
  contactName: string;
  registerAt: number;
  approveAt: number;
  /** Mean days this unit's reviewers take over a credit record (the big unit is behind, in the year-end rush). */
  creditReviewDays: number;
  big: boolean;
}

export interface Person {
  index: number;
  personId: string;
  accountId: string;
  actor: Actor;
  name: string;
  idNumberMasked: string;
  /** The unit they first ask to be bound to. */
  unit: Unit;
  binding: LifecycleInstance<BindingCommand, BindingEvent, BindingState>;
  /** Confirmed now (a job change moves it). */
  currentUnit: Unit | null;
  /** When their records start, ascending; `nextRecord` indexes the next one. */
  recordTimes: number[];
  nextRecord: number;
}

export interface History {
  random: Random;
  log: EventLog;
  timeline: Timeline;
  /** The generated world's "now": nothing happens after it; what would is still open. */
  end: number;
  admin: Actor;
  /** One real argon2 hash: every generated account's password row carries it. */
  passwordHash: string;
  /** Mean records per person (set from the event budget). */
  recordsPerPerson: number;
  units: Unit[];
  /** Units other than the big one, by cumulative weight (job changes pick one). */
  pickOtherUnit(): Unit;
  correlationId(at: number): string;
  /** Called once a person is confirmed: their records may start. */
  onBound(person: Person, at: number): void;
  /** Credit records made so far (the manifest counts them). */
  records: number;
}

let requests = 0;

/** hapi's request id shape (`<ms>:<server id>:<counter>`), which the API carries into events as correlationId. */
export const correlationId = (at: number): string => `${at}:jxjy-api-1:${(at - (at % DAY)).toString(36)}:${(requests++).toString(36)}`;

/** events/store/claims.ts `claimName` on a fresh claim stream: one NameClaimed at revision 0. */
export function claim(history: History, stream: string, ownerId: string, at: number, metadata: EventMetadata): void {
  const event: NameClaimed = { type: 'NameClaimed', data: { ownerId, claimedAt: new Date(at).toISOString() } };
  history.log.append(newStream(stream), at, metadata, [event]);
}
