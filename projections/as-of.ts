/**
 * A projection as of a past position (for auditors, issue 12): its tables built in a scratch schema from every event
 * up to and including `to`, by the same runner code as the live read models, never touching them. Query the result
 * with the projection's own query functions on a connection whose search_path is the scratch schema, or with
 * qualified names (`"<schema>".<table>`). Building again into the same schema extends the build when `to` is later,
 * and starts it over when `to` is earlier or the projection's version changed.
 */
import { type Database, quoteIdent } from '../events/store/database.js';
import { type EventStore, type Position, START } from '../events/store/event-store.js';
import { readCheckpoints } from './checkpoints.js';
import { placement } from './placement.js';
import type { AnyProjection } from './projection.js';
import { createProjectionRunner } from './runner.js';

export interface AsOfOptions {
  /** The scratch schema (created if missing); never the connection's own schema, where the live tables are. */
  schema: string;
  /** Inclusive: the last event folded is the last one at or before this position. */
  to: Position;
  batchSize?: number;
}

export interface AsOfBuild {
  schema: string;
  /** The projection's checkpoint after the build: the last event at or before `to` (START if there is none). */
  position: Position;
}

async function refuseLiveSchema(db: Database, schema: string) {
  const { rows } = await db.query<{ schema: string }>(`SELECT current_schema() AS schema`);
  if (rows[0]?.schema === schema) throw new RangeError(`"${schema}" holds the live read models; build into a scratch schema`);
}

export async function buildProjectionAsOf(db: Database, store: EventStore, projection: AnyProjection, options: AsOfOptions): Promise<AsOfBuild> {
  const where = placement(options.schema);
  await refuseLiveSchema(db, options.schema);
  // Everything up to the readable head is final; past it, an open transaction could still add events before `to`.
  const head = await store.headPosition();
  if (options.to > head) throw new RangeError(`position ${options.to} is not readable yet (the readable head is ${head || 'empty'})`);
  const runner = createProjectionRunner({ db, store, projections: [projection], schema: options.schema, to: options.to, batchSize: options.batchSize });
  await runner.init();
  const before = (await readCheckpoints(db, where.checkpoints, [projection.name])).get(projection.name);
  if (before && before.position > options.to) await runner.rebuild(projection.name);
  else await runner.catchUp();
  const after = (await readCheckpoints(db, where.checkpoints, [projection.name])).get(projection.name);
  if (after?.error) throw new Error(`building ${projection.name} as of ${options.to} failed at ${after.position || 'the start'}: ${after.error}`);
  return { schema: options.schema, position: after?.position ?? START };
}

/** Drops a scratch schema and everything built in it. */
export async function dropProjectionSchema(db: Database, schema: string): Promise<void> {
  placement(schema);
  await refuseLiveSchema(db, schema);
  await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
}
