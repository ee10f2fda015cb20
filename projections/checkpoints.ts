/**
 * Projection checkpoints, kept in the same database as the read models so that a batch and its checkpoint
 * commit together. An EventStoreDB position is stored the same way (as an opaque string).
 */
import type { Sql } from '../events/store/database.js';
import { type Position, START } from '../events/store/event-store.js';

export const CHECKPOINTS_DDL = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name       text PRIMARY KEY,
  version    integer NOT NULL,
  position   text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`;

export interface Checkpoint {
  name: string;
  version: number;
  position: Position;
}

export async function readCheckpoints(sql: Sql): Promise<Map<string, Checkpoint>> {
  const { rows } = await sql.query<Checkpoint>(`SELECT name, version, position FROM projection_checkpoints`);
  return new Map(rows.map((row) => [row.name, row]));
}

export async function saveCheckpoint(sql: Sql, checkpoint: Checkpoint): Promise<void> {
  await sql.query(
    `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position, updated_at = now()`,
    [checkpoint.name, checkpoint.version, checkpoint.position],
  );
}

export const minPosition = (positions: Position[]): Position =>
  positions.length === 0 ? START : positions.reduce((a, b) => (b < a ? b : a));
