/**
 * The audit's check on the generated log: every hash recomputed from the stored row with the adapter's own function,
 * every link and revision in sequence — `POST /audit/verify`'s `verifyLog` over the whole log when it is small enough
 * to be quick, otherwise `verifyStream` over a sample of streams of every kind.
 */
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { verifyLog } from '../../events/store/verify-log.js';

export interface VerifyResult {
  scope: string;
  streams: number;
  events: number;
  valid: boolean;
  seconds: number;
  eventsPerSecond: number;
  problems: string[];
}

export async function verifyGenerated(db: Database, store: EventStore, whole: boolean): Promise<VerifyResult> {
  const started = performance.now();
  if (whole) {
    const result = await verifyLog(store);
    const seconds = (performance.now() - started) / 1000;
    return {
      scope: 'whole log (verifyLog, as POST /audit/verify)', streams: result.streams, events: result.events, valid: result.valid, seconds,
      eventsPerSecond: result.events / seconds, problems: result.problems.slice(0, 5).map((p) => `${p.streamId}@${p.revision}: ${p.problem}`),
    };
  }
  const { rows } = await db.query<{ stream_id: string }>(
    `SELECT stream_id FROM (SELECT stream_id, row_number() OVER (PARTITION BY kind ORDER BY md5(stream_id)) AS n FROM stream_catalog) s WHERE n <= 300`,
  );
  let events = 0;
  const problems: string[] = [];
  for (const { stream_id: streamId } of rows) {
    const chain = await store.verifyStream(streamId);
    events += chain.checked;
    if (!chain.ok) problems.push(`${streamId}@${chain.brokenAt}: ${chain.reason}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { scope: 'sample: 300 streams of every kind (verifyStream)', streams: rows.length, events, valid: problems.length === 0, seconds, eventsPerSecond: events / seconds, problems: problems.slice(0, 5) };
}
