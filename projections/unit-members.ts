/**
 * Unit members read model: one row per (person, unit) binding, from the `binding-` streams — pending while the unit
 * has not decided, confirmed once it has, and gone when the person cancelled, was rejected, or moved to another unit.
 * A unit's reviewers list their confirmed members (`GET /units/{unitId}/members`); a unit never sees anyone who is
 * not bound or pending with it.
 */
import { BINDING_EVENT_TYPES, type BindingEvent } from '../events/binding.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export type MemberStatus = 'pending' | 'confirmed' | 'gone';

export interface MemberRow {
  /** `<personId>:<unitId>`: one row per person and unit. */
  key: string;
  personId: string;
  unitId: string;
  status: MemberStatus;
  personName: string;
  idNumberMasked: string;
  requestedAt: string;
  boundSince: string | null;
  endedAt: string | null;
  position: string;
}

export interface Member {
  personId: string;
  name: string;
  idNumberMasked: string;
  status: 'pending' | 'confirmed';
  requestedAt: string;
  boundSince: string | null;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS unit_members (
  member_key       text COLLATE "C" PRIMARY KEY,
  person_id        text COLLATE "C" NOT NULL,
  unit_id          text COLLATE "C" NOT NULL,
  status           text NOT NULL,
  person_name      text COLLATE "C" NOT NULL,
  id_number_masked text NOT NULL,
  requested_at     text NOT NULL,
  bound_since      text,
  ended_at         text,
  position         text NOT NULL
);
CREATE INDEX IF NOT EXISTS unit_members_listing ON unit_members (unit_id, status, person_name, person_id);
CREATE INDEX IF NOT EXISTS unit_members_person ON unit_members (person_id, status);`;

const unitOf = (event: BindingEvent): string => ('unit' in event.data ? event.data.unit.unitId : event.data.unitId);

export const MEMBER_ROWS: RowFold<MemberRow> = {
  table: 'unit_members',
  key: 'key',
  columns: {
    key: ['member_key', 'text'],
    personId: ['person_id', 'text'],
    unitId: ['unit_id', 'text'],
    status: ['status', 'text'],
    personName: ['person_name', 'text'],
    idNumberMasked: ['id_number_masked', 'text'],
    requestedAt: ['requested_at', 'text'],
    boundSince: ['bound_since', 'text'],
    endedAt: ['ended_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => {
    const typed = { type: event.type, data: event.data } as BindingEvent;
    return `${typed.data.personId}:${unitOf(typed)}`;
  },
  evolve: evolveMemberRow,
};

/** The fold: one binding event on one person-and-unit row (pure, exported for replays). */
export function evolveMemberRow(row: MemberRow | undefined, event: RecordedEvent): MemberRow | undefined {
  const typed = { type: event.type, data: event.data } as BindingEvent;
  const position = event.position;
  switch (typed.type) {
    case 'BindingRequested': {
      const { personId, unit, personName, idNumberMasked, requestedAt } = typed.data;
      return { key: `${personId}:${unit.unitId}`, personId, unitId: unit.unitId, status: 'pending', personName, idNumberMasked, requestedAt, boundSince: null, endedAt: null, position };
    }
    case 'BindingConfirmed':
      return row && { ...row, status: 'confirmed', boundSince: typed.data.confirmedAt, endedAt: null, position };
    case 'BindingCancelled':
      return row && { ...row, status: 'gone', endedAt: typed.data.cancelledAt, position };
    case 'BindingRejected':
      return row && { ...row, status: 'gone', endedAt: typed.data.rejectedAt, position };
    case 'BindingEnded':
      return row && { ...row, status: 'gone', endedAt: typed.data.endedAt, position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const unitMembersProjection: Projection = {
  name: 'unit_members',
  version: 1,
  tables: TABLES,
  tableNames: ['unit_members'],
  filter: { streamPrefixes: ['binding-'], eventTypes: BINDING_EVENT_TYPES },
  apply: foldRows(MEMBER_ROWS),
};

const SELECT = selectRows(MEMBER_ROWS);

export interface ListMembersQuery {
  unitId: string;
  status: 'pending' | 'confirmed';
  limit: number;
  cursor?: string;
}

/** A unit's members by name (byte order, then id), with an opaque keyset cursor. */
export async function listMembers(sql: Sql, query: ListMembersQuery): Promise<{ items: Member[]; nextCursor: string | null }> {
  const params: unknown[] = [query.unitId, query.status];
  const after = decodeCursor(query.cursor);
  const keyset = after ? `AND (person_name, person_id) > ($3, $4)` : '';
  if (after) params.push(after[0], after[1]);
  params.push(query.limit + 1);
  const { rows } = await sql.query<MemberRow>(
    `${SELECT} WHERE unit_id = $1 AND status = $2 ${keyset} ORDER BY person_name, person_id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      personId: row.personId,
      name: row.personName,
      idNumberMasked: row.idNumberMasked,
      status: row.status as Member['status'],
      requestedAt: row.requestedAt,
      boundSince: row.boundSince,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.personName, last.personId]) : null,
  };
}
