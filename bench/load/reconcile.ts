/**
 * After a run: read the run's events through the audit API (everything after the head position taken before the run,
 * once the log has settled) and check (a) that every acknowledged command's events are there — with the seat grants
 * and promotions its releases implied — and nothing unexpected under its request id, and (b) that the credit totals
 * the API serves equal a fold of those events. `ok` is false on any missing or unexpected event and any totals
 * mismatch; events of failed requests are reported, never required absent.
 */
import { type LoggedEvent, readSettledLog, readStream } from './audit-log.js';
import { classStream } from '../../events/class.js';
import { enrolmentStream } from '../../events/enrolment.js';
import type { Acknowledged, ExpectedEvent } from './ledger.js';
import { EventMatcher, type EventsMatch } from './match-events.js';
import type { LoadResult } from './run-load.js';
import { grantAfter } from './seat-line.js';
import { type TotalsCheck, checkTotals } from './totals-check.js';

/** A command answered a position before some of its own events: a read `?after=` it could miss them. */
export interface WrongPosition {
  route: string;
  requestId: string;
  position: string;
  events: string[];
}

export interface Reconciliation {
  headBefore: string | undefined;
  headAfter: string | undefined;
  events: EventsMatch & { grantsDerived: number; positionsChecked: number; wrongPositions: WrongPosition[] };
  totals: TotalsCheck;
  ok: boolean;
}

export async function reconcile(load: LoadResult, options: { settleMs?: number } = {}): Promise<Reconciliation> {
  const { auditor, headBefore, acknowledged, failed, runTag, world } = load;
  const events = await readSettledLog(auditor, headBefore, options.settleMs ?? 1_000);
  const headAfter = events.at(-1)?.position ?? headBefore;
  const matcher = new EventMatcher(events);
  const releases: Array<{ command: Acknowledged; release: LoggedEvent }> = [];
  const wrongPositions: WrongPosition[] = [];
  let positionsChecked = 0;
  for (const command of acknowledged) {
    // Its own events first, so a consequence never takes one of them.
    const ordered = [...command.expected.filter((e) => e.correlated), ...command.expected.filter((e) => !e.correlated)];
    const found: LoggedEvent[] = [];
    for (const expected of ordered) {
      const event = matcher.take(command, expected);
      if (!event) continue;
      found.push(event);
      if (event.type === 'SeatReleased' && command.releasedSeats) releases.push({ command, release: event });
    }
    const own = found.filter((event) => event.metadata.correlationId === command.requestId);
    if (command.position && own.length > 0) {
      positionsChecked++;
      // `?after=` the answered position must show everything the command wrote under its own request.
      const { position } = command;
      if (!own.every((e) => e.position <= position)) {
        wrongPositions.push({ route: command.route, requestId: command.requestId, position, events: own.map((e) => `${e.type}@${e.position}`) });
      }
    }
  }
  const grantsDerived = await expectGrants(matcher, auditor, events, releases);
  const leftovers = matcher.leftovers(acknowledged, failed, runTag);
  const eventsMatch = {
    events: events.length, acknowledged: acknowledged.length, expected: matcher.expected, matched: matcher.matched, missing: matcher.missing,
    ...leftovers, grantsDerived, positionsChecked, wrongPositions,
  };
  const totals = await checkTotals(world, auditor, events, headAfter);
  const ok = eventsMatch.missing.length === 0 && eventsMatch.unexpected.length === 0 && wrongPositions.length === 0 && totals.mismatches.length === 0 && totals.unreadable.length === 0;
  return { headBefore, headAfter, events: eventsMatch, totals, ok };
}

/**
 * A seat given back goes to the first in line: for each acknowledged release, the class's own stream says whether
 * there was one, and if so the grant and the promoted enrolment's new task are expected of the same command.
 */
async function expectGrants(matcher: EventMatcher, auditor: LoadResult['auditor'], window: LoggedEvent[], releases: Array<{ command: Acknowledged; release: LoggedEvent }>) {
  const streams = new Map<string, LoggedEvent[]>();
  let derived = 0;
  for (const { command, release } of releases) {
    const stream = release.streamId;
    if (!streams.has(stream)) {
      const inWindow = window.filter((e) => e.streamId === stream);
      // A class opened before the run: its whole stream, from the audit API.
      streams.set(stream, inWindow.some((e) => e.revision === 0) ? inWindow : await readStream(auditor, stream));
    }
    const grant = grantAfter(streams.get(stream)!, release);
    if (!grant) continue;
    const classId = (release.data as { classId: string }).classId;
    const consequences: ExpectedEvent[] = [
      { stream: classStream(classId), type: 'SeatGranted', data: { personId: grant.personId }, correlated: false },
      { stream: enrolmentStream(classId, grant.personId), type: 'EnrolmentPromoted', data: { enrolmentId: grant.enrolmentId }, correlated: false },
      { stream: enrolmentStream(classId, grant.personId), type: 'ReviewRequested', data: { kind: 'enrolment-review', subject: { id: grant.enrolmentId } }, correlated: false },
    ];
    for (const expected of consequences) matcher.take(command, expected);
    derived++;
  }
  return derived;
}
