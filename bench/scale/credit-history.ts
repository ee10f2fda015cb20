/**
 * A credit record's life, as the person and their unit's reviewers cause it through the API: drafted, evidence
 * attached, submitted to the person's unit (a `credit-review` task), then approved — or rejected with a reason and,
 * usually, edited and submitted again; a few are withdrawn and resubmitted, a few stay drafts, a very few approved
 * ones are revoked by admin. Decisions that would fall after the end of the history stay open in the unit's inbox,
 * with the reminders and escalations their deadlines have produced by then.
 */
import { type CreditDeclaration, type CreditEvent, type CreditRecordState, creditStream } from '../../events/credit.js';
import { chinaDate, chinaYear } from '../../events/vocabulary/index.js';
import { type CreditCommand, creditDecider, creditReviews } from '../../workflows/credits/decider.js';
import { DEFAULT_REVIEW_TIMES } from '../../workflows/kit/reviews.js';
import { DAY, HOUR, type History, MINUTE, type Person } from './history.js';
import { LifecycleInstance } from './lifecycle-instance.js';
import type { Random } from './random.js';
import { course, rejectionReason } from './vocabulary.js';

type CreditRecord = LifecycleInstance<CreditCommand, CreditEvent, CreditRecordState>;

const RULES = { firstYear: 2019 };
const FILES = [
  { filename: '结业证书.pdf', contentType: 'application/pdf' as const },
  { filename: '培训证明.pdf', contentType: 'application/pdf' as const },
  { filename: '学时证明.jpg', contentType: 'image/jpeg' as const },
  { filename: '证书扫描件.png', contentType: 'image/png' as const },
];

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A declaration made at `at`: a course of 1–5 days that ended within the last three weeks, inside its year. */
export function declaration(random: Random, at: number): CreditDeclaration {
  const year = chinaYear(new Date(at));
  const firstDay = `${year}-01-01`;
  let endDate = chinaDate(new Date(at - random.int(0, 20) * DAY));
  if (endDate < firstDay) endDate = chinaDate(new Date(at));
  let startDate = shiftDate(endDate, -(random.pick([1, 1, 1, 1, 2, 2, 3, 5]) - 1));
  if (startDate < firstDay) startDate = firstDay;
  const days = Math.round((Date.parse(endDate) - Date.parse(startDate)) / DAY) + 1;
  const { category, title, mode, organizer } = course(random);
  return {
    year, category, title: category === 'public' ? `${year}年度${title}` : title, mode, ...(organizer ? { organizer } : {}),
    startDate, endDate, halfHours: days * random.pick([4, 8, 12, 16]),
  };
}

function attach(history: History, record: CreditRecord, person: Person, at: number): void {
  const file = history.random.pick(FILES);
  const attachment = { attachmentId: history.random.uuid(), ...file, size: history.random.int(40_000, 3_000_000), sha256: history.random.hex(32) };
  const correlationId = history.correlationId(at);
  record.command(at, { type: 'attach', addition: { attachment, actor: person.actor, correlationId } }, person.actor, correlationId);
}

/** Starts a record at `at` and schedules the person's next one. */
export function startRecord(history: History, person: Person, at: number): void {
  const { random, timeline } = history;
  history.records++;
  const next = person.recordTimes[person.nextRecord++];
  if (next !== undefined) timeline.at(next, (later) => startRecord(history, person, later));

  const recordId = random.uuid();
  const record: CreditRecord = new LifecycleInstance(creditDecider, creditReviews, history.log, random, recordId, creditStream(recordId));
  const correlationId = history.correlationId(at);
  record.command(at, { type: 'create', creation: { personId: person.personId, declaration: declaration(random, at), rules: RULES, actor: person.actor, correlationId } }, person.actor, correlationId);
  let t = at + random.int(1, 15) * MINUTE;
  timeline.at(t, (now) => attach(history, record, person, now));
  if (random.chance(0.15)) {
    t += random.int(1, 5) * MINUTE;
    timeline.at(t, (now) => attach(history, record, person, now));
  }
  if (random.chance(0.03)) return; // left as a draft
  const submitAt = t + (random.chance(0.8) ? random.int(2, 60) * MINUTE : random.int(1, 10) * DAY);
  if (submitAt <= history.end) timeline.at(submitAt, (now) => submit(history, record, person, now));
}

function submit(history: History, record: CreditRecord, person: Person, at: number): void {
  const { random, timeline } = history;
  const unit = person.currentUnit!;
  const correlationId = history.correlationId(at);
  const submission = { unit: { unitId: unit.orgId, name: unit.name }, person: { name: person.name, idNumberMasked: person.idNumberMasked }, overlaps: [], actor: person.actor, correlationId };
  record.command(at, { type: 'submit', submission }, person.actor, correlationId);

  const decideAt = at + Math.min(random.exponential(unit.creditReviewDays * DAY), 45 * DAY) + 5 * MINUTE;
  // The host's timers: a reminder when the due date passes undecided, an escalation to admin later still.
  for (const after of [DEFAULT_REVIEW_TIMES.remindAfterMs, DEFAULT_REVIEW_TIMES.escalateAfterMs]) {
    if (at + after < Math.min(decideAt, history.end)) timeline.at(at + after, (now) => record.remind(now));
  }
  if (random.chance(0.01)) {
    const withdrawAt = at + random.int(1, 24) * HOUR;
    if (withdrawAt < Math.min(decideAt, history.end)) {
      timeline.at(withdrawAt, (now) => {
        const id = history.correlationId(now);
        record.command(now, { type: 'withdraw' }, person.actor, id);
        const again = now + random.int(1, 3) * DAY;
        if (again <= history.end && random.chance(0.5)) timeline.at(again, (later) => submit(history, record, person, later));
      });
      return;
    }
  }
  if (decideAt > history.end) return; // open in the unit's inbox
  timeline.at(decideAt, (now) => {
    const id = history.correlationId(now);
    if (random.chance(0.06)) {
      record.decide(now, 'reject', unit.reviewer, id, rejectionReason(random));
      const againAt = now + random.int(1, 5) * DAY + random.int(0, 600) * MINUTE;
      if (againAt <= history.end && random.chance(0.7)) timeline.at(againAt, (later) => resubmit(history, record, person, later));
      return;
    }
    record.decide(now, 'approve', unit.reviewer, id);
    const revokeAt = now + random.int(10, 100) * DAY;
    if (revokeAt <= history.end && random.chance(0.002)) {
      timeline.at(revokeAt, (later) => {
        const revokeId = history.correlationId(later);
        record.command(later, { type: 'revoke', revocation: { reason: '证明材料经核查不实', actor: history.admin, correlationId: revokeId } }, history.admin, revokeId);
      });
    }
  });
}

/** After a rejection: half correct the declaration first, then submit again. */
function resubmit(history: History, record: CreditRecord, person: Person, at: number): void {
  const previous = record.state.declaration!;
  if (history.random.chance(0.5)) {
    const id = history.correlationId(at);
    const corrected = { ...previous, halfHours: Math.max(2, previous.halfHours - 4) };
    record.command(at, { type: 'edit', edit: { declaration: corrected, rules: RULES, actor: person.actor, correlationId: id } }, person.actor, id);
  }
  history.timeline.at(at + history.random.int(1, 10) * MINUTE, (later) => submit(history, record, person, later));
}
