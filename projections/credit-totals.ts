/**
 * credit_totals: approved hours per person × year × category (DOMAIN.md) — the number certificates, summaries and
 * the daily statistics run are about. An approval adds the record's hours, a revocation takes them away again; later
 * sources (completed classes) add theirs the same way. The fold is exported as deltas so a replay or the statistics run
 * can recompute the totals from the events alone.
 */
import { CREDIT_CATEGORIES, type CreditCategory, type CreditEvent } from '../events/credit.js';
import type { EnrolmentEvent } from '../events/enrolment.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import type { Projection } from './projection.js';

export type Totals = Record<CreditCategory, number>;

export interface TotalDelta {
  personId: string;
  year: number;
  category: CreditCategory;
  halfHours: number;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS credit_totals (
  person_id  text COLLATE "C" NOT NULL,
  year       integer NOT NULL,
  category   text NOT NULL,
  half_hours integer NOT NULL,
  PRIMARY KEY (person_id, year, category)
);`;

/** Approved records add, revoked ones take away, completed classes add for each attendee. */
export const CREDIT_TOTAL_EVENTS: Array<CreditEvent['type'] | EnrolmentEvent['type']> = ['CreditRecordApproved', 'CreditRecordRevoked', 'EnrolmentCompleted'];

/** The fold, pure: what each event adds to a person's year and category (summed per key). */
export function creditTotalDeltas(events: Array<Pick<RecordedEvent, 'type' | 'data'>>): TotalDelta[] {
  const sums = new Map<string, TotalDelta>();
  for (const event of events) {
    const typed = event as CreditEvent | EnrolmentEvent;
    if (typed.type !== 'CreditRecordApproved' && typed.type !== 'CreditRecordRevoked' && typed.type !== 'EnrolmentCompleted') continue;
    const { personId, year, category, halfHours } = typed.data;
    const sign = typed.type === 'CreditRecordRevoked' ? -1 : 1;
    const key = `${personId}|${year}|${category}`;
    const sum = sums.get(key) ?? { personId, year, category, halfHours: 0 };
    sum.halfHours += sign * halfHours;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

export const creditTotalsProjection: Projection = {
  name: 'credit_totals',
  // 2: completed classes count too.
  version: 2,
  tables: TABLES,
  tableNames: ['credit_totals'],
  filter: { streamPrefixes: ['credit-', 'enrolment-'], eventTypes: CREDIT_TOTAL_EVENTS },
  async apply(tx, events) {
    const deltas = creditTotalDeltas(events);
    if (deltas.length === 0) return;
    await tx.query(
      `INSERT INTO credit_totals (person_id, year, category, half_hours)
       SELECT "personId", year, category, "halfHours" FROM jsonb_to_recordset($1::jsonb) AS d("personId" text, year integer, category text, "halfHours" integer)
       ON CONFLICT (person_id, year, category) DO UPDATE SET half_hours = credit_totals.half_hours + EXCLUDED.half_hours`,
      [JSON.stringify(deltas)],
    );
  },
};

const zero = (): Totals => ({ public: 0, professional: 0, elective: 0 });

/** A person's approved half-hours of one year, per category. */
export async function totalsOf(sql: Sql, personId: string, year: number): Promise<Totals> {
  return (await totalsOfMany(sql, [personId], year)).get(personId) ?? zero();
}

/** Several people's half-hours of one year (a unit's member list). */
export async function totalsOfMany(sql: Sql, personIds: string[], year: number): Promise<Map<string, Totals>> {
  const { rows } = await sql.query<{ person_id: string; category: string; half_hours: number }>(
    `SELECT person_id, category, half_hours FROM credit_totals WHERE person_id = ANY($1) AND year = $2`,
    [personIds, year],
  );
  const totals = new Map<string, Totals>(personIds.map((id) => [id, zero()]));
  for (const row of rows) {
    if ((CREDIT_CATEGORIES as readonly string[]).includes(row.category)) totals.get(row.person_id)![row.category as CreditCategory] = row.half_hours;
  }
  return totals;
}

/** One person's half-hours of every year they have any, per category. */
export async function totalsByYear(sql: Sql, personId: string): Promise<Map<number, Totals>> {
  const { rows } = await sql.query<{ year: number; category: string; half_hours: number }>(
    `SELECT year, category, half_hours FROM credit_totals WHERE person_id = $1`,
    [personId],
  );
  const totals = new Map<number, Totals>();
  for (const row of rows) {
    if (!(CREDIT_CATEGORIES as readonly string[]).includes(row.category)) continue;
    const year = totals.get(row.year) ?? zero();
    year[row.category as CreditCategory] = row.half_hours;
    totals.set(row.year, year);
  }
  return totals;
}
