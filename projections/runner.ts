/**
 * The projection runner: keeps each projection's tables and checkpoint (catch-up.ts applies the batches), wakes on
 * NOTIFY with polling as the fallback, reports per-projection position, lag and error, rebuilds from zero, and
 * answers read-your-writes waits for the projections a query reads.
 *
 * One runner applies at a time: it holds a PostgreSQL advisory lock, and a standby polls for it. A checkpoint moves
 * only from the position its writer saw, in the batch's own transaction, so even two runners that both think they
 * lead cannot apply an event twice.
 *
 * The same runner, given a scratch `schema` and an upper bound `to`, builds projections as of a past position
 * (as-of.ts); the live runner uses the connection's own schema, where the API's queries look.
 */
import { EventEmitter } from 'node:events';
import type { Database } from '../events/store/database.js';
import { type EventStore, type Position, START } from '../events/store/event-store.js';
import { EVENTS_CHANNEL } from '../events/store/postgres-event-store.js';
import { EAGER_FIRST_MS, EAGER_STEPS } from '../events/store/subscription.js';
import { type RunnerLogger, createCatchUp } from './catch-up.js';
import { minPosition, readCheckpoints } from './checkpoints.js';
import { createProjection, inPlacement, placement, preparePlacement, resetProjection } from './placement.js';
import type { AnyProjection } from './projection.js';


/** The advisory lock whose holder applies ("jxjy"): one bigint key, seen in pg_locks as classid 0, objid the key, objsubid 1. */
export const RUNNER_LOCK_KEY = 0x6a786a79;
export type { RunnerLogger } from './catch-up.js';

export interface ProjectionRunnerOptions {
  db: Database;
  store: EventStore;
  projections: AnyProjection[];
  batchSize?: number;
  /** Fallback poll interval when no NOTIFY arrives (ms); also the first retry delay of a failing projection. */
  pollMs?: number;
  /** Registers a wake-up callback; defaults to LISTEN on the event store's channel. */
  wake?: (onWake: () => void) => Promise<() => Promise<void>>;
  logger?: RunnerLogger;
  /** Advisory-lock key shared by every runner of one deployment. */
  lockKey?: number;
  /** A scratch schema instead of the connection's own (never the live read models). */
  schema?: string;
  /** Apply nothing after this position (inclusive). */
  to?: Position;
}

export interface ProjectionHealth {
  name: string;
  /** Its checkpoint. */
  position: Position;
  /** Events readable after its checkpoint (capped at LAG_CAP). */
  lag: number;
  /** Why its last batch failed; it retries, the others go on. */
  error?: string;
}

export interface ProjectionStatus {
  /** The lowest checkpoint over all projections. */
  position: Position;
  /** The largest lag over all projections. */
  lag: number;
  leader: boolean;
  projections: ProjectionHealth[];
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
  /** Resolves true once the named projections (default: all) have passed `position`, false after the timeout. */
  waitFor(position: Position, timeoutMs: number, names?: string[]): Promise<boolean>;
  /** Drops and replays one projection (or all) from the first event. */
  rebuild(name?: string): Promise<void>;
}

/** Lag is counted by reading the pending events' headers, so /health (public) reads at most this many. */
export const LAG_CAP = 1_000;
const noopLogger: RunnerLogger = { info() {}, warn() {}, error() {} };

export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { db, store, projections, to } = options;
  const names = projections.map((p) => p.name);
  const where = placement(options.schema);
  const pollMs = options.pollMs ?? 1000;
  const logger = options.logger ?? noopLogger;
  const lockKey = options.lockKey ?? RUNNER_LOCK_KEY;
  const wake = options.wake ?? ((onWake: () => void) => db.listen(EVENTS_CHANNEL, onWake));
  const advanced = new EventEmitter();
  advanced.setMaxListeners(0);
  const progress = createCatchUp({
    db,
    store,
    where,
    projections,
    batchSize: options.batchSize ?? 500,
    to,
    retryMs: pollMs,
    logger,
    onAdvanced: (name, position) => advanced.emit('advanced', name, position),
  });

  let running: Promise<void> | null = null;
  let stopping = false;
  let leader = false;
  let nudge: (() => void) | null = null;

  // One catch-up at a time per runner (the loop, a rebuild, a test's direct call): they share the cached checkpoints.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  }

  async function catchUpNow(): Promise<number> {
    let total = 0;
    for (;;) {
      const { read, more } = await progress.pass();
      total += read;
      if (!more) return total;
    }
  }

  async function init() {
    await preparePlacement(db, where);
    const known = await readCheckpoints(db, where.checkpoints, names);
    for (const projection of projections) {
      const checkpoint = known.get(projection.name);
      if (checkpoint && checkpoint.version !== projection.version) {
        logger.info({ projection: projection.name, from: checkpoint.version, to: projection.version }, 'projection version changed: rebuilding');
        await inPlacement(db, where, (tx) => resetProjection(tx, where, projection));
      } else {
        await inPlacement(db, where, (tx) => createProjection(tx, where, projection));
      }
    }
    progress.invalidate();
  }

  /** Session-level advisory lock: released by the server when our connection dies, so a standby takes over. */
  async function acquireLeadership() {
    const session = await db.session();
    const { rows } = await session.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [lockKey]);
    if (rows[0]?.locked) {
      // Whoever led before us may have moved the checkpoints.
      progress.invalidate();
      return session;
    }
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
          const read = await serially(catchUpNow);
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

  async function lagAfter(position: Position): Promise<number> {
    const pending = await store.readHeaders({ after: position, limit: LAG_CAP, ...(to !== undefined ? { to } : {}) });
    return pending.events.length;
  }

  async function status(): Promise<ProjectionStatus> {
    const rows = await readCheckpoints(db, where.checkpoints, names);
    const positions = names.map((name) => rows.get(name)?.position ?? START);
    // Usually every projection is at the same place: one read counts the lag of all of them.
    const lags = new Map<Position, number>();
    for (const position of new Set(positions)) lags.set(position, await lagAfter(position));
    const health = names.map((name, i): ProjectionHealth => {
      const error = rows.get(name)?.error;
      return { name, position: positions[i]!, lag: lags.get(positions[i]!)!, ...(error ? { error } : {}) };
    });
    return {
      position: minPosition(positions),
      lag: Math.max(0, ...health.map((h) => h.lag)),
      leader,
      projections: health,
    };
  }

  async function waitFor(position: Position, timeoutMs: number, only?: string[]): Promise<boolean> {
    const wanted = only ?? names;
    const unknown = wanted.filter((name) => !names.includes(name));
    if (unknown.length > 0) throw new Error(`no projection named ${unknown.join(', ')}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await readCheckpoints(db, where.checkpoints, wanted);
      if (wanted.every((name) => (rows.get(name)?.position ?? START) >= position)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      // Another process may be the runner: poll the checkpoints, but wake at once on a local batch.
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
  }

  return {
    init,
    catchUp: () => serially(catchUpNow),
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
    status,
    waitFor,
    rebuild: (name) =>
      serially(async () => {
        const targets = name ? projections.filter((p) => p.name === name) : projections;
        if (targets.length === 0) throw new Error(`no projection named "${name}"`);
        await inPlacement(db, where, async (tx) => {
          for (const projection of targets) await resetProjection(tx, where, projection);
        });
        progress.invalidate();
        await catchUpNow();
      }),
  };
}
