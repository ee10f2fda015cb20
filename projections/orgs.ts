/**
 * Organisations read model: one row per `org-<orgId>` stream, from the Org* events. Public listing (approved
 * organisations a person can bind to, by kind, name and region) and the full record for `GET /orgs/{orgId}`.
 */
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import type { OrgEvent, OrgKind, OrgStatus } from '../events/org.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';

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

// Read as OrgRecord's camelCase shape, so neither apply nor the queries map rows by hand.
const SELECT = `SELECT org_id AS "orgId", kind, name, uscc, region_code AS "regionCode", contact_name AS "contactName",
  contact_phone AS "contactPhone", status, reason, reviewer_account_id AS "reviewerAccountId",
  reviewer_username AS "reviewerUsername", attempt, registered_at AS "registeredAt", decided_at AS "decidedAt", position
  FROM orgs`;

function evolveRow(row: OrgRecord | undefined, event: RecordedEvent): OrgRecord | undefined {
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

export const orgsProjection: Projection = {
  name: 'orgs',
  version: 1,
  tables: TABLES,
  tableNames: ['orgs'],
  filter: { streamPrefixes: ['org-'], eventTypes: ORG_EVENT_TYPES },
  async apply(tx, events) {
    // Set-based: read the touched rows once, fold the batch in order in memory, write back in one upsert.
    const ids = [...new Set(events.map((event) => (event.data as { orgId: string }).orgId))];
    const { rows } = await tx.query<OrgRecord>(`${SELECT} WHERE org_id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((row) => [row.orgId, row]));
    for (const event of events) {
      const orgId = (event.data as { orgId: string }).orgId;
      const next = evolveRow(byId.get(orgId), event);
      if (next) byId.set(orgId, next);
    }
    if (byId.size === 0) return;
    await tx.query(
      `INSERT INTO orgs AS o (org_id, kind, name, uscc, region_code, contact_name, contact_phone, status, reason,
         reviewer_account_id, reviewer_username, attempt, registered_at, decided_at, position)
       SELECT "orgId", kind, name, uscc, "regionCode", "contactName", "contactPhone", status, reason, "reviewerAccountId",
         "reviewerUsername", attempt, "registeredAt", "decidedAt", position
       FROM jsonb_to_recordset($1::jsonb) AS r("orgId" text, kind text, name text, uscc text, "regionCode" text,
         "contactName" text, "contactPhone" text, status text, reason text, "reviewerAccountId" text, "reviewerUsername" text,
         attempt integer, "registeredAt" text, "decidedAt" text, position text)
       ON CONFLICT (org_id) DO UPDATE SET name = EXCLUDED.name, uscc = EXCLUDED.uscc, region_code = EXCLUDED.region_code,
         contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone, status = EXCLUDED.status,
         reason = EXCLUDED.reason, attempt = EXCLUDED.attempt, decided_at = EXCLUDED.decided_at, position = EXCLUDED.position`,
      [JSON.stringify([...byId.values()])],
    );
  },
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
