/**
 * dishonesty_records (失信记录, manual 1.4): one row per record from the `dishonesty-` streams, with the person as
 * admin recorded them. Whether a record is active, expired or revoked depends on the day it is read (its end date
 * passes without an event), so the status is worked out at read time, never stored.
 */
import { DISHONESTY_EVENT_TYPES, type DishonestyEvent, type DishonestyStatus, dishonestyStatus } from '../events/dishonesty.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface DishonestyRow {
  recordId: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  reason: string;
  basis: string;
  startDate: string;
  endDate: string | null;
  blocksCertificate: boolean;
  recordedAt: string;
  recordedBy: string;
  revokedAt: string | null;
  revokeReason: string | null;
  position: string;
}

export type DishonestyListing = DishonestyRow & { status: DishonestyStatus };

const TABLES = `
CREATE TABLE IF NOT EXISTS dishonesty_records (
  record_id          text COLLATE "C" PRIMARY KEY,
  person_id          text COLLATE "C" NOT NULL,
  person_name        text NOT NULL,
  id_number_masked   text NOT NULL,
  reason             text NOT NULL,
  basis              text NOT NULL,
  start_date         text COLLATE "C" NOT NULL,
  end_date           text COLLATE "C",
  blocks_certificate boolean NOT NULL,
  recorded_at        text COLLATE "C" NOT NULL,
  recorded_by        text NOT NULL,
  revoked_at         text,
  revoke_reason      text,
  position           text NOT NULL
);
CREATE INDEX IF NOT EXISTS dishonesty_records_person ON dishonesty_records (person_id, recorded_at DESC, record_id);
CREATE INDEX IF NOT EXISTS dishonesty_records_recent ON dishonesty_records (recorded_at DESC, record_id);`;

export const DISHONESTY_ROWS: RowFold<DishonestyRow> = {
  table: 'dishonesty_records',
  key: 'recordId',
  columns: {
    recordId: ['record_id', 'text'],
    personId: ['person_id', 'text'],
    personName: ['person_name', 'text'],
    idNumberMasked: ['id_number_masked', 'text'],
    reason: ['reason', 'text'],
    basis: ['basis', 'text'],
    startDate: ['start_date', 'text'],
    endDate: ['end_date', 'text'],
    blocksCertificate: ['blocks_certificate', 'boolean'],
    recordedAt: ['recorded_at', 'text'],
    recordedBy: ['recorded_by', 'text'],
    revokedAt: ['revoked_at', 'text'],
    revokeReason: ['revoke_reason', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { recordId: string }).recordId,
  evolve: evolveDishonestyRow,
};

/** The fold: one event on one record's row (pure). */
export function evolveDishonestyRow(row: DishonestyRow | undefined, event: RecordedEvent): DishonestyRow | undefined {
  const typed = { type: event.type, data: event.data } as DishonestyEvent;
  switch (typed.type) {
    case 'DishonestyRecorded': {
      const d = typed.data;
      return {
        recordId: d.recordId, personId: d.personId, personName: d.person.name, idNumberMasked: d.person.idNumberMasked, reason: d.reason,
        basis: d.basis, startDate: d.startDate, endDate: d.endDate ?? null, blocksCertificate: d.blocksCertificate, recordedAt: d.recordedAt,
        recordedBy: d.recordedBy, revokedAt: null, revokeReason: null, position: event.position,
      };
    }
    case 'DishonestyRevoked':
      return row && { ...row, revokedAt: typed.data.revokedAt, revokeReason: typed.data.reason, position: event.position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const dishonestyRecordsProjection: Projection = {
  name: 'dishonesty_records',
  version: 1,
  tables: TABLES,
  tableNames: ['dishonesty_records'],
  filter: { streamPrefixes: ['dishonesty-'], eventTypes: DISHONESTY_EVENT_TYPES },
  apply: foldRows(DISHONESTY_ROWS),
};

const SELECT = selectRows(DISHONESTY_ROWS);
const withStatus = (today: string) => (row: DishonestyRow): DishonestyListing => ({ ...row, status: dishonestyStatus(row, today) });

export interface ListDishonestyQuery {
  /** One person's records. */
  personId?: string;
  /** The records of a unit's confirmed members (from unit_members). */
  unitId?: string;
  /** The calendar day that decides active/expired. */
  today: string;
  limit: number;
  cursor?: string;
}

/** Newest first, with an opaque keyset cursor. */
export async function listDishonesty(sql: Sql, query: ListDishonestyQuery): Promise<{ items: DishonestyListing[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.personId) where.push(`person_id = ${param(query.personId)}`);
  if (query.unitId) where.push(`person_id IN (SELECT person_id FROM unit_members WHERE unit_id = ${param(query.unitId)} AND status = 'confirmed')`);
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(recorded_at, record_id) < (${param(after[0])}, ${param(after[1])})`);
  const { rows } = await sql.query<DishonestyRow>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY recorded_at DESC, record_id DESC LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, query.limit).map(withStatus(query.today));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.recordedAt, last.recordId]) : null };
}

export async function getDishonesty(sql: Sql, recordId: string, today: string): Promise<DishonestyListing | null> {
  const { rows } = await sql.query<DishonestyRow>(`${SELECT} WHERE record_id = $1`, [recordId]);
  return rows[0] ? withStatus(today)(rows[0]) : null;
}

/** The records standing in the way of a person's certificate today (DOMAIN.md: a per-record flag; expired ones stop). */
export async function blockingDishonesty(sql: Sql, personId: string, today: string): Promise<DishonestyListing[]> {
  const { rows } = await sql.query<DishonestyRow>(
    `${SELECT} WHERE person_id = $1 AND blocks_certificate AND revoked_at IS NULL AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)
     ORDER BY recorded_at, record_id`,
    [personId, today],
  );
  return rows.map(withStatus(today));
}
