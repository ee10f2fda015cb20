/**
 * The projection runner: reads a batch after the checkpoints, applies it and the new checkpoints in ONE
 * transaction (exactly-once effects across crashes), wakes on NOTIFY with polling as the fallback, reports lag,
 * rebuilds from zero, and answers read-your-writes waits (`?after=<position>`).
 *
 * One runner applies at a time: it holds a PostgreSQL advisory lock, and a standby polls for it. The checkpoint
 * rows are also locked inside each batch's transaction, so even two runners that both think they lead cannot
 * apply an event twice.
 */
import { EventEmitter } from 'node:events';
import type { Database, Sql } from '../events/store/database.js';
import { type EventStore, type Position, START, matchesFilter } from '../events/store/event-store.js';
import { EVENTS_CHANNEL } from '../events/store/postgres-event-store.js';
import { EAGER_FIRST_MS, EAGER_STEPS } from '../events/store/subscription.js';
import { CHECKPOINTS_DDL, type Checkpoint, minPosition, saveCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface RunnerLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface ProjectionRunnerOptions {
  db: Database;
  store: EventStore;
  projections: Projection[];
  batchSize?: number;
  /** Fallback poll interval when no NOTIFY arrives (ms). */
  pollMs?: number;
  /** Registers a wake-up callback; defaults to LISTEN on the event store's channel. */
  wake?: (onWake: () => void) => Promise<() => Promise<void>>;
  logger?: RunnerLogger;
  /** Advisory-lock key shared by every runner of one deployment. */
  lockKey?: number;
}

export interface ProjectionStatus {
  /** The lowest checkpoint over all projections. */
  position: Position;
  /** Events readable in the store but not yet applied (capped at LAG_CAP). */
  lag: number;
  leader: boolean;
}

export interface ProjectionRunner {
  /** Creates tables and checkpoints; rebuilds projections whose version changed. */
  init(): Promise<void>;
  /** Applies everything readable now; resolves to the number of events read. */
  catchUp(): Promise<number>;
  /** Runs until stop(): leadership, catch-up, then follow. */
  start(): void;
  stop(): Promise<void>;
  status(): Promise<ProjectionStatus>;
  /** Resolves true once every projection has passed `position`, false after the timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** Drops and replays one projection (or all) from the first event. */
  rebuild(name?: string): Promise<void>;
}

/** Lag is counted by reading the pending events, so /health (public) reads at most this many. */
export const LAG_CAP = 1_000;
const noopLogger: RunnerLogger = { info() {}, warn() {}, error() {} };

export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { db, store, projections } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 1000;
  const logger = options.logger ?? noopLogger;
  const lockKey = options.lockKey ?? 0x6a786a79; // "jxjy"
  const wake = options.wake ?? ((onWake: () => void) => db.listen(EVENTS_CHANNEL, onWake));
  const advanced = new EventEmitter();
  advanced.setMaxListeners(0);

  let running: Promise<void> | null = null;
  let stopping = false;
  let leader = false;
  let nudge: (() => void) | null = null;

  async function createTables(sql: Sql, projection: Projection) {
    await sql.exec(projection.tables);
    await sql.query(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [projection.name, projection.version, START],
    );
  }

  async function resetIn(tx: Sql, projection: Projection) {
    for (const table of projection.tableNames) await tx.exec(`DROP TABLE IF EXISTS ${table} CASCADE`);
    await tx.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [projection.name]);
    await createTables(tx, projection);
  }

  async function init() {
    await db.exec(CHECKPOINTS_DDL);
    const { rows } = await db.query<Checkpoint>(`SELECT name, version, position FROM projection_checkpoints`);
    const known = new Map(rows.map((row) => [row.name, row]));
    for (const projection of projections) {
      const checkpoint = known.get(projection.name);
      if (checkpoint && checkpoint.version !== projection.version) {
        logger.info({ projection: projection.name, from: checkpoint.version, to: projection.version }, 'projection version changed: rebuilding');
        await db.transaction((tx) => resetIn(tx, projection));
      } else {
        await db.transaction((tx) => createTables(tx, projection));
      }
    }
  }

  async function lowestCheckpoint(sql: Sql): Promise<Position> {
    const { rows } = await sql.query<{ position: string }>(
      `SELECT position FROM projection_checkpoints WHERE name = ANY($1)`,
      [projections.map((p) => p.name)],
    );
    return rows.length < projections.length ? START : minPosition(rows.map((row) => row.position));
  }

  /** Events read and applied, or null when the batch was read from a checkpoint that has since moved back. */
  async function processBatch(): Promise<number | null> {
    const from = await lowestCheckpoint(db);
    const events = await store.readAll({ after: from, limit: batchSize });
    if (events.length === 0) return 0;
    const last = events[events.length - 1]!.position;
    const applied = await db.transaction(async (tx) => {
      // Lock the checkpoints we are about to move; a second runner waits here and then sees our result.
      const { rows } = await tx.query<Checkpoint>(
        `SELECT name, version, position FROM projection_checkpoints WHERE name = ANY($1) ORDER BY name FOR UPDATE`,
        [projections.map((p) => p.name)],
      );
      const checkpoints = new Map(rows.map((row) => [row.name, row.position]));
      // A checkpoint moved back since we read (a rebuild, or another process's init after a version bump): this batch
      // starts too late for it. Apply nothing; the next pass reads from the new, lower checkpoint.
      if (projections.some((p) => (checkpoints.get(p.name) ?? START) < from)) return false;
      for (const projection of projections) {
        const from = checkpoints.get(projection.name) ?? START;
        if (from >= last) continue;
        const relevant = events.filter((event) => event.position > from && matchesFilter(event, projection.filter));
        if (relevant.length > 0) await projection.apply(tx, relevant);
        await saveCheckpoint(tx, { name: projection.name, version: projection.version, position: last });
      }
      return true;
    });
    if (!applied) return null;
    advanced.emit('advanced', last);
    return events.length;
  }

  async function catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const read = await processBatch();
      if (read === null) continue;
      total += read;
      if (read < batchSize) return total;
    }
  }

  /** Session-level advisory lock: released by the server when our connection dies, so a standby takes over. */
  async function acquireLeadership() {
    const session = await db.session();
    const { rows } = await session.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [lockKey]);
    if (rows[0]?.locked) return session;
    await session.release();
    return null;
  }

  async function sleep(ms: number) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      nudge = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    nudge = null;
  }

  async function run() {
    let woken = false;
    const unlisten = await wake(() => {
      woken = true;
      nudge?.();
    });
    let session: Awaited<ReturnType<typeof acquireLeadership>> = null;
    // After a NOTIFY the new events may not be readable yet (an older transaction is still open): re-poll soon.
    let eager = 0;
    try {
      while (!stopping) {
        try {
          session ??= await acquireLeadership();
          leader = session !== null;
          if (!leader) {
            await sleep(pollMs * 5); // standby
            continue;
          }
          const triggered = woken;
          woken = false;
          const read = await catchUp();
          if (read > 0) eager = 0;
          else if (triggered) eager = EAGER_STEPS;
          if (!woken) await sleep(eager > 0 ? Math.min(pollMs, EAGER_FIRST_MS * 2 ** (EAGER_STEPS - eager--)) : pollMs);
        } catch (error) {
          logger.error({ err: error }, 'projection runner failed a batch; retrying');
          await session?.release().catch(() => {});
          session = null;
          leader = false;
          await sleep(pollMs);
        }
      }
    } finally {
      leader = false;
      if (session) {
        await session.query(`SELECT pg_advisory_unlock($1)`, [lockKey]).catch(() => {});
        await session.release();
      }
      await unlisten();
    }
  }

  return {
    init,
    catchUp,
    start() {
      if (running) return;
      stopping = false;
      running = run();
    },
    async stop() {
      stopping = true;
      nudge?.();
      await running;
      running = null;
    },
    async status() {
      const position = await lowestCheckpoint(db);
      const pending = await store.readAll({ after: position, limit: LAG_CAP });
      return { position, lag: pending.length, leader };
    },
    async waitFor(position, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await lowestCheckpoint(db)) >= position) return true;
        const left = deadline - Date.now();
        if (left <= 0) return false;
        // Another process may be the runner: poll the checkpoint, but wake at once on a local batch.
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            advanced.off('advanced', done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(left, 100));
          advanced.on('advanced', done);
        });
      }
    },
    async rebuild(name) {
      const targets = name ? projections.filter((p) => p.name === name) : projections;
      if (targets.length === 0) throw new Error(`no projection named "${name}"`);
      await db.transaction(async (tx) => {
        for (const projection of targets) await resetIn(tx, projection);
      });
      await catchUp();
    },
  };
}
