/**
 * Where a runner keeps its projections: the connection's own schema (the live read models the API queries), or a
 * named scratch schema (an auditor's as-of build). Projections name their tables unqualified; a transaction in a
 * scratch schema starts with `SET LOCAL search_path` to that schema alone, so an unqualified name can never reach a
 * live table from there. The live runner sets nothing, so it and the API's queries resolve names the same way.
 */
import { type Database, type Sql, quoteIdent } from '../events/store/database.js';
import { checkpointsDdl, createCheckpoint } from './checkpoints.js';
import type { AnyProjection } from './projection.js';

export interface Placement {
  /** undefined: the connection's default schema (live). */
  schema?: string;
  /** The checkpoints table, qualified for a scratch schema (used outside transactions too). */
  checkpoints: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function placement(schema?: string): Placement {
  if (schema === undefined) return { checkpoints: 'projection_checkpoints' };
  if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_') || schema === 'information_schema') {
    throw new RangeError(`"${schema}" is not a schema a projection may be built into (lower-case letters, digits, _; not pg_*)`);
  }
  return { schema, checkpoints: `${quoteIdent(schema)}.projection_checkpoints` };
}

/** Runs `fn` in one transaction whose unqualified names resolve in the placement's schema. */
export function inPlacement<T>(db: Database, where: Placement, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (where.schema !== undefined) await tx.query(`SELECT set_config('search_path', $1, true)`, [quoteIdent(where.schema)]);
    return fn(tx);
  });
}

/** Creates the schema (for a scratch placement) and its checkpoints table. */
export async function preparePlacement(db: Database, where: Placement): Promise<void> {
  if (where.schema !== undefined) await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(where.schema)}`);
  await inPlacement(db, where, (tx) => tx.exec(checkpointsDdl(where.checkpoints)));
}

export async function createProjection(tx: Sql, where: Placement, projection: AnyProjection): Promise<void> {
  await tx.exec(projection.tables);
  await createCheckpoint(tx, where.checkpoints, projection.name, projection.version);
}

/** Drops the projection's tables and checkpoint and creates them afresh, in the caller's transaction. */
export async function resetProjection(tx: Sql, where: Placement, projection: AnyProjection): Promise<void> {
  for (const table of projection.tableNames) await tx.exec(`DROP TABLE IF EXISTS ${table} CASCADE`);
  await tx.query(`DELETE FROM ${where.checkpoints} WHERE name = $1`, [projection.name]);
  await createProjection(tx, where, projection);
}
