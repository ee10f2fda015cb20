/**
 * The read models, built by the project's own projection runner: `rebuild()` of every projection from the first
 * event (what a projection-version bump or a new deployment does), timed as a whole. Progress is read from the
 * checkpoints table while it runs (a position ends in its global position), so a long run shows where it is.
 */
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { projections } from '../../projections/index.js';
import { createProjectionRunner } from '../../projections/runner.js';

export interface RebuildResult {
  seconds: number;
  events: number;
  eventsPerSecond: number;
  batchSize: number;
}

const globalPositionOf = (position: string) => Number(position.split(':')[1] ?? 0);

export async function rebuildAll(db: Database, store: EventStore, events: number, batchSize: number, onProgress: (line: string) => void): Promise<RebuildResult> {
  const runner = createProjectionRunner({ db, store, projections, batchSize });
  await runner.init();
  const started = performance.now();
  const timer = setInterval(() => {
    void db
      .query<{ position: string }>(`SELECT min(position) AS position FROM projection_checkpoints`)
      .then(({ rows }) => {
        const done = globalPositionOf(rows[0]?.position ?? '');
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
