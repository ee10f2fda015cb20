/**
 * Reconciliation (a): the events of the run against the commands the system acknowledged. Each acknowledged command's
 * expected events must be in the log — those of its own request found by its X-Request-Id (`correlationId`), the
 * consequences other lifecycles write on their own account found by stream, type and data. Events an acknowledged
 * request wrote beyond its expectation are unexpected; the rest are attributed to the run's failed requests (a command
 * may take effect though its answer was an error) or left as not the run's (schedules, other users).
 */
import type { LoggedEvent } from './audit-log.js';
import type { Acknowledged, ExpectedEvent } from './ledger.js';
import type { RequestResult } from './stats.js';

export interface Unmatched {
  route: string;
  requestId: string;
  stream: string;
  type: string;
}

export interface EventsMatch {
  events: number;
  acknowledged: number;
  expected: number;
  matched: number;
  missing: Unmatched[];
  /** Written under an acknowledged request's id but not expected of it. */
  unexpected: Unmatched[];
  /** Events left by failed requests, per route and status: `{ 'POST /x 503': { CreditRecordDrafted: 1 } }`. */
  ofFailedRequests: Record<string, Record<string, number>>;
  /** Events of no request of this run, per type. */
  notOfThisRun: Record<string, number>;
}

/** Partial deep match: objects by the expected keys, everything else exactly. */
export function dataMatches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return JSON.stringify(actual) === JSON.stringify(expected);
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([key, value]) => dataMatches((actual as Record<string, unknown>)[key], value));
}

const fits = (event: LoggedEvent, expected: ExpectedEvent) =>
  event.type === expected.type &&
  (expected.prefix ? event.streamId.startsWith(expected.stream) : event.streamId === expected.stream) &&
  (!expected.data || dataMatches(event.data, expected.data));

export class EventMatcher {
  private readonly used = new Set<string>();
  private readonly byRequest = new Map<string, LoggedEvent[]>();
  private readonly uncorrelated = new Map<string, LoggedEvent[]>();
  readonly missing: Unmatched[] = [];
  expected = 0;
  matched = 0;

  constructor(readonly events: LoggedEvent[]) {
    for (const event of events) {
      const id = event.metadata.correlationId;
      if (id) this.byRequest.set(id, [...(this.byRequest.get(id) ?? []), event]);
      else this.uncorrelated.set(event.streamId, [...(this.uncorrelated.get(event.streamId) ?? []), event]);
    }
  }

  /** Finds and uses the event `expected` of `command`; records it missing when there is none. */
  take(command: Pick<Acknowledged, 'route' | 'requestId'>, expected: ExpectedEvent): LoggedEvent | undefined {
    this.expected++;
    const own = this.byRequest.get(command.requestId) ?? [];
    // A consequence is looked for among the request's own events first, should a lifecycle ever carry the id on.
    const candidates = expected.correlated ? own : [...own, ...(this.uncorrelated.get(expected.stream) ?? [])];
    const found = candidates.find((event) => !this.used.has(event.eventId) && fits(event, expected));
    if (!found) {
      this.missing.push({ route: command.route, requestId: command.requestId, stream: expected.stream, type: expected.type });
      return undefined;
    }
    this.used.add(found.eventId);
    this.matched++;
    return found;
  }

  /** Everything not taken, sorted into the three kinds of leftovers. */
  leftovers(acknowledged: Acknowledged[], failed: RequestResult[], runTag: string): Pick<EventsMatch, 'unexpected' | 'ofFailedRequests' | 'notOfThisRun'> {
    const acked = new Map(acknowledged.map((a) => [a.requestId, a]));
    const failures = new Map(failed.map((f) => [f.requestId, f]));
    const result: Pick<EventsMatch, 'unexpected' | 'ofFailedRequests' | 'notOfThisRun'> = { unexpected: [], ofFailedRequests: {}, notOfThisRun: {} };
    for (const event of this.events) {
      if (this.used.has(event.eventId)) continue;
      const id = event.metadata.correlationId ?? '';
      const ack = acked.get(id);
      const failure = failures.get(id);
      if (ack) result.unexpected.push({ route: ack.route, requestId: id, stream: event.streamId, type: event.type });
      else if (failure || id.startsWith(`${runTag}-`)) {
        const key = failure ? `${failure.route} ${failure.status || 'no answer'}` : 'other requests of this run';
        const types = (result.ofFailedRequests[key] ??= {});
        types[event.type] = (types[event.type] ?? 0) + 1;
      } else result.notOfThisRun[event.type] = (result.notOfThisRun[event.type] ?? 0) + 1;
    }
    return result;
  }
}
