/**
 * Reconciliation (b): the credit totals read model against a fold of the log. The fold is written here from the rule
 * (DOMAIN.md, projections/credit-totals.ts): per person, year and category, an approved record adds its half-hours, a
 * revoked one takes them away, a completed class adds its hours to each attendee in the year it started. Each run
 * person's totals are then read back through the API — `GET /me/credit-summary?year=` for every year they touched,
 * and the unit's view of its members (`GET /units/{id}/members`, this year) — with `?after=` the log's head, so the
 * projection has seen every event folded.
 */
import type { LoggedEvent } from './audit-log.js';
import { RequestFailed } from './http.js';
import { chinaToday } from './identities.js';
import type { Session } from './session.js';
import type { World } from './world.js';

type Category = 'public' | 'professional' | 'elective';
export type ByCategory = Record<Category, number>;

export interface Mismatch {
  personId: string;
  year: number;
  view: 'GET /me/credit-summary' | 'GET /units/{id}/members';
  /** Hours, as the API speaks them. */
  folded: ByCategory;
  read: ByCategory;
}

export interface TotalsCheck {
  /** How many events of each kind the fold took (approvals, revocations, completed classes). */
  folded: Record<string, number>;
  persons: number;
  summariesCompared: number;
  membersCompared: number;
  mismatches: Mismatch[];
  /** Reads that failed even after retrying (a 503 while the projection catches up, say). */
  unreadable: string[];
}

const SIGN: Record<string, number> = { CreditRecordApproved: 1, CreditRecordRevoked: -1, EnrolmentCompleted: 1 };
const zero = (): ByCategory => ({ public: 0, professional: 0, elective: 0 });

/** personId → year → half-hours per category, from the events alone. */
export function foldTotals(events: LoggedEvent[]): Map<string, Map<number, ByCategory>> {
  const totals = new Map<string, Map<number, ByCategory>>();
  for (const event of events) {
    const sign = SIGN[event.type];
    if (!sign) continue;
    const { personId, year, category, halfHours } = event.data as { personId: string; year: number; category: Category; halfHours: number };
    const years = totals.get(personId) ?? new Map<number, ByCategory>();
    const hours = years.get(year) ?? zero();
    hours[category] += sign * halfHours;
    years.set(year, hours);
    totals.set(personId, years);
  }
  return totals;
}

const asHours = (h: ByCategory): ByCategory => ({ public: h.public / 2, professional: h.professional / 2, elective: h.elective / 2 });
const same = (a: ByCategory, b: ByCategory) => a.public === b.public && a.professional === b.professional && a.elective === b.elective;

export async function checkTotals(world: World, auditor: Session, events: LoggedEvent[], head: string | undefined): Promise<TotalsCheck> {
  const folded = foldTotals(events);
  const after = head ? `&after=${encodeURIComponent(head)}` : '';
  const thisYear = Number(chinaToday().slice(0, 4));
  const counted = (type: string) => events.filter((e) => e.type === type).length;
  const check: TotalsCheck = { folded: Object.fromEntries(Object.keys(SIGN).map((type) => [type, counted(type)])), persons: 0, summariesCompared: 0, membersCompared: 0, mismatches: [], unreadable: [] };
  const of = (personId: string, year: number) => asHours(folded.get(personId)?.get(year) ?? zero());

  const summaries = [...world.persons.values()].flatMap((person) => {
    const years = new Set([thisYear, ...person.records.map((r) => r.year), ...(folded.get(person.personId)?.keys() ?? [])]);
    return [...years].map((year) => ({ person, year }));
  });
  check.persons = world.persons.size;
  await inBatches(summaries, 8, async ({ person, year }) => {
    const read = await retried(check, `summary ${person.personId} ${year}`, () =>
      person.session.call<{ completed: ByCategory }>('GET /me/credit-summary', `/me/credit-summary?year=${year}${after}`),
    );
    if (!read) return;
    check.summariesCompared++;
    const expected = of(person.personId, year);
    if (!same(read.body.completed, expected)) check.mismatches.push({ personId: person.personId, year, view: 'GET /me/credit-summary', folded: expected, read: pick(read.body.completed) });
  });

  for (const unit of world.approvedUnits()) {
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ personId: string; progress: (ByCategory & { year: number }) | null }>; nextCursor: string | null } } | undefined = await retried(
        check, `members of ${unit.orgId}`, () =>
          auditor.call('GET /units/{id}/members', `/units/${unit.orgId}/members?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : after}`),
      );
      if (!page) break;
      for (const member of page.body.items) {
        if (!world.persons.has(member.personId) || !member.progress) continue;
        check.membersCompared++;
        const expected = of(member.personId, member.progress.year);
        if (!same(member.progress, expected)) check.mismatches.push({ personId: member.personId, year: member.progress.year, view: 'GET /units/{id}/members', folded: expected, read: pick(member.progress) });
      }
      cursor = page.body.nextCursor;
    } while (cursor);
  }
  return check;
}

const pick = (h: ByCategory): ByCategory => ({ public: h.public, professional: h.professional, elective: h.elective });

/** A read retried on a 503 (a projection still catching up within the API's bounded wait). */
async function retried<T>(check: TotalsCheck, what: string, read: () => Promise<T>): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
      if (error.status !== 503 || attempt >= 4) {
        check.unreadable.push(`${what}: ${error.message.slice(0, 200)}`);
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}
