/**
 * Projection checkpoints, kept in the same database (and schema) as the read models so that a batch and its
 * checkpoint commit together. An EventStoreDB position is stored the same way (as an opaque string). A projection
 * that fails keeps its last error here, so every process — not only the runner's — can show it in /health.
 *
 * A checkpoint moves only from the position its writer last saw (`advance`): if another process moved it meanwhile
 * (a rebuild, a second runner), nothing changes and the writer rolls its batch back. That is what keeps effects
 * exactly-once without reading and locking every checkpoint per batch.
 */
import type { Sql } from '../events/store/database.js';
import { type Position, START } from '../events/store/event-store.js';

export const checkpointsDdl = (table: string): string => `
CREATE TABLE IF NOT EXISTS ${table} (
  name       text PRIMARY KEY,
  version    integer NOT NULL,
  position   text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS error text;
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS failed_at timestamptz;`;

export interface Checkpoint {
  name: string;
  version: number;
  position: Position;
  /** The last failure of `apply`, until the projection moves past it. */
  error: string | null;
}

export async function readCheckpoints(sql: Sql, table: string, names: string[]): Promise<Map<string, Checkpoint>> {
  const { rows } = await sql.query<Checkpoint>(`SELECT name, version, position, error FROM ${table} WHERE name = ANY($1)`, [names]);
  return new Map(rows.map((row) => [row.name, row]));
}

export async function createCheckpoint(sql: Sql, table: string, name: string, version: number): Promise<void> {
  await sql.query(`INSERT INTO ${table} (name, version, position) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [name, version, START]);
}

/** Moves checkpoints from the positions their writer saw to `to`; the names it moved (the others had changed). */
export async function advance(sql: Sql, table: string, moves: Array<{ name: string; version: number; from: Position }>, to: Position): Promise<Set<string>> {
  if (moves.length === 1) {
    // The common case, once per applied batch: the plainest statement (PGlite plans every statement afresh).
    const [{ name, version, from }] = moves as [(typeof moves)[number]];
    const { affectedRows } = await sql.query(
      `UPDATE ${table} SET position = $1, error = NULL, failed_at = NULL, updated_at = now() WHERE name = $2 AND version = $3 AND position = $4`,
      [to, name, version, from],
    );
    return new Set(affectedRows > 0 ? [name] : []);
  }
  const { rows } = await sql.query<{ name: string }>(
    `UPDATE ${table} AS c SET position = $1, error = NULL, failed_at = NULL, updated_at = now()
     FROM unnest($2::text[], $3::int[], $4::text[]) AS m(name, version, seen)
     WHERE c.name = m.name AND c.version = m.version AND c.position = m.seen
     RETURNING c.name`,
    [to, moves.map((m) => m.name), moves.map((m) => m.version), moves.map((m) => m.from)],
  );
  return new Set(rows.map((row) => row.name));
}

export async function recordFailure(sql: Sql, table: string, name: string, error: string): Promise<void> {
  await sql.query(`UPDATE ${table} SET error = $2, failed_at = now() WHERE name = $1`, [name, error]);
}

export const minPosition = (positions: Position[]): Position =>
  positions.length === 0 ? START : positions.reduce((a, b) => (b < a ? b : a));
