/**
 * The read models, built by the project's own projection runner: `rebuild()` of every projection from the first
 * event (what a projection-version bump or a new deployment does), timed as a whole. Progress is read from the
 * checkpoints table while it runs (a position ends in its global position), so a long run shows where it is.
 */
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { parsePosition } from '../../events/store/postgres-reads.js';
import { projections } from '../../projections/index.js';
import { createProjectionRunner } from '../../projections/runner.js';

export interface RebuildResult {
  seconds: number;
  events: number;
  eventsPerSecond: number;
  batchSize: number;
}

const globalPositionOf = (position: string | undefined) => Number(parsePosition(position)[1]);

/** Rebuilds every read model from the whole log: as many events as the log holds now (a reused database's tails included). */
export async function rebuildAll(db: Database, store: EventStore, batchSize: number, onProgress: (line: string) => void): Promise<RebuildResult> {
  const events = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM events`)).rows[0]!.n);
  const runner = createProjectionRunner({ db, store, projections, batchSize });
  await runner.init();
  const started = performance.now();
  const timer = setInterval(() => {
    void db
      .query<{ position: string }>(`SELECT min(position) AS position FROM projection_checkpoints`)
      .then(({ rows }) => {
        const done = globalPositionOf(rows[0]?.position);
        const seconds = (performance.now() - started) / 1000;
        onProgress(`  rebuild at event ${done.toLocaleString('en-US')} of ${events.toLocaleString('en-US')} (${Math.round(done / seconds).toLocaleString('en-US')}/s)`);
      })
      .catch(() => {});
  }, 30_000);
  try {
    await runner.rebuild();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, events, eventsPerSecond: events / seconds, batchSize };
}
