/**
 * The class catalogue: one row per class with its seats taken, its waiting line and its approvals, from the `class-`
 * streams. A person browses the classes accepting enrolment that are visible from their unit's region (DOMAIN.md:
 * the same city by the first four digits, or province-wide `XX0000`); an institution sees its own classes.
 */
import { CLASS_EVENT_TYPES, type ClassEvent, type ClassStatus } from '../events/class.js';
import type { CreditCategory } from '../events/credit.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface ClassRow {
  classId: string;
  institutionId: string;
  institutionName: string;
  title: string;
  category: CreditCategory;
  halfHours: number;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  approved: number;
  status: ClassStatus;
  startDate: string;
  endDate: string;
  regionCode: string;
  description: string | null;
  createdAt: string;
  position: string;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS classes (
  class_id         text COLLATE "C" PRIMARY KEY,
  institution_id   text COLLATE "C" NOT NULL,
  institution_name text NOT NULL,
  title            text NOT NULL,
  category         text NOT NULL,
  half_hours       integer NOT NULL,
  capacity         integer NOT NULL,
  seats_taken      integer NOT NULL,
  waitlisted       integer NOT NULL,
  approved         integer NOT NULL,
  status           text NOT NULL,
  start_date       text COLLATE "C" NOT NULL,
  end_date         text NOT NULL,
  region_code      text COLLATE "C" NOT NULL,
  description      text,
  created_at       text NOT NULL,
  position         text NOT NULL
);
CREATE INDEX IF NOT EXISTS classes_catalogue ON classes (status, region_code, start_date, class_id);
CREATE INDEX IF NOT EXISTS classes_institution ON classes (institution_id, start_date DESC, class_id);`;

export const CLASS_ROWS: RowFold<ClassRow> = {
  table: 'classes',
  key: 'classId',
  columns: {
    classId: ['class_id', 'text'],
    institutionId: ['institution_id', 'text'],
    institutionName: ['institution_name', 'text'],
    title: ['title', 'text'],
    category: ['category', 'text'],
    halfHours: ['half_hours', 'integer'],
    capacity: ['capacity', 'integer'],
    seatsTaken: ['seats_taken', 'integer'],
    waitlisted: ['waitlisted', 'integer'],
    approved: ['approved', 'integer'],
    status: ['status', 'text'],
    startDate: ['start_date', 'text'],
    endDate: ['end_date', 'text'],
    regionCode: ['region_code', 'text'],
    description: ['description', 'text'],
    createdAt: ['created_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { classId: string }).classId,
  evolve: evolveClassRow,
};

/** The fold: one class event on one class's row (pure, exported for replays). */
export function evolveClassRow(row: ClassRow | undefined, event: RecordedEvent): ClassRow | undefined {
  const typed = { type: event.type, data: event.data } as ClassEvent;
  const position = event.position;
  switch (typed.type) {
    case 'ClassCreated': {
      const d = typed.data;
      return {
        classId: d.classId, institutionId: d.institutionId, institutionName: d.institutionName, title: d.title, category: d.category,
        halfHours: d.halfHours, capacity: d.capacity, seatsTaken: 0, waitlisted: 0, approved: 0, status: 'draft', startDate: d.startDate,
        endDate: d.endDate, regionCode: d.regionCode, description: d.description ?? null, createdAt: d.createdAt, position,
      };
    }
    case 'ClassOpened':
      return row && { ...row, status: 'accepting', position };
    case 'ClassClosed':
      return row && { ...row, status: 'closed', position };
    case 'ClassCompleted':
      return row && { ...row, status: 'completed', position };
    case 'SeatRequested':
      return row && (typed.data.seated ? { ...row, seatsTaken: row.seatsTaken + 1, position } : { ...row, waitlisted: row.waitlisted + 1, position });
    case 'SeatGranted':
      return row && { ...row, seatsTaken: row.seatsTaken + 1, waitlisted: row.waitlisted - 1, position };
    case 'SeatConfirmed':
      return row && { ...row, approved: row.approved + 1, position };
    case 'SeatReleased': {
      if (!row) return row;
      const { from } = typed.data;
      if (from === 'waitlist') return { ...row, waitlisted: row.waitlisted - 1, position };
      return { ...row, seatsTaken: row.seatsTaken - 1, approved: row.approved - (from === 'approved-seat' ? 1 : 0), position };
    }
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const classesProjection: Projection = {
  name: 'classes',
  version: 1,
  tables: TABLES,
  tableNames: ['classes'],
  filter: { streamPrefixes: ['class-'], eventTypes: CLASS_EVENT_TYPES },
  apply: foldRows(CLASS_ROWS),
};

const SELECT = selectRows(CLASS_ROWS);

export interface ListClassesQuery {
  /** A person's view: accepting classes visible from this region (their unit's). */
  visibleFrom?: string;
  /** An institution's view: its own classes, whatever their status. */
  institutionId?: string;
  category?: CreditCategory;
  q?: string;
  limit: number;
  cursor?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Classes by start date, then id, with an opaque keyset cursor. */
export async function listClasses(sql: Sql, query: ListClassesQuery): Promise<{ items: ClassRow[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.visibleFrom) {
    // Same city (first four digits), or the whole province (XX0000).
    where.push(`status = 'accepting'`, `(region_code LIKE ${param(`${query.visibleFrom.slice(0, 4)}%`)} OR region_code = ${param(`${query.visibleFrom.slice(0, 2)}0000`)})`);
  }
  if (query.institutionId) where.push(`institution_id = ${param(query.institutionId)}`);
  if (query.category) where.push(`category = ${param(query.category)}`);
  if (query.q?.trim()) where.push(`title ILIKE ${param(`%${escapeLike(query.q.trim())}%`)}`);
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(start_date, class_id) > (${param(after[0])}, ${param(after[1])})`);
  const { rows } = await sql.query<ClassRow>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_date, class_id LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.startDate, last.classId]) : null };
}

export async function getClass(sql: Sql, classId: string): Promise<ClassRow | null> {
  const { rows } = await sql.query<ClassRow>(`${SELECT} WHERE class_id = $1`, [classId]);
  return rows[0] ?? null;
}
