/**
 * Enrolments read model: one row per person and class (the latest enrolment of that pair), from the `enrolment-`
 * streams — a person's list (`GET /me/enrolments`, with the time of each step and the reason of a decision), a class's
 * roster for its institution, the person's own status beside each catalogue class, and the lookup from an enrolment id
 * to its lifecycle.
 */
import { ENROLMENT_EVENT_TYPES, type EnrolmentEvent, type EnrolmentStatus } from '../events/enrolment.js';
import type { CreditCategory } from '../events/credit.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface EnrolmentRow {
  /** `<classId>:<personId>` */
  key: string;
  enrolmentId: string;
  classId: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  institutionId: string;
  institutionName: string;
  classTitle: string;
  category: CreditCategory;
  halfHours: number;
  startDate: string;
  endDate: string;
  status: EnrolmentStatus;
  reason: string | null;
  requestedAt: string;
  /** When a seat freed and the enrolment left the waiting list (null if it never waited, or waits still). */
  promotedAt: string | null;
  /** When the institution approved it; kept when the class later completes (which moves `decidedAt`). */
  approvedAt: string | null;
  /** The latest decision or ending: approval, rejection, cancellation, completion, absence or lapse. */
  decidedAt: string | null;
  position: string;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS enrolments (
  enrolment_key    text COLLATE "C" PRIMARY KEY,
  enrolment_id     text COLLATE "C" NOT NULL,
  class_id         text COLLATE "C" NOT NULL,
  person_id        text COLLATE "C" NOT NULL,
  person_name      text COLLATE "C" NOT NULL,
  id_number_masked text NOT NULL,
  institution_id   text COLLATE "C" NOT NULL,
  institution_name text NOT NULL,
  class_title      text NOT NULL,
  category         text NOT NULL,
  half_hours       integer NOT NULL,
  start_date       text NOT NULL,
  end_date         text NOT NULL,
  status           text NOT NULL,
  reason           text,
  requested_at     text COLLATE "C" NOT NULL,
  promoted_at      text,
  approved_at      text,
  decided_at       text,
  position         text NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS enrolments_id ON enrolments (enrolment_id);
CREATE INDEX IF NOT EXISTS enrolments_person ON enrolments (person_id, requested_at DESC, enrolment_key DESC);
CREATE INDEX IF NOT EXISTS enrolments_class ON enrolments (class_id, status, person_name, person_id);`;

const keyOf = (event: RecordedEvent) => event.streamId.slice('enrolment-'.length).replace(/^(.{36})-/, '$1:');

export const ENROLMENT_ROWS: RowFold<EnrolmentRow> = {
  table: 'enrolments',
  key: 'key',
  columns: {
    key: ['enrolment_key', 'text'],
    enrolmentId: ['enrolment_id', 'text'],
    classId: ['class_id', 'text'],
    personId: ['person_id', 'text'],
    personName: ['person_name', 'text'],
    idNumberMasked: ['id_number_masked', 'text'],
    institutionId: ['institution_id', 'text'],
    institutionName: ['institution_name', 'text'],
    classTitle: ['class_title', 'text'],
    category: ['category', 'text'],
    halfHours: ['half_hours', 'integer'],
    startDate: ['start_date', 'text'],
    endDate: ['end_date', 'text'],
    status: ['status', 'text'],
    reason: ['reason', 'text'],
    requestedAt: ['requested_at', 'text'],
    promotedAt: ['promoted_at', 'text'],
    approvedAt: ['approved_at', 'text'],
    decidedAt: ['decided_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf,
  evolve: evolveEnrolmentRow,
};

/** The fold: one enrolment event on its person-and-class row (pure, exported for replays). */
export function evolveEnrolmentRow(row: EnrolmentRow | undefined, event: RecordedEvent): EnrolmentRow | undefined {
  const typed = { type: event.type, data: event.data } as EnrolmentEvent;
  const position = event.position;
  const decided = (status: EnrolmentStatus, at: string, reason: string | null = null) => row && { ...row, status, decidedAt: at, reason, position };
  switch (typed.type) {
    case 'EnrolmentRequested': {
      const d = typed.data;
      return {
        key: keyOf(event), enrolmentId: d.enrolmentId, classId: d.class.classId, personId: d.personId, personName: d.personName,
        idNumberMasked: d.idNumberMasked, institutionId: d.class.institutionId, institutionName: d.class.institutionName, classTitle: d.class.title,
        category: d.class.category, halfHours: d.class.halfHours, startDate: d.class.startDate, endDate: d.class.endDate, status: d.status,
        reason: null, requestedAt: d.requestedAt, promotedAt: null, approvedAt: null, decidedAt: null, position,
      };
    }
    case 'EnrolmentPromoted':
      return row && { ...row, status: 'pending', promotedAt: typed.data.promotedAt, position };
    case 'EnrolmentApproved': {
      const approved = decided('approved', typed.data.approvedAt);
      return approved && { ...approved, approvedAt: typed.data.approvedAt };
    }
    case 'EnrolmentRejected':
      return decided('rejected', typed.data.rejectedAt, typed.data.reason);
    case 'EnrolmentCancelled':
      return decided('cancelled', typed.data.cancelledAt);
    case 'EnrolmentCompleted':
      return decided('completed', typed.data.completedAt);
    case 'EnrolmentMissed':
      return decided('missed', typed.data.completedAt);
    case 'EnrolmentLapsed':
      return decided('lapsed', typed.data.lapsedAt);
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const enrolmentsProjection: Projection = {
  name: 'enrolments',
  // 2: promoted_at and approved_at (rebuilt from the events, which always carried both moments).
  version: 2,
  tables: TABLES,
  tableNames: ['enrolments'],
  filter: { streamPrefixes: ['enrolment-'], eventTypes: ENROLMENT_EVENT_TYPES },
  apply: foldRows(ENROLMENT_ROWS),
};

const SELECT = selectRows(ENROLMENT_ROWS);

/** A person's enrolments, newest first, with an opaque keyset cursor. */
export async function listMyEnrolments(sql: Sql, personId: string, limit: number, cursor?: string): Promise<{ items: EnrolmentRow[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const params: unknown[] = [personId];
  const keyset = after ? `AND (requested_at, enrolment_key) < ($2, $3)` : '';
  if (after) params.push(after[0], after[1]);
  params.push(limit + 1);
  const { rows } = await sql.query<EnrolmentRow>(
    `${SELECT} WHERE person_id = $1 ${keyset} ORDER BY requested_at DESC, enrolment_key DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.requestedAt, last.key]) : null };
}

/** A class's roster by name: everyone who holds, waits for, or held a place. */
export async function rosterOf(sql: Sql, classId: string): Promise<EnrolmentRow[]> {
  const { rows } = await sql.query<EnrolmentRow>(`${SELECT} WHERE class_id = $1 ORDER BY person_name, person_id`, [classId]);
  return rows;
}

/** The person's latest enrolment in each of `classIds` (a catalogue page's classes); classes they never joined are absent. */
export async function enrolmentsOfPerson(sql: Sql, personId: string, classIds: string[]): Promise<Map<string, EnrolmentRow>> {
  if (classIds.length === 0) return new Map();
  const keys = classIds.map((classId) => `${classId}:${personId}`);
  const { rows } = await sql.query<EnrolmentRow>(`${SELECT} WHERE enrolment_key = ANY($1)`, [keys]);
  return new Map(rows.map((row) => [row.classId, row]));
}

export async function getEnrolment(sql: Sql, enrolmentId: string): Promise<EnrolmentRow | null> {
  const { rows } = await sql.query<EnrolmentRow>(`${SELECT} WHERE enrolment_id = $1`, [enrolmentId]);
  return rows[0] ?? null;
}
