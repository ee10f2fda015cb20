/**
 * `npm run bench`: event-store and projection rates on PGlite (file-backed, as `npm start` runs it) and on the
 * machine's PostgreSQL, each beside a raw-SQL baseline doing the same inserts and reads in the same run, printed
 * as a ratio. Figures, never pass/fail.
 *
 * Baselines:
 *  - single append: the least an optimistic-concurrency append must do in plain SQL — read the stream head, then
 *    INSERT the row at head+1 (the "OCC append" of reference/eventstore.md §4), same columns, same payload;
 *  - batched append: the same with 100 rows in one multi-row INSERT;
 *  - readAll: keyset pages of 1000 over the same rows ordered by the serial;
 *  - catch-up: what a correct hand-written catch-up of stream_catalog must do, over the same `events` rows the runner
 *    reads — pages of 500 in the store's global order (transaction id, position) below the snapshot xmin (never skip
 *    a late commit, DESIGN.md §3), only the columns stream_catalog folds, then its upsert (same table and index) and
 *    the checkpoint in one transaction. The runner does the same through its general machinery (per-projection
 *    checkpoints and transactions, header-only reads). Fresh runner and tables per round, best of seven rounds
 *    each, which side goes first alternating (a round takes a tenth of a second, so one busy moment on a shared
 *    machine decides a single run).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchPostgresDatabase } from '../tests/support/scratch-postgres.js';
import { type Database, openDatabase } from '../events/store/database.js';
import type { EventStore, NewEvent } from '../events/store/event-store.js';
import { eventHash } from '../events/store/hash-chain.js';
import { createPostgresEventStore } from '../events/store/postgres-event-store.js';
import { createProjectionRunner } from '../projections/runner.js';
import { streamCatalog } from '../projections/stream-catalog.js';

const SINGLE = Number(process.env.BENCH_SINGLE ?? 1500);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 60);
const BATCH_SIZE = 100;
const CATCH_UP_ROUNDS = 7;
const PER_STREAM = 10;

const RAW_DDL = `
CREATE TABLE raw_events (
  global_position bigserial NOT NULL, transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, stream_revision bigint NOT NULL, event_id uuid NOT NULL UNIQUE, event_type text NOT NULL,
  data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at text NOT NULL, prev_hash text, hash text NOT NULL,
  PRIMARY KEY (stream_id, stream_revision));
CREATE INDEX raw_events_global_order ON raw_events (transaction_id, global_position);`;

/** Fresh per round, like the runner's tables; the same table and index as stream_catalog. */
const RAW_CATCH_UP_DDL = `
DROP TABLE IF EXISTS raw_catalog, raw_checkpoint;
CREATE TABLE raw_catalog (stream_id text PRIMARY KEY, kind text NOT NULL, revision bigint NOT NULL, event_count bigint NOT NULL,
  last_event_type text NOT NULL, last_recorded_at text NOT NULL, last_position text NOT NULL);
CREATE INDEX raw_catalog_kind ON raw_catalog (kind, stream_id);
CREATE TABLE raw_checkpoint (name text PRIMARY KEY, position text NOT NULL);`;

const payload = (i: number) => ({
  personId: crypto.randomUUID(),
  title: '2026年度专业技术人员公需科目培训',
  category: 'public',
  hours: String(8 + (i % 4) / 2),
  startDate: '2026-03-01',
  endDate: '2026-03-02',
});
const metadata = { actor: { id: 'bench', role: 'person' }, correlationId: 'bench' };
const newEvent = (i: number): NewEvent => ({ eventId: crypto.randomUUID(), type: 'CreditRecordSubmitted', data: payload(i), metadata });

interface Row {
  metric: string;
  engine: string;
  adapter: number;
  raw: number;
  unit: string;
}
const rows: Row[] = [];

async function timed(fn: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const count = await fn();
  return count / ((performance.now() - started) / 1000);
}

/** Seconds taken by `fn`. */
async function elapsed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

/** The best rate of `n` runs: reads repeat without side effects, so the best run is the least disturbed one. */
async function bestOf(n: number, fn: () => Promise<number>): Promise<number> {
  let best = 0;
  for (let i = 0; i < n; i++) best = Math.max(best, await timed(fn));
  return best;
}

/** Raw rows carry a real hash too, so both sides store the same bytes. */
function rawRecord(streamId: string, revision: number, event: NewEvent, prevHash: string | null) {
  const recordedAt = new Date().toISOString();
  const hash = eventHash({ streamId, revision: BigInt(revision), eventId: event.eventId, type: event.type, recordedAt, data: event.data, metadata, prevHash });
  return { stream_revision: revision, event_id: event.eventId, event_type: event.type, data: event.data, metadata, recorded_at: recordedAt, prev_hash: prevHash, hash };
}

async function rawAppend(db: Database, streamId: string, events: NewEvent[]) {
  await db.transaction(async (tx) => {
    const head = (await tx.query<{ r: string | null; h: string | null }>(
      `SELECT stream_revision::text AS r, hash AS h FROM raw_events WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1`,
      [streamId],
    )).rows[0];
    let revision = head ? Number(head.r) + 1 : 0;
    let prev = head?.h ?? null;
    const records = events.map((event) => {
      const record = rawRecord(streamId, revision++, event, prev);
      prev = record.hash;
      return record;
    });
    await tx.query(
      `INSERT INTO raw_events (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, prev_hash, hash)
       SELECT $1, r.stream_revision, r.event_id, r.event_type, r.data, r.metadata, r.recorded_at, r.prev_hash, r.hash
       FROM jsonb_to_recordset($2::jsonb) AS r(stream_revision bigint, event_id uuid, event_type text, data jsonb,
         metadata jsonb, recorded_at text, prev_hash text, hash text)`,
      [streamId, JSON.stringify(records)],
    );
  });
}

/** The raw catch-up loop (see the header): resolves to the number of events applied. */
async function rawCatchUp(db: Database): Promise<number> {
  let after = ['0', '0'];
  let count = 0;
  for (;;) {
    const { rows: page } = await db.query<Record<string, string>>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position, e.stream_id,
         e.stream_revision::text AS stream_revision, e.event_type, e.recorded_at
       FROM events e
       WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e.transaction_id, e.global_position LIMIT 500`,
      after,
    );
    if (page.length === 0) return count;
    const position = (r: Record<string, string>) => `${r.transaction_id!.padStart(20, '0')}:${r.global_position!.padStart(20, '0')}`;
    const byStream = new Map(page.map((r) => [r.stream_id!, r]));
    const counts = new Map<string, number>();
    for (const r of page) counts.set(r.stream_id!, (counts.get(r.stream_id!) ?? 0) + 1);
    const records = [...byStream.values()].map((r) => ({
      stream_id: r.stream_id, kind: 'credit', revision: r.stream_revision, event_count: counts.get(r.stream_id!),
      last_event_type: r.event_type, last_recorded_at: r.recorded_at, last_position: position(r),
    }));
    const last = page[page.length - 1]!;
    after = [last.transaction_id!, last.global_position!];
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO raw_catalog AS c SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text, kind text, revision bigint,
           event_count bigint, last_event_type text, last_recorded_at text, last_position text)
         ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, event_count = c.event_count + EXCLUDED.event_count,
           last_event_type = EXCLUDED.last_event_type, last_recorded_at = EXCLUDED.last_recorded_at, last_position = EXCLUDED.last_position`,
        [JSON.stringify(records)],
      );
      await tx.query(`INSERT INTO raw_checkpoint VALUES ('raw', $1) ON CONFLICT (name) DO UPDATE SET position = $1`, [position(last)]);
    });
    count += page.length;
  }
}

async function benchEngine(engine: string, db: Database, store: EventStore) {
  await db.exec(RAW_DDL);
  const stream = (i: number) => `credit-${Math.floor(i / PER_STREAM)}-${engine}`;

  // Raw and adapter alternate in rounds, so table growth and machine noise fall on both sides alike.
  const ROUNDS = 5;
  const single = { raw: 0, adapter: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const from = (SINGLE / ROUNDS) * round;
    const to = from + SINGLE / ROUNDS;
    single.raw += await elapsed(async () => {
      for (let i = from; i < to; i++) await rawAppend(db, `raw-${stream(i)}`, [newEvent(i)]);
    });
    single.adapter += await elapsed(async () => {
      for (let i = from; i < to; i++) {
        const expectedRevision = i % PER_STREAM === 0 ? 'no_stream' : BigInt((i % PER_STREAM) - 1);
        await store.append(stream(i), [newEvent(i)], { expectedRevision });
      }
    });
  }
  rows.push({ metric: 'append, 1 event per call', engine, adapter: SINGLE / single.adapter, raw: SINGLE / single.raw, unit: 'events/s' });

  const batch = () => Array.from({ length: BATCH_SIZE }, (_, i) => newEvent(i));
  const batched = { raw: 0, adapter: 0 };
  for (let b = 0; b < BATCHES; b++) {
    batched.raw += await elapsed(() => rawAppend(db, `raw-batch-${b}-${engine}`, batch()));
    batched.adapter += await elapsed(async () => {
      await store.append(`batch-${b}-${engine}`, batch(), { expectedRevision: 'no_stream' });
    });
  }
  const batchedEvents = BATCHES * BATCH_SIZE;
  rows.push({ metric: `append, ${BATCH_SIZE} events per call`, engine, adapter: batchedEvents / batched.adapter, raw: batchedEvents / batched.raw, unit: 'events/s' });

  // Both tables with planner statistics, so neither side's reads depend on when autovacuum last analysed it.
  await db.exec(`ANALYZE events; ANALYZE raw_events;`);
  const total = SINGLE + BATCHES * BATCH_SIZE;
  const readRaw = await bestOf(3, async () => {
    let after = 0;
    let count = 0;
    for (;;) {
      const { rows: page } = await db.query<{ global_position: string }>(
        // `e.` everywhere: an unqualified ORDER BY would bind to the text alias and sort "10" before "9".
        `SELECT e.global_position::text AS global_position, e.transaction_id::text, e.stream_id, e.stream_revision::text,
           e.event_id::text, e.event_type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash
         FROM raw_events e WHERE e.global_position > $1 ORDER BY e.global_position LIMIT 1000`,
        [after],
      );
      if (page.length === 0) return count;
      count += page.length;
      after = Number(page[page.length - 1]!.global_position);
    }
  });
  const readAdapter = await bestOf(3, async () => {
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const page = await store.readAll({ after, limit: 1000 });
      if (page.length === 0) return count;
      count += page.length;
      after = page[page.length - 1]!.position;
    }
  });
  rows.push({ metric: `readAll, pages of 1000 (${total} events)`, engine, adapter: readAdapter, raw: readRaw, unit: 'events/s' });

  const catchUp = { raw: 0, adapter: 0 };
  const raw = async () => {
    await db.exec(RAW_CATCH_UP_DDL);
    catchUp.raw = Math.max(catchUp.raw, await timed(() => rawCatchUp(db)));
  };
  const adapter = async () => {
    await db.exec(`DROP TABLE IF EXISTS stream_catalog, projection_checkpoints;`);
    const runner = createProjectionRunner({ db, store, projections: [streamCatalog], batchSize: 500 });
    await runner.init();
    catchUp.adapter = Math.max(catchUp.adapter, await timed(() => runner.catchUp()));
  };
  // Whichever side runs second in a round was measurably slower here, so the order alternates.
  for (let round = 0; round < CATCH_UP_ROUNDS; round++) {
    for (const side of round % 2 ? [raw, adapter] : [adapter, raw]) await side();
  }
  rows.push({ metric: 'projection catch-up (stream_catalog, batches of 500)', engine, adapter: catchUp.adapter, raw: catchUp.raw, unit: 'events/s' });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-bench-'));
  try {
    const lite = await openDatabase({ engine: 'pglite', dataDir: path.join(tmp, 'pg') });
    await benchEngine('PGlite (file)', lite, await createPostgresEventStore(lite));
    await lite.close();

    const scratch = await createScratchPostgresDatabase('jxjy_bench');
    try {
      const server = await openDatabase({ engine: 'postgres', url: scratch.url, poolSize: 4 });
      await benchEngine('PostgreSQL', server, await createPostgresEventStore(server));
      await server.close();
    } finally {
      await scratch.drop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`\njxjy bench — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} cores\n`);
  console.log('| metric | engine | adapter | raw SQL baseline | ratio |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.metric} | ${r.engine} | ${fmt(r.adapter)} ${r.unit} | ${fmt(r.raw)} ${r.unit} | ${(r.adapter / r.raw * 100).toFixed(0)}% |`);
  }
}

await main();
