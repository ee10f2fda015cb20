/**
 * `npm run bench` (fifth part): auditors' tools at 100,000 events on PostgreSQL. Figures, never pass/fail.
 *  - verification: `verifyLog` (every hash recomputed from the canonical JSON of the stored row, every link checked,
 *    one pass in global order) beside a raw SHA-256 pass over the same rows — the same pages read with plain SQL and
 *    each row's stored JSON text hashed once, nothing canonicalised or compared;
 *  - replay: credit_totals rebuilt as of the head into a scratch schema (what `POST /audit/replays` runs) beside the
 *    projection's own catch-up from the start in the live schema, same events.
 */
import crypto from 'node:crypto';
import { createScratchPostgresDatabase } from '../tests/support/scratch-postgres.js';
import { openDatabase } from '../events/store/database.js';
import type { NewEvent } from '../events/store/event-store.js';
import { createPostgresEventStore } from '../events/store/postgres-event-store.js';
import { verifyLog } from '../events/store/verify-log.js';
import { buildProjectionAsOf } from '../projections/as-of.js';
import { creditTotalsProjection } from '../projections/credit-totals.js';
import { createProjectionRunner } from '../projections/runner.js';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000);
const PER_STREAM = 5;
const CATEGORIES = ['public', 'professional', 'elective'] as const;

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

async function main() {
  const scratch = await createScratchPostgresDatabase('jxjy_bench');
  const db = await openDatabase({ engine: 'postgres', url: scratch.url, poolSize: 4 });
  try {
    const store = await createPostgresEventStore(db);
    const people = Array.from({ length: 2_000 }, () => crypto.randomUUID());
    for (let s = 0; s < EVENTS / PER_STREAM; s++) {
      const events: NewEvent[] = Array.from({ length: PER_STREAM }, (_, i) => ({
        eventId: crypto.randomUUID(),
        type: 'CreditRecordApproved',
        data: { recordId: `r${s}`, personId: people[(s * 7 + i) % people.length], year: 2020 + (s % 7), category: CATEGORIES[(s + i) % 3], halfHours: 2 + (i % 8), approvedBy: 'bench', approvedAt: '2026-03-01T00:00:00.000Z' },
        metadata: { actor: { id: 'bench', role: 'unit', orgId: 'bench-unit' }, correlationId: `bench-${s}`, schemaVersion: 1 },
      }));
      await store.append(`credit-bench-${s}`, events, { expectedRevision: 'no_stream' });
    }

    const verified = await timed(() => verifyLog(store));
    const raw = await timed(async () => {
      // The store's own global order and index: (transaction id, serial).
      let after: [string, string] = ['0', '0'];
      let count = 0;
      for (;;) {
        const { rows } = await db.query<{ xid: string; serial: string; body: string }>(
          `SELECT transaction_id::text AS xid, global_position::text AS serial,
             stream_id || stream_revision::text || event_id::text || event_type || recorded_at || data::text || metadata::text || coalesce(prev_hash, '') AS body
           FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) ORDER BY transaction_id, global_position LIMIT 1000`,
          after,
        );
        for (const row of rows) crypto.createHash('sha256').update(row.body, 'utf8').digest('hex');
        count += rows.length;
        if (rows.length < 1000) return count;
        after = [rows.at(-1)!.xid, rows.at(-1)!.serial];
      }
    });

    const head = await store.headPosition();
    const replay = await timed(() => buildProjectionAsOf(db, store, creditTotalsProjection, { schema: 'bench_replay', to: head }));
    const runner = createProjectionRunner({ db, store, projections: [creditTotalsProjection] });
    await runner.init();
    const catchUp = await timed(() => runner.catchUp());
    await runner.stop();

    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
    console.log(`\njxjy bench (auditors' tools, ${EVENTS.toLocaleString('en')} events in ${(EVENTS / PER_STREAM).toLocaleString('en')} streams, PostgreSQL) — ${new Date().toISOString()}\n`);
    console.log(`verification: ${verified.result.valid ? 'valid' : 'INVALID'}, ${verified.result.events} events`);
    console.log('| metric | jxjy | baseline | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| verify the log (events/s) | ${rate(verified.result.events, verified.seconds)} | raw SHA-256 pass: ${rate(raw.result, raw.seconds)} | ${((raw.seconds / verified.seconds) * 100).toFixed(0)}% |`);
    console.log(`| replay credit_totals as of the head | ${replay.seconds.toFixed(2)} s (${rate(EVENTS, replay.seconds)} events/s) | live catch-up from the start: ${catchUp.seconds.toFixed(2)} s (${rate(EVENTS, catchUp.seconds)} events/s) | ${((catchUp.seconds / replay.seconds) * 100).toFixed(0)}% |`);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

await main();
