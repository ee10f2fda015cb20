/**
 * stream_catalog: one row per stream — its kind, head revision, event count and last event. The auditor's index
 * into the history ("which streams exist, how long, last touched when"), and the runner's own exactly-once check:
 * `event_count` is accumulated, so an event applied twice would make it disagree with `revision + 1`. It folds
 * headers only, so the runner never reads a payload for it.
 */
import type { Sql } from '../events/store/database.js';
import type { EventHeader } from '../events/store/event-store.js';
import type { HeaderProjection } from './projection.js';

export interface StreamCatalogRow {
  streamId: string;
  kind: string;
  revision: number;
  eventCount: number;
  lastEventType: string;
  lastRecordedAt: string;
  lastPosition: string;
}

export const streamKind = (streamId: string): string => streamId.slice(0, Math.max(streamId.indexOf('-'), 0)) || streamId;

export const streamCatalog: HeaderProjection = {
  name: 'stream_catalog',
  version: 1,
  reads: 'headers',
  tableNames: ['stream_catalog'],
  tables: `
    CREATE TABLE IF NOT EXISTS stream_catalog (
      stream_id        text PRIMARY KEY,
      kind             text NOT NULL,
      revision         bigint NOT NULL,
      event_count      bigint NOT NULL,
      last_event_type  text NOT NULL,
      last_recorded_at text NOT NULL,
      last_position    text NOT NULL
    );
    CREATE INDEX IF NOT EXISTS stream_catalog_kind ON stream_catalog (kind, stream_id);`,
  async apply(tx: Sql, events: EventHeader[]) {
    // Fold the batch per stream in memory, then one set-based upsert.
    const byStream = new Map<string, { event: EventHeader; count: number }>();
    for (const event of events) {
      const seen = byStream.get(event.streamId);
      byStream.set(event.streamId, { event, count: (seen?.count ?? 0) + 1 });
    }
    const rows = [...byStream.values()].map(({ event, count }) => ({
      stream_id: event.streamId,
      kind: streamKind(event.streamId),
      revision: event.revision.toString(),
      event_count: count,
      last_event_type: event.type,
      last_recorded_at: event.recordedAt,
      last_position: event.position,
    }));
    await tx.query(
      `INSERT INTO stream_catalog AS c (stream_id, kind, revision, event_count, last_event_type, last_recorded_at, last_position)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text, kind text, revision bigint, event_count bigint,
         last_event_type text, last_recorded_at text, last_position text)
       ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, event_count = c.event_count + EXCLUDED.event_count,
         last_event_type = EXCLUDED.last_event_type, last_recorded_at = EXCLUDED.last_recorded_at, last_position = EXCLUDED.last_position`,
      [JSON.stringify(rows)],
    );
  },
};

export async function listStreams(
  sql: Sql,
  { kind, after, limit = 20 }: { kind?: string; after?: string; limit?: number } = {},
): Promise<StreamCatalogRow[]> {
  const { rows } = await sql.query<StreamCatalogRow>(
    `SELECT stream_id AS "streamId", kind, revision::int AS revision, event_count::int AS "eventCount",
            last_event_type AS "lastEventType", last_recorded_at AS "lastRecordedAt", last_position AS "lastPosition"
     FROM stream_catalog WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR stream_id > $2)
     ORDER BY stream_id LIMIT $3`,
    [kind ?? null, after ?? null, limit],
  );
  return rows;
}
