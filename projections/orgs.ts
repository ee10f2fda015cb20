/**
 * Organisations read model: one row per `org-<orgId>` stream, from the Org* events. Public listing (approved
 * organisations a person can bind to, by kind, name and region) and the full record for `GET /orgs/{orgId}`.
 */
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import type { OrgEvent, OrgKind, OrgStatus } from '../events/org.js';
import { regionPattern } from '../events/vocabulary/index.js';
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
  /** Case-insensitive substring of the name, or a whole USCC. */
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
CREATE INDEX IF NOT EXISTS orgs_region ON orgs (region_code);
CREATE INDEX IF NOT EXISTS orgs_uscc ON orgs (uscc);
-- The name search index: every character and every pair of neighbouring characters of the lower-cased name. Chinese
-- names have no spaces to split on, and a substring search (LIKE '%…%') cannot use a btree, so the search walks one
-- of the query's grams here in name order (org_name_grams_walk, an index-only scan that stops at the page) and checks
-- each posting's name with LIKE. The name is kept beside the gram so that the walk is already in the list's order.
CREATE TABLE IF NOT EXISTS org_name_grams (
  gram   text COLLATE "C" NOT NULL,
  org_id text COLLATE "C" NOT NULL,
  name   text COLLATE "C" NOT NULL,
  PRIMARY KEY (gram, org_id)
);
CREATE INDEX IF NOT EXISTS org_name_grams_walk ON org_name_grams (gram, name, org_id);`;

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

const applyRows = foldRows(ORG_ROWS);

export const orgsProjection: Projection = {
  name: 'orgs',
  // 2: the name search index (org_name_grams) and the USCC index. 3: names beside the grams, walked in name order.
  version: 3,
  tables: TABLES,
  tableNames: ['org_name_grams', 'orgs'],
  filter: { streamPrefixes: ['org-'], eventTypes: ORG_EVENT_TYPES },
  async apply(tx, events) {
    await applyRows(tx, events);
    // Names change only with a registration or a re-application; re-index exactly those organisations.
    const named = [...new Set(events.filter((e) => e.type === 'OrgRegistered' || e.type === 'OrgReapplied').map(ORG_ROWS.keyOf))];
    if (named.length === 0) return;
    await tx.query(`DELETE FROM org_name_grams WHERE org_id = ANY($1)`, [named]);
    await tx.query(
      `INSERT INTO org_name_grams (gram, org_id, name)
       SELECT DISTINCT substr(o.n, i, g.len), o.org_id, o.name
       FROM (SELECT org_id, name, lower(name) AS n FROM orgs WHERE org_id = ANY($1)) o
       CROSS JOIN (VALUES (1), (2)) AS g(len)
       CROSS JOIN LATERAL generate_series(1, length(o.n) - g.len + 1) AS i
       ON CONFLICT DO NOTHING`,
      [named],
    );
  },
};

/** The grams a query must all be found among: its pairs of neighbouring characters, or the one character it is. */
export function queryGrams(q: string): string[] {
  const text = [...asciiLower(q)];
  if (text.length === 1) return text;
  return [...new Set(text.slice(0, -1).map((char, i) => char + text[i + 1]))];
}

const USCC_LIKE = /^[0-9A-Z]{18}$/;

/** Lower-cases A–Z only, as PostgreSQL's lower() does under the "C" collation the name column uses. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * Organisations by name (byte order, then id), with an opaque keyset cursor. Public fields only.
 *
 * A name query walks the postings of its rarest gram in name order and stops at the page, so its cost is bounded by
 * one gram's postings, not all of them (measured at 20,000 units: 有限公司 93 ms → 0.2 ms; bench/scale).
 */
export async function listOrgs(sql: Sql, query: ListOrgsQuery): Promise<{ items: OrgListItem[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const q = query.q?.trim();
  // A whole 统一社会信用代码 finds its organisation too (an indexed equality), beside the names containing it.
  const byUscc = q !== undefined && USCC_LIKE.test(q.toUpperCase());
  const walk = q && !byUscc ? await rarestGram(sql, queryGrams(q)) : undefined;
  const o = walk ? 'o.' : '';
  const where = [`${o}status = ${param(query.status ?? 'approved')}`];
  if (query.kind) where.push(`${o}kind = ${param(query.kind)}`);
  if (walk) {
    where.push(`g.gram = ${param(walk)}`, `lower(g.name) LIKE ${param(`%${escapeLike(asciiLower(q!))}%`)}`);
  } else if (q) {
    const grams = queryGrams(q);
    const byName = `org_id IN (SELECT org_id FROM org_name_grams WHERE gram = ANY(${param(grams)}) GROUP BY org_id HAVING count(*) = ${param(grams.length)})
      AND lower(name) LIKE ${param(`%${escapeLike(asciiLower(q))}%`)}`;
    where.push(`((${byName}) OR uscc = ${param(q.toUpperCase())})`);
  }
  if (query.regionCode) {
    const region = regionPattern(query.regionCode);
    where.push('prefix' in region ? `${o}region_code LIKE ${param(`${region.prefix}%`)}` : `${o}region_code = ${param(region.exact)}`);
  }
  const after = decodeCursor(query.cursor);
  const order = walk ? 'g.name, g.org_id' : 'name, org_id';
  if (after) where.push(`(${order}) > (${param(after[0])}, ${param(after[1])})`);
  const from = walk ? 'org_name_grams g JOIN orgs o ON o.org_id = g.org_id' : 'orgs';
  const { rows } = await sql.query<OrgListItem>(
    `SELECT ${o}org_id AS "orgId", ${o}kind, ${o}name, ${o}region_code AS "regionCode", ${o}status FROM ${from}
     WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.orgId]) : null };
}

/** Of a query's grams, the one with the fewest postings (each counted up to 1,000: a bounded probe). */
async function rarestGram(sql: Sql, grams: string[]): Promise<string> {
  const { rows } = await sql.query<{ gram: string }>(
    `SELECT q.gram FROM unnest($1::text[]) AS q(gram)
     ORDER BY (SELECT count(*) FROM (SELECT 1 FROM org_name_grams p WHERE p.gram = q.gram LIMIT 1000) s), q.gram LIMIT 1`,
    [grams],
  );
  return rows[0]?.gram ?? grams[0]!;
}

/** The full record (any status), or null when no such organisation registered. */
export async function getOrg(sql: Sql, orgId: string): Promise<OrgRecord | null> {
  const { rows } = await sql.query<OrgRecord>(`${SELECT} WHERE org_id = $1`, [orgId]);
  return rows[0] ?? null;
}
