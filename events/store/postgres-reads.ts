/**
 * The read side of the PostgreSQL/PGlite event store: streams, pages of the global order (whole events or headers
 * only) and the head positions.
 *
 * Global order is (transaction id, position), read only below the oldest running transaction
 * (`pg_snapshot_xmin`): a bigserial value becomes visible at commit, not at insert, so a reader that trusted the
 * serial alone would skip a transaction that commits late (reference/eventstore.md §2).
 */
import type { Sql } from './database.js';
import {
  type EventFilter,
  type EventHeader,
  type EventPage,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
} from './event-store.js';

// Text casts keep bigint and xid8 exact in JS. ORDER BY must name `e.` columns: an unqualified name would bind to
// these text outputs and sort "10" before "6".
interface HeaderRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_revision: string;
  event_type: string;
  recorded_at: string;
}

interface EventRow extends HeaderRow {
  event_id: string;
  data: unknown;
  metadata: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `e.global_position::text AS global_position, e.transaction_id::text AS transaction_id, e.stream_id,
  e.stream_revision::text AS stream_revision, e.event_id::text AS event_id, e.event_type, e.data, e.metadata,
  e.recorded_at, e.prev_hash, e.hash`;

// Only what a header fold reads: on PGlite each column is converted to text inside WASM, and the payloads, ids and
// hashes cost more than all the rest together (bench/run.ts).
const HEADER_COLUMNS = `e.global_position::text AS global_position, e.transaction_id::text AS transaction_id, e.stream_id,
  e.stream_revision::text AS stream_revision, e.event_type, e.recorded_at`;

/** Readable = committed by a transaction older than every transaction still running. */
const VISIBLE = `e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

const pad = (n: string): string => n.padStart(20, '0');
export const formatPosition = (transactionId: string, globalPosition: string): Position =>
  `${pad(transactionId)}:${pad(globalPosition)}`;

export function parsePosition(position: Position | undefined): [string, string] {
  if (!position) return ['0', '0'];
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(position);
  if (!match) throw new TypeError(`not a PostgreSQL event position: "${position}"`);
  return [BigInt(match[1]!).toString(), BigInt(match[2]!).toString()];
}

function toHeader(row: HeaderRow): EventHeader {
  return {
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: formatPosition(row.transaction_id, row.global_position),
    type: row.event_type,
    recordedAt: row.recorded_at,
  };
}

/** SQL for an EventFilter (or any of several), its values pushed onto `params`; '' when there is no filter. */
function filterSql(filter: EventFilter | EventFilter[] | undefined, params: unknown[]): string {
  if (!filter) return '';
  const one = (f: EventFilter): string => {
    const terms: string[] = [];
    if (f.streamPrefixes) {
      params.push(f.streamPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
      terms.push(`e.stream_id LIKE ANY($${params.length})`);
    }
    if (f.eventTypes) {
      params.push(f.eventTypes);
      terms.push(`e.event_type = ANY($${params.length})`);
    }
    return terms.length ? `(${terms.join(' AND ')})` : 'true';
  };
  const filters = Array.isArray(filter) ? filter : [filter];
  return filters.length ? `(${filters.map(one).join(' OR ')})` : 'false';
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: formatPosition(row.transaction_id, row.global_position),
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function createPostgresReads(db: Sql) {
  async function readStream(streamId: string, read: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events e WHERE e.stream_id = $1 AND e.stream_revision >= $2
       ORDER BY e.stream_revision LIMIT $3`,
      [streamId, (read.fromRevision ?? 0n).toString(), read.maxCount ?? 2_147_483_647],
    );
    return rows.map(toRecorded);
  }

  /**
   * One page in global order. Unfiltered, the page's last event is how far it scanned. Filtered, the same statement
   * (one snapshot, one xmin) also finds the newest readable event of the range: when fewer than `limit` events
   * match, the scan reached it, so the checkpoint passes every non-matching event up to there.
   */
  async function page<Row extends HeaderRow, E extends EventHeader>(columns: string, map: (row: Row) => E, read: ReadAllOptions): Promise<EventPage<E>> {
    const [transactionId, globalPosition] = parsePosition(read.after);
    const limit = read.limit ?? 1000;
    const params: unknown[] = [transactionId, globalPosition, limit];
    let range = `(e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)`;
    if (read.to !== undefined) {
      params.push(...parsePosition(read.to));
      range += ` AND (e.transaction_id, e.global_position) <= ($4::text::xid8, $5::bigint)`;
    }
    const where = filterSql(read.filter, params);
    const from = read.after ?? START;
    if (!where) {
      const { rows } = await db.query<Row>(
        `SELECT ${columns} FROM events e WHERE ${range} AND ${VISIBLE} ORDER BY e.transaction_id, e.global_position LIMIT $3`,
        params,
      );
      const events = rows.map(map);
      return { events, checkpoint: events.at(-1)?.position ?? from };
    }
    const { rows } = await db.query<Row & { scanned_tx: string; scanned_gp: string }>(
      `WITH snap AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
       scanned AS (SELECT e.transaction_id, e.global_position FROM events e
         WHERE ${range} AND e.transaction_id < (SELECT xmin FROM snap)
         ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1),
       matched AS (SELECT e.* FROM events e
         WHERE ${range} AND e.transaction_id < (SELECT xmin FROM snap) AND ${where}
         ORDER BY e.transaction_id, e.global_position LIMIT $3)
       SELECT ${columns}, s.transaction_id::text AS scanned_tx, s.global_position::text AS scanned_gp
       FROM scanned s LEFT JOIN matched e ON true ORDER BY e.transaction_id, e.global_position`,
      params,
    );
    const events = rows.filter((row) => row.global_position !== null).map(map);
    const head = rows[0] ? formatPosition(rows[0].scanned_tx, rows[0].scanned_gp) : from;
    return { events, checkpoint: events.length === limit ? events.at(-1)!.position : head };
  }

  const readPage = (read: ReadAllOptions = {}) => page(COLUMNS, toRecorded, read);

  async function readAll(read: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await readPage(read)).events;
  }

  async function writtenPosition(): Promise<Position> {
    const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position FROM events e
       ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? formatPosition(row.transaction_id, row.global_position) : START;
  }

  async function headPosition(): Promise<Position> {
    const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position FROM events e
       WHERE ${VISIBLE} ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? formatPosition(row.transaction_id, row.global_position) : START;
  }

  return {
    readStream,
    readAll,
    readPage,
    readHeaders: (read: ReadAllOptions = {}) => page(HEADER_COLUMNS, toHeader, read),
    headPosition,
    writtenPosition,
  };
}
