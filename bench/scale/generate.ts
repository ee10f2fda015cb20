/**
 * The generator: a province's history from the first admin to "now", in time order, straight into the events table
 * (and the accounts' password rows into credentials). Units register in the first quarter and admin approves them;
 * professionals register through the following years (most soon after their unit), bind to their unit, and declare
 * credit records until the event budget is spent — with a year-end rush each year. One unit is the big one: exactly
 * `bigUnitMembers` confirmed members and reviewers behind on their inbox.
 */
import { chinaYear } from '../../events/vocabulary/index.js';
import { CopyWriter } from './copy-writer.js';
import { startRecord } from './credit-history.js';
import { EventLog } from './event-log.js';
import { DAY, HOUR, type History, MINUTE, type Person, type Unit, correlationId } from './history.js';
import { scheduleAdmin, scheduleUnit } from './org-history.js';
import { schedulePerson } from './person-history.js';
import { type Random, seededRandom } from './random.js';
import { Timeline } from './timeline.js';
import { personName, unitName, uscc } from './vocabulary.js';

export interface Shape {
  persons: number;
  units: number;
  events: number;
  bigUnitMembers: number;
  seed: number;
}

/** What the measurements need to know about the generated world. */
export interface Manifest {
  shape: Shape;
  start: string;
  end: string;
  events: number;
  appends: number;
  records: number;
  types: Record<string, number>;
  bigUnit: { orgId: string; reviewerAccountId: string; name: string };
  /** Persons spread over the whole population, for the summary requests. */
  persons: Array<{ personId: string; accountId: string }>;
  unitNames: string[];
}

/** Events a person's registration and binding append on average, and a credit record's (measured at 10% scale). */
const EVENTS_PER_PERSON = 9.25;
const EVENTS_PER_UNIT = 8;
const EVENTS_PER_RECORD = 6.26;

function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

/** The end of the China-time year an instant falls in (Dec 31, 24:00 in Guangzhou). */
const yearEnd = (at: number) => Date.UTC(chinaYear(new Date(at)), 11, 31, 16);

export async function generate(shape: Shape, url: string, passwordHash: string, onProgress: (line: string) => void): Promise<{ manifest: Manifest; copiedBytes: number }> {
  const random = seededRandom(shape.seed);
  const writer = new CopyWriter(url, 10_000);
  const log = new EventLog(random, writer);
  const timeline = new Timeline();
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - HOUR;
  const start = Date.UTC(chinaYear(new Date(end)) - 2, 0, 5);

  const units: Unit[] = Array.from({ length: shape.units }, (_, index) => {
    const { name, regionCode } = unitName(random);
    const registerAt = index === 0 ? start + HOUR : start + random.next() * 90 * DAY;
    const orgId = random.uuid();
    return {
      index, orgId, name, regionCode, uscc: uscc(index, regionCode), reviewer: { id: random.uuid(), role: 'unit', orgId },
      reviewerUsername: `dw${index.toString(36).padStart(5, '0')}`, contactName: personName(random),
      registerAt, approveAt: registerAt + Math.min(random.exponential(1.5 * DAY), 5.5 * DAY) + 10 * MINUTE,
      creditReviewDays: index === 0 ? 12 : Math.min(0.5 + random.exponential(1.5), 6), big: index === 0,
    };
  });
  // Unit sizes are heavy-tailed (log-normal weights): most have a few dozen professionals, some a thousand.
  const weights = new Float64Array(units.length);
  for (let u = 1; u < units.length; u++) weights[u] = weights[u - 1]! + Math.exp(1.1 * random.normal());
  const pickOtherUnit = (): Unit => {
    const ticket = random.next() * weights[units.length - 1]!;
    let lo = 1;
    let hi = units.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (weights[mid]! < ticket) lo = mid + 1;
      else hi = mid;
    }
    return units[lo]!;
  };

  const unitOf = new Int32Array(shape.persons);
  const registerAt = new Float64Array(shape.persons);
  for (let i = 0; i < shape.persons; i++) {
    const unit = i < shape.bigUnitMembers ? units[0]! : pickOtherUnit();
    const base = unit.approveAt + DAY + random.next() * 12 * HOUR;
    unitOf[i] = unit.index;
    registerAt[i] = unit.big
      ? Math.min(base + random.exponential(20 * DAY), end - 60 * DAY)
      : Math.min(random.chance(0.7) ? base + random.exponential(45 * DAY) : base + random.next() * (end - base), end - HOUR);
  }
  const order = Uint32Array.from({ length: shape.persons }, (_, i) => i).sort((a, b) => registerAt[a]! - registerAt[b]!);

  const fixed = shape.persons * EVENTS_PER_PERSON + shape.units * EVENTS_PER_UNIT + 3;
  const sampleEvery = Math.max(1, Math.floor(shape.persons / 5000));
  const sampled: Manifest['persons'] = [];
  const history: History = {
    random, log, timeline, end, passwordHash, units, pickOtherUnit, correlationId, records: 0,
    admin: { id: '', role: 'admin' },
    recordsPerPerson: Math.max(0, (shape.events - fixed) / (shape.persons * EVENTS_PER_RECORD)),
    onBound(person: Person, at: number) {
      const times: number[] = [];
      for (let k = poisson(random, history.recordsPerPerson); k > 0; k--) {
        let t = at + DAY + random.next() * (end - at - DAY);
        // The year-end rush: four in ten records are declared in the last two months of their year.
        if (random.chance(0.4)) {
          const rushed = yearEnd(t) - random.next() * 60 * DAY;
          if (rushed >= at + DAY && rushed <= end) t = rushed;
        }
        if (t <= end) times.push(t);
      }
      times.sort((a, b) => a - b);
      person.recordTimes = times;
      person.nextRecord = 1;
      if (times.length > 0) timeline.at(times[0]!, (now) => startRecord(history, person, now));
    },
  };
  history.admin = scheduleAdmin(history, start - DAY);
  for (const unit of units) scheduleUnit(history, unit);

  const began = performance.now();
  let reported = began;
  let next = 0;
  for (;;) {
    if (next < order.length && registerAt[order[next]!]! <= timeline.peek()) {
      const index = order[next++]!;
      const person = schedulePerson(history, index, units[unitOf[index]!]!, registerAt[index]!);
      if (index % sampleEvery === 0) sampled.push({ personId: person.personId, accountId: person.accountId });
      continue;
    }
    if (!timeline.step()) break;
    if (writer.full) {
      await writer.flush();
      const now = performance.now();
      if (now - reported > 15_000) {
        reported = now;
        const seconds = (now - began) / 1000;
        onProgress(`  generated ${log.events.toLocaleString('en-US')} events (${Math.round(log.events / seconds).toLocaleString('en-US')}/s), history at ${new Date(timeline.now).toISOString().slice(0, 10)}, ${timeline.size.toLocaleString('en-US')} actions pending`);
      }
    }
  }
  await writer.close();

  const manifest: Manifest = {
    shape, start: new Date(start).toISOString(), end: new Date(end).toISOString(), events: log.events, appends: log.appends, records: history.records,
    types: Object.fromEntries([...log.types.entries()].sort((a, b) => b[1] - a[1])),
    bigUnit: { orgId: units[0]!.orgId, reviewerAccountId: units[0]!.reviewer.id, name: units[0]!.name },
    persons: sampled,
    unitNames: units.filter((u) => u.index % Math.max(1, Math.floor(units.length / 200)) === 0).map((u) => u.name),
  };
  return { manifest, copiedBytes: writer.bytes };
}
