/**
 * The daily statistics: every person's yearly totals recomputed from the events (the same fold `credit_totals`
 * runs, creditTotalDeltas) and compared with the live table. The comparison is made at one consistent point: the
 * table and its checkpoint are read in one repeatable-read snapshot, and only the events up to that checkpoint are
 * folded — so a projection busy catching up is never mistaken for a discrepancy. Also the `statistics_runs` read
 * model of the recorded runs.
 */
import { CREDIT_CATEGORIES, type CreditCategory } from '../events/credit.js';
import { DISCREPANCY_SAMPLES, type Discrepancy, STATISTICS_EVENT_TYPES, type StatisticsComputed, type StatisticsResult } from '../events/statistics.js';
import type { Database, Sql } from '../events/store/database.js';
import { type EventStore, START } from '../events/store/event-store.js';
import { CREDIT_TOTAL_EVENTS, creditTotalDeltas } from './credit-totals.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';

const PAGE = 5_000;
const key = (personId: string, year: number, category: string) => `${personId}|${year}|${category}`;

export async function compareCreditTotals(db: Database, store: EventStore, now: () => string): Promise<StatisticsResult> {
  const startedAt = now();
  const { upTo, live } = await db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const checkpoint = await tx.query<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = 'credit_totals'`);
    const rows = await tx.query<{ person_id: string; year: number; category: string; half_hours: number }>(
      `SELECT person_id, year, category, half_hours FROM credit_totals`,
    );
    return { upTo: checkpoint.rows[0]?.position ?? START, live: rows.rows };
  });

  const fromEvents = new Map<string, { personId: string; year: number; category: CreditCategory; halfHours: number }>();
  let events = 0;
  let after: string = START;
  if (upTo > START) {
    for (;;) {
      const page = await store.readPage({ after, to: upTo, limit: PAGE, filter: { streamPrefixes: ['credit-', 'enrolment-'], eventTypes: CREDIT_TOTAL_EVENTS } });
      events += page.events.length;
      for (const delta of creditTotalDeltas(page.events)) {
        const k = key(delta.personId, delta.year, delta.category);
        const sum = fromEvents.get(k) ?? { ...delta, halfHours: 0 };
        sum.halfHours += delta.halfHours;
        fromEvents.set(k, sum);
      }
      // A filtered page may match nothing yet have scanned on (EventStoreDB): only the checkpoint says where it got to.
      if (page.checkpoint === after || page.checkpoint >= upTo) break;
      after = page.checkpoint;
    }
  }

  const samples: Discrepancy[] = [];
  let discrepancies = 0;
  const note = (d: Discrepancy) => {
    discrepancies += 1;
    if (samples.length < DISCREPANCY_SAMPLES) samples.push(d);
  };
  const seen = new Set<string>();
  for (const row of live) {
    const k = key(row.person_id, row.year, row.category);
    seen.add(k);
    const expected = fromEvents.get(k)?.halfHours ?? 0;
    if (expected !== row.half_hours) note({ personId: row.person_id, year: row.year, category: row.category as CreditCategory, fromEvents: expected, inProjection: row.half_hours });
  }
  for (const [k, sum] of fromEvents) {
    if (!seen.has(k) && sum.halfHours !== 0) note({ personId: sum.personId, year: sum.year, category: sum.category, fromEvents: sum.halfHours, inProjection: 0 });
  }

  const halfHours = Object.fromEntries(CREDIT_CATEGORIES.map((c) => [c, 0])) as Record<CreditCategory, number>;
  const persons = new Set<string>();
  const personYears = new Set<string>();
  for (const sum of fromEvents.values()) {
    if (sum.halfHours === 0) continue;
    halfHours[sum.category] += sum.halfHours;
    persons.add(sum.personId);
    personYears.add(`${sum.personId}|${sum.year}`);
  }
  return { upTo, events, persons: persons.size, personYears: personYears.size, halfHours, discrepancies, samples, startedAt, finishedAt: now() };
}

export interface StatisticsRunRow {
  runId: string;
  trigger: string;
  finishedAt: string;
  discrepancies: number;
  result: StatisticsComputed['data'];
}

export const statisticsRunsProjection: Projection = {
  name: 'statistics_runs',
  version: 1,
  tables: `
    CREATE TABLE IF NOT EXISTS statistics_runs (
      run_id        text COLLATE "C" PRIMARY KEY,
      trigger       text NOT NULL,
      finished_at   text COLLATE "C" NOT NULL,
      discrepancies integer NOT NULL,
      result        jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS statistics_runs_recent ON statistics_runs (finished_at DESC, run_id);`,
  tableNames: ['statistics_runs'],
  filter: { streamPrefixes: ['statistics-'], eventTypes: STATISTICS_EVENT_TYPES },
  async apply(tx, events) {
    const rows = events.map((event) => {
      const data = (event as unknown as StatisticsComputed).data;
      return { run_id: data.runId, trigger: data.trigger, finished_at: data.finishedAt, discrepancies: data.discrepancies, result: data };
    });
    await tx.query(
      `INSERT INTO statistics_runs (run_id, trigger, finished_at, discrepancies, result)
       SELECT run_id, trigger, finished_at, discrepancies, result FROM jsonb_to_recordset($1::jsonb)
         AS r(run_id text, trigger text, finished_at text, discrepancies integer, result jsonb)
       ON CONFLICT (run_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};

const SELECT_RUNS = `SELECT run_id AS "runId", trigger, finished_at AS "finishedAt", discrepancies, result FROM statistics_runs`;

export async function recentStatisticsRuns(sql: Sql, limit: number): Promise<StatisticsRunRow[]> {
  return (await statisticsRunsPage(sql, limit)).items;
}

/** Newest first, with an opaque keyset cursor. */
export async function statisticsRunsPage(sql: Sql, limit: number, cursor?: string): Promise<{ items: StatisticsRunRow[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const { rows } = await sql.query<StatisticsRunRow>(
    `${SELECT_RUNS} ${after ? 'WHERE (finished_at, run_id) < ($2, $3)' : ''} ORDER BY finished_at DESC, run_id DESC LIMIT $1`,
    after ? [limit + 1, after[0], after[1]] : [limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.finishedAt, last.runId]) : null };
}

export async function getStatisticsRun(sql: Sql, runId: string): Promise<StatisticsRunRow | null> {
  const { rows } = await sql.query<StatisticsRunRow>(`${SELECT_RUNS} WHERE run_id = $1`, [runId]);
  return rows[0] ?? null;
}
