/**
 * What an auditor's replay shows of each read model it can rebuild (CONTRACT.md Audit and replay): the projection,
 * its table, the columns that identify a row and those compared with today's table. Rows are read from whichever
 * schema the caller names — the replay's scratch schema or the live one — so a replay and the live read model are
 * compared by the same SQL, and `credit_totals` rows are shown per person and year with hours by category.
 */
import { type Sql, quoteIdent } from '../events/store/database.js';
import { CERTIFICATE_ROWS, certificatesProjection } from './certificates.js';
import { creditTotalsProjection } from './credit-totals.js';
import { CLASS_ROWS, classesProjection } from './classes.js';
import { DISHONESTY_ROWS, dishonestyRecordsProjection } from './dishonesty-records.js';
import { ENROLMENT_ROWS, enrolmentsProjection } from './enrolments.js';
import { ORG_ROWS, orgsProjection } from './orgs.js';
import type { AnyProjection } from './projection.js';
import type { RowFold } from './rows.js';
import { MEMBER_ROWS, unitMembersProjection } from './unit-members.js';

export interface ReplayView {
  projection: AnyProjection;
  table: string;
  /** How rows are shown, when not one per table row (credit totals: per person and year). */
  rowsSql?: (table: string) => string;
  /** Column → the property it is shown as. */
  keys: Array<[column: string, property: string]>;
  values: Array<[column: string, property: string]>;
}

const ofFold = (projection: AnyProjection, fold: RowFold<object>): ReplayView => {
  const columns = Object.entries(fold.columns) as Array<[string, readonly [string, string]]>;
  const keyColumn = (fold.columns as Record<string, readonly [string, string]>)[fold.key]![0];
  return {
    projection,
    table: fold.table,
    keys: [[keyColumn, fold.key]],
    // The event position a row was last touched at is bookkeeping, not what the row says.
    values: columns.filter(([property, [column]]) => column !== keyColumn && property !== 'position').map(([property, [column]]) => [column, property]),
  };
};

/** The read models a replay can rebuild, by the name the API takes (`bindings` is the unit-members model). */
export const REPLAY_VIEWS: Record<string, ReplayView> = {
  credit_totals: {
    projection: creditTotalsProjection,
    table: 'credit_totals',
    keys: [['person_id', 'personId'], ['year', 'year'], ['category', 'category']],
    values: [['half_hours', 'halfHours']],
    rowsSql: (table) => {
      const hours = (category: string) => `(coalesce(sum(half_hours) FILTER (WHERE category = '${category}'), 0)::float8 / 2)`;
      return `SELECT person_id AS "personId", year, ${hours('public')} AS public, ${hours('professional')} AS professional, ${hours('elective')} AS elective,
        (sum(half_hours)::float8 / 2) AS total FROM ${table} GROUP BY person_id, year ORDER BY person_id, year`;
    },
  },
  dishonesty_records: ofFold(dishonestyRecordsProjection, DISHONESTY_ROWS as RowFold<object>),
  orgs: ofFold(orgsProjection, ORG_ROWS as RowFold<object>),
  bindings: ofFold(unitMembersProjection, MEMBER_ROWS as RowFold<object>),
  enrolments: ofFold(enrolmentsProjection, ENROLMENT_ROWS as RowFold<object>),
  classes: ofFold(classesProjection, CLASS_ROWS as RowFold<object>),
  certificates: ofFold(certificatesProjection, CERTIFICATE_ROWS as RowFold<object>),
};

export const REPLAYABLE = Object.keys(REPLAY_VIEWS);

const select = (view: ReplayView, alias?: string) =>
  [...view.keys, ...view.values].map(([column, property]) => `${alias ? `${alias}.` : ''}${quoteIdent(column)} AS ${quoteIdent(property)}`).join(', ');
const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;
const orderBy = (view: ReplayView, alias?: string) => view.keys.map(([column]) => `${alias ? `${alias}.` : ''}${quoteIdent(column)}`).join(', ');

/** The schema the live read models are in (the connection's own). */
export async function liveSchema(sql: Sql): Promise<string> {
  return (await sql.query<{ schema: string }>(`SELECT current_schema() AS schema`)).rows[0]!.schema;
}

export async function replayRows(sql: Sql, view: ReplayView, schema: string, limit: number): Promise<{ rows: Array<Record<string, unknown>>; total: number }> {
  const table = qualified(schema, view.table);
  const rowsSql = view.rowsSql ? view.rowsSql(table) : `SELECT ${select(view)} FROM ${table} ORDER BY ${orderBy(view)}`;
  const [rows, total] = await Promise.all([
    sql.query<Record<string, unknown>>(`${rowsSql} LIMIT $1`, [limit]),
    sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${rowsSql}) AS shown`),
  ]);
  return { rows: rows.rows, total: total.rows[0]!.n };
}

export interface RowDifference {
  key: Record<string, unknown>;
  /** null: the row is not in that one. */
  replay: Record<string, unknown> | null;
  live: Record<string, unknown> | null;
}

/** Rows that differ between two schemas' copies of the table (present in one only, or with other values). */
export async function rowDifferences(sql: Sql, view: ReplayView, schema: string, live: string, limit: number): Promise<{ differences: RowDifference[]; total: number }> {
  const join = view.keys.map(([column]) => `r.${quoteIdent(column)} = l.${quoteIdent(column)}`).join(' AND ');
  const differs = `(${view.keys.map(([column]) => `r.${quoteIdent(column)} IS NULL OR l.${quoteIdent(column)} IS NULL`).join(' OR ')})
    OR (${view.values.map(([column]) => `r.${quoteIdent(column)} IS DISTINCT FROM l.${quoteIdent(column)}`).join(' OR ') || 'false'})`;
  const keyOf = view.keys.map(([column, property]) => `COALESCE(r.${quoteIdent(column)}, l.${quoteIdent(column)}) AS ${quoteIdent(`key_${property}`)}`).join(', ');
  const side = (alias: string, name: string) =>
    `CASE WHEN ${alias}.${quoteIdent(view.keys[0]![0])} IS NULL THEN NULL ELSE jsonb_build_object(${[...view.keys, ...view.values].map(([column, property]) => `'${property}', ${alias}.${quoteIdent(column)}`).join(', ')}) END AS ${name}`;
  const from = `FROM ${qualified(schema, view.table)} r FULL OUTER JOIN ${qualified(live, view.table)} l ON ${join} WHERE ${differs}`;
  const [rows, total] = await Promise.all([
    sql.query<Record<string, unknown>>(`SELECT ${keyOf}, ${side('r', 'replay')}, ${side('l', 'live')} ${from} ORDER BY 1, 2 LIMIT $1`, [limit]),
    sql.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`),
  ]);
  return {
    differences: rows.rows.map((row) => ({
      key: Object.fromEntries(view.keys.map(([, property]) => [property, row[`key_${property}`]])),
      replay: (row.replay as Record<string, unknown> | null) ?? null,
      live: (row.live as Record<string, unknown> | null) ?? null,
    })),
    total: total.rows[0]!.n,
  };
}
