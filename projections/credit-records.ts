/**
 * credit_records: one row per credit record — a person's list of declarations with their status (`GET
 * /credit-records?year=&status=`), and the overlap check a submission shows its reviewer (the same person's other
 * records whose dates cross this one's, or that look like the same declaration twice).
 */
import { CREDIT_EVENT_TYPES, type CreditCategory, type CreditEvent, type CreditMode, type CreditOverlap, type CreditStatus } from '../events/credit.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface CreditRecordRow {
  recordId: string;
  personId: string;
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  organizer: string | null;
  startDate: string;
  endDate: string;
  halfHours: number;
  status: CreditStatus;
  reason: string | null;
  unitId: string | null;
  attachmentCount: number;
  updatedAt: string;
  position: string;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS credit_records (
  record_id        text COLLATE "C" PRIMARY KEY,
  person_id        text COLLATE "C" NOT NULL,
  year             integer NOT NULL,
  category         text NOT NULL,
  title            text NOT NULL,
  mode             text NOT NULL,
  organizer        text,
  start_date       text NOT NULL,
  end_date         text NOT NULL,
  half_hours       integer NOT NULL,
  status           text NOT NULL,
  reason           text,
  unit_id          text,
  attachment_count integer NOT NULL,
  updated_at       text COLLATE "C" NOT NULL,
  position         text NOT NULL
);
CREATE INDEX IF NOT EXISTS credit_records_person ON credit_records (person_id, year, updated_at DESC, record_id DESC);
CREATE INDEX IF NOT EXISTS credit_records_dates ON credit_records (person_id, start_date, end_date);`;

export const CREDIT_RECORD_ROWS: RowFold<CreditRecordRow> = {
  table: 'credit_records',
  key: 'recordId',
  columns: {
    recordId: ['record_id', 'text'],
    personId: ['person_id', 'text'],
    year: ['year', 'integer'],
    category: ['category', 'text'],
    title: ['title', 'text'],
    mode: ['mode', 'text'],
    organizer: ['organizer', 'text'],
    startDate: ['start_date', 'text'],
    endDate: ['end_date', 'text'],
    halfHours: ['half_hours', 'integer'],
    status: ['status', 'text'],
    reason: ['reason', 'text'],
    unitId: ['unit_id', 'text'],
    attachmentCount: ['attachment_count', 'integer'],
    updatedAt: ['updated_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { recordId: string }).recordId,
  evolve: evolveCreditRecordRow,
};

/** The fold: one credit event on one record's row (pure, exported for replays). */
export function evolveCreditRecordRow(row: CreditRecordRow | undefined, event: RecordedEvent): CreditRecordRow | undefined {
  const typed = { type: event.type, data: event.data } as CreditEvent;
  const position = event.position;
  switch (typed.type) {
    case 'CreditRecordDrafted': {
      const d = typed.data;
      return {
        recordId: d.recordId, personId: d.personId, year: d.year, category: d.category, title: d.title, mode: d.mode, organizer: d.organizer ?? null,
        startDate: d.startDate, endDate: d.endDate, halfHours: d.halfHours, status: 'draft', reason: null, unitId: null, attachmentCount: 0,
        updatedAt: d.draftedAt, position,
      };
    }
    case 'CreditRecordEdited': {
      const { declaration: d, editedAt } = typed.data;
      return row && {
        ...row, year: d.year, category: d.category, title: d.title, mode: d.mode, organizer: d.organizer ?? null, startDate: d.startDate,
        endDate: d.endDate, halfHours: d.halfHours, status: 'draft', updatedAt: editedAt, position,
      };
    }
    case 'AttachmentAdded':
      return row && { ...row, attachmentCount: row.attachmentCount + 1, updatedAt: typed.data.addedAt, position };
    case 'AttachmentRemoved':
      return row && { ...row, attachmentCount: Math.max(0, row.attachmentCount - 1), updatedAt: typed.data.removedAt, position };
    case 'CreditRecordSubmitted':
      return row && { ...row, status: 'submitted', unitId: typed.data.unitId, reason: null, updatedAt: typed.data.submittedAt, position };
    case 'CreditRecordWithdrawn':
      return row && { ...row, status: 'draft', unitId: null, updatedAt: typed.data.withdrawnAt, position };
    case 'CreditRecordApproved':
      return row && { ...row, status: 'approved', updatedAt: typed.data.approvedAt, position };
    case 'CreditRecordRejected':
      return row && { ...row, status: 'rejected', reason: typed.data.reason, updatedAt: typed.data.rejectedAt, position };
    case 'CreditRecordRevoked':
      return row && { ...row, status: 'revoked', reason: typed.data.reason, updatedAt: typed.data.revokedAt, position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const creditRecordsProjection: Projection = {
  name: 'credit_records',
  // 2: a withdrawn record leaves the unit's list.
  version: 2,
  tables: TABLES,
  tableNames: ['credit_records'],
  filter: { streamPrefixes: ['credit-'], eventTypes: CREDIT_EVENT_TYPES },
  apply: foldRows(CREDIT_RECORD_ROWS),
};

const SELECT = selectRows(CREDIT_RECORD_ROWS);

export interface ListCreditRecordsQuery {
  personId: string;
  year?: number;
  status?: CreditStatus;
  limit: number;
  cursor?: string;
}

/** A person's records, most recently changed first, with an opaque keyset cursor. */
export async function listCreditRecords(sql: Sql, query: ListCreditRecordsQuery): Promise<{ items: CreditRecordRow[]; nextCursor: string | null }> {
  const params: unknown[] = [query.personId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['person_id = $1'];
  if (query.year !== undefined) where.push(`year = ${param(query.year)}`);
  if (query.status) where.push(`status = ${param(query.status)}`);
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(updated_at, record_id) < (${param(after[0])}, ${param(after[1])})`);
  const { rows } = await sql.query<CreditRecordRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, record_id DESC LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.updatedAt, last.recordId]) : null };
}

const sameTitle = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * The same person's submitted or approved records whose dates cross [startDate, endDate] — and whether one looks
 * like this very declaration again (same title and dates). Shown to the reviewer, never refused on its own: two
 * courses can share a day.
 */
export async function overlapsOf(sql: Sql, record: { recordId: string; personId: string; title: string; startDate: string; endDate: string }): Promise<CreditOverlap[]> {
  const { rows } = await sql.query<CreditRecordRow>(
    `${SELECT} WHERE person_id = $1 AND record_id <> $2 AND status IN ('submitted', 'approved') AND start_date <= $4 AND end_date >= $3
     ORDER BY start_date, record_id LIMIT 20`,
    [record.personId, record.recordId, record.startDate, record.endDate],
  );
  return rows.map((row) => ({
    recordId: row.recordId,
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    duplicate: sameTitle(row.title, record.title) && row.startDate === record.startDate && row.endDate === record.endDate,
  }));
}
