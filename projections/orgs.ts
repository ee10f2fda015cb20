/**
 * Organisations read model: one row per `org-<orgId>` stream, from the Org* events. Public listing (approved
 * organisations a person can bind to, by kind, name and region) and the full record for `GET /orgs/{orgId}`.
 */
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import type { OrgEvent, OrgKind, OrgStatus } from '../events/org.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface OrgListItem {
  orgId: string;
  kind: OrgKind;
  name: string;
  regionCode: string;
  status: OrgStatus;
}

export interface OrgRecord extends OrgListItem {
  uscc: string;
  contactName: string;
  contactPhone: string;
  reason: string | null;
  reviewerAccountId: string;
  reviewerUsername: string;
  attempt: number;
  registeredAt: string;
  decidedAt: string | null;
  position: string;
}

export interface ListOrgsQuery {
  kind?: OrgKind;
  /** Case-insensitive substring of the name. */
  q?: string;
  /** 6 digits: exact, or a whole city (`440100` → 4401xx) or province (`440000` → 44xxxx). */
  regionCode?: string;
  /** Defaults to 'approved': the public list shows only organisations that may act. */
  status?: OrgStatus;
  limit: number;
  cursor?: string;
}

const ORG_EVENT_TYPES: OrgEvent['type'][] = ['OrgRegistered', 'OrgReapplied', 'OrgApproved', 'OrgRejected'];

// "C" collation on the keyset and prefix columns: byte order, the same in PGlite and on any server locale, and LIKE
// 'prefix%' can use a plain btree index.
const TABLES = `
CREATE TABLE IF NOT EXISTS orgs (
  org_id              text COLLATE "C" PRIMARY KEY,
  kind                text NOT NULL,
  name                text COLLATE "C" NOT NULL,
  uscc                text NOT NULL,
  region_code         text COLLATE "C" NOT NULL,
  contact_name        text NOT NULL,
  contact_phone       text NOT NULL,
  status              text NOT NULL,
  reason              text,
  reviewer_account_id text NOT NULL,
  reviewer_username   text NOT NULL,
  attempt             integer NOT NULL,
  registered_at       text NOT NULL,
  decided_at          text,
  position            text NOT NULL
);
CREATE INDEX IF NOT EXISTS orgs_listing ON orgs (status, kind, name, org_id);
CREATE INDEX IF NOT EXISTS orgs_region ON orgs (region_code);`;

/** The column map of the fold: OrgRecord's camelCase properties over the table's columns. */
export const ORG_ROWS: RowFold<OrgRecord> = {
  table: 'orgs',
  key: 'orgId',
  columns: {
    orgId: ['org_id', 'text'],
    kind: ['kind', 'text'],
    name: ['name', 'text'],
    uscc: ['uscc', 'text'],
    regionCode: ['region_code', 'text'],
    contactName: ['contact_name', 'text'],
    contactPhone: ['contact_phone', 'text'],
    status: ['status', 'text'],
    reason: ['reason', 'text'],
    reviewerAccountId: ['reviewer_account_id', 'text'],
    reviewerUsername: ['reviewer_username', 'text'],
    attempt: ['attempt', 'integer'],
    registeredAt: ['registered_at', 'text'],
    decidedAt: ['decided_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { orgId: string }).orgId,
  evolve: evolveOrgRow,
};

/** The fold: one Org* event on one organisation's row (pure, exported for replays). */
export function evolveOrgRow(row: OrgRecord | undefined, event: RecordedEvent): OrgRecord | undefined {
  const typed = { type: event.type, data: event.data } as OrgEvent;
  switch (typed.type) {
    case 'OrgRegistered': {
      const { orgId, kind, name, uscc, regionCode, contactName, contactPhone, reviewerAccountId, reviewerUsername, registeredAt } = typed.data;
      return {
        orgId, kind, name, uscc, regionCode, contactName, contactPhone, status: 'pending', reason: null,
        reviewerAccountId, reviewerUsername, attempt: 1, registeredAt, decidedAt: null, position: event.position,
      };
    }
    case 'OrgReapplied': {
      const { name, uscc, regionCode, contactName, contactPhone, attempt } = typed.data;
      return row && { ...row, name, uscc, regionCode, contactName, contactPhone, attempt, status: 'pending', reason: null, decidedAt: null, position: event.position };
    }
    case 'OrgApproved':
      return row && { ...row, status: 'approved', reason: null, decidedAt: typed.data.approvedAt, position: event.position };
    case 'OrgRejected':
      return row && { ...row, status: 'rejected', reason: typed.data.reason, decidedAt: typed.data.rejectedAt, position: event.position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

const SELECT = selectRows(ORG_ROWS);

export const orgsProjection: Projection = {
  name: 'orgs',
  version: 1,
  tables: TABLES,
  tableNames: ['orgs'],
  filter: { streamPrefixes: ['org-'], eventTypes: ORG_EVENT_TYPES },
  apply: foldRows(ORG_ROWS),
};

/** `440000` → `44` (province), `440100` → `4401` (city), anything else exact (DOMAIN.md, GB/T 2260). */
export function regionPattern(regionCode: string): { prefix: string } | { exact: string } {
  if (/^\d{2}0000$/.test(regionCode)) return { prefix: regionCode.slice(0, 2) };
  if (/^\d{4}00$/.test(regionCode)) return { prefix: regionCode.slice(0, 4) };
  return { exact: regionCode };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Organisations by name (byte order, then id), with an opaque keyset cursor. Public fields only. */
export async function listOrgs(sql: Sql, query: ListOrgsQuery): Promise<{ items: OrgListItem[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [`status = ${param(query.status ?? 'approved')}`];
  if (query.kind) where.push(`kind = ${param(query.kind)}`);
  if (query.q?.trim()) where.push(`name ILIKE ${param(`%${escapeLike(query.q.trim())}%`)}`);
  if (query.regionCode) {
    const region = regionPattern(query.regionCode);
    where.push('prefix' in region ? `region_code LIKE ${param(`${region.prefix}%`)}` : `region_code = ${param(region.exact)}`);
  }
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(name, org_id) > (${param(after[0])}, ${param(after[1])})`);
  const { rows } = await sql.query<OrgListItem>(
    `SELECT org_id AS "orgId", kind, name, region_code AS "regionCode", status FROM orgs
     WHERE ${where.join(' AND ')} ORDER BY name, org_id LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.orgId]) : null };
}

/** The full record (any status), or null when no such organisation registered. */
export async function getOrg(sql: Sql, orgId: string): Promise<OrgRecord | null> {
  const { rows } = await sql.query<OrgRecord>(`${SELECT} WHERE org_id = $1`, [orgId]);
  return rows[0] ?? null;
}
