/**
 * How a runner moves its projections forward: one read of the global order per pass, shared by every projection
 * that is due, then each projection's slice applied in its OWN transaction together with its own checkpoint.
 * Exactly-once per projection across crashes; and a projection whose `apply` throws is rolled back, keeps its error
 * (here and in the checkpoints table, for /health) and retries with backoff, while the others go on.
 *
 * Checkpoints are cached between passes. Each transaction first moves its checkpoint from the cached position
 * (checkpoints.ts `advance`); if another process moved it meanwhile (a rebuild, a second runner that also thinks
 * it leads), nothing is applied, the cache is reloaded and the next pass reads from the right place.
 */
import type { Database } from '../events/store/database.js';
import {
  type EventFilter,
  type EventHeader,
  type EventStore,
  type Position,
  type RecordedEvent,
  START,
  StoreUnavailableError,
  matchesFilter,
} from '../events/store/event-store.js';
import { advance, minPosition, readCheckpoints, recordFailure } from './checkpoints.js';
import { type Placement, inPlacement } from './placement.js';
import { type AnyProjection, readsHeadersOnly } from './projection.js';

export interface RunnerLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface CatchUpOptions {
  db: Database;
  store: EventStore;
  where: Placement;
  projections: AnyProjection[];
  batchSize: number;
  /** Inclusive upper bound (an as-of build); undefined: everything readable. */
  to?: Position;
  /** First retry delay of a failing projection; doubles per failure up to 30 times this. */
  retryMs: number;
  logger: RunnerLogger;
  onAdvanced(name: string, position: Position): void;
}

interface Tracked {
  projection: AnyProjection;
  /** The checkpoint as this runner last saw it. */
  position: Position;
  failure?: { message: string; attempts: number; retryAt: number };
}

/** What one read gave: headers of every event in the range and/or whole events matching the payload readers. */
interface Batch {
  headers: EventHeader[];
  events: RecordedEvent[];
  checkpoint: Position;
  read: number;
  more: boolean;
}

export interface CatchUp {
  /** One read and its application; `more` when another pass may find more right away. */
  pass(): Promise<{ read: number; more: boolean }>;
  /** Forget the cached checkpoints and retry delays (after init, a rebuild, or regaining leadership). */
  invalidate(): void;
}

export function createCatchUp(options: CatchUpOptions): CatchUp {
  const { db, store, where, batchSize, to, logger } = options;
  const tracked = options.projections.map((projection): Tracked => ({ projection, position: START }));
  let loaded = false;

  const isDue = (t: Tracked, now: number) => !t.failure || t.failure.retryAt <= now;

  async function fail(t: Tracked, error: unknown) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000) || 'failed';
    const attempts = (t.failure?.attempts ?? 0) + 1;
    t.failure = { message, attempts, retryAt: Date.now() + Math.min(options.retryMs * 2 ** (attempts - 1), options.retryMs * 30) };
    logger.error({ err: error, projection: t.projection.name, position: t.position, attempts }, 'projection failed; the others go on, it retries');
    await recordFailure(db, where.checkpoints, t.projection.name, message).catch((recordError: unknown) => {
      logger.warn({ err: recordError, projection: t.projection.name }, 'could not record the projection failure');
    });
  }

  async function load(now: number) {
    const rows = await readCheckpoints(db, where.checkpoints, tracked.map((t) => t.projection.name));
    for (const t of tracked) {
      if (!isDue(t, now)) continue;
      const row = rows.get(t.projection.name);
      if (row && row.version === t.projection.version) t.position = row.position;
      // Another process runs a different version of this projection (a rolling deploy): it owns the tables now.
      else await fail(t, new Error(row ? `its checkpoint is at version ${row.version}, this runner has version ${t.projection.version}` : 'it has no checkpoint (init has not run)'));
    }
    loaded = true;
  }

  async function readBatch(due: Tracked[], from: Position): Promise<Batch> {
    const range = { after: from, limit: batchSize, ...(to !== undefined ? { to } : {}) };
    const payloadReaders = due.filter((t) => !readsHeadersOnly(t.projection));
    const filters = payloadReaders.map((t) => t.projection.filter);
    const union = filters.every((f): f is EventFilter => f !== undefined) ? filters : undefined;
    if (payloadReaders.length === due.length) {
      // Every due projection needs payloads: one filtered read, which passes non-matching events server-side.
      const page = await store.readPage({ ...range, filter: union });
      const more = page.events.length === batchSize || page.checkpoint > (page.events.at(-1)?.position ?? from);
      return { headers: page.events, events: page.events, checkpoint: page.checkpoint, read: page.events.length, more };
    }
    // Someone folds headers only: read those for the whole range, and payloads only of the events that need them.
    const page = await store.readHeaders(range);
    const events =
      payloadReaders.length > 0 && page.checkpoint > from
        ? await store.readAll({ after: from, to: page.checkpoint, filter: union, limit: page.events.length })
        : [];
    const more = page.events.length === batchSize || page.checkpoint > (page.events.at(-1)?.position ?? from);
    return { headers: page.events, events, checkpoint: page.checkpoint, read: page.events.length, more };
  }

  async function applyTo(t: Tracked, batch: Batch): Promise<'applied' | 'idle' | 'moved'> {
    const { projection } = t;
    const after = (e: EventHeader) => e.position > t.position && matchesFilter(e, projection.filter);
    const headers = readsHeadersOnly(projection) ? batch.headers.filter(after) : [];
    const events = readsHeadersOnly(projection) ? [] : batch.events.filter(after);
    if (headers.length === 0 && events.length === 0) return 'idle';
    const applied = await inPlacement(db, where, async (tx) => {
      // The checkpoint moves first: it locks the row, so a second runner waits here instead of applying alongside.
      const moved = await advance(tx, where.checkpoints, [{ name: projection.name, version: projection.version, from: t.position }], batch.checkpoint);
      if (moved.size === 0) return false;
      if (readsHeadersOnly(projection)) await projection.apply(tx, headers);
      else await projection.apply(tx, events);
      return true;
    });
    return applied ? 'applied' : 'moved';
  }

  function advanced(t: Tracked, position: Position) {
    if (t.failure) logger.info({ projection: t.projection.name, position }, 'projection recovered');
    t.position = position;
    t.failure = undefined;
    options.onAdvanced(t.projection.name, position);
  }

  async function pass() {
    const now = Date.now();
    if (!loaded || tracked.some((t) => t.failure && isDue(t, now))) await load(now);
    const due = tracked.filter((t) => isDue(t, now));
    if (due.length === 0) return { read: 0, more: false };
    const from = minPosition(due.map((t) => t.position));
    const batch = await readBatch(due, from);
    if (batch.checkpoint <= from) return { read: 0, more: false };
    const idle: Tracked[] = [];
    let conflicted = false;
    for (const t of due) {
      if (t.position >= batch.checkpoint) continue;
      try {
        const outcome = await applyTo(t, batch);
        if (outcome === 'idle') idle.push(t);
        else if (outcome === 'moved') conflicted = true;
        else advanced(t, batch.checkpoint);
      } catch (error) {
        // An outage is the runner's problem (it steps down and retries), not this projection's.
        if (error instanceof StoreUnavailableError) throw error;
        await fail(t, error);
      }
    }
    if (idle.length > 0) {
      // Nothing to apply: the checkpoints move in one statement, no transaction.
      const moves = idle.map((t) => ({ name: t.projection.name, version: t.projection.version, from: t.position }));
      const moved = await advance(db, where.checkpoints, moves, batch.checkpoint);
      for (const t of idle) {
        if (moved.has(t.projection.name)) advanced(t, batch.checkpoint);
        else conflicted = true;
      }
    }
    // A checkpoint someone else moved: reload and read again from where it is now.
    if (conflicted) loaded = false;
    return { read: batch.read, more: batch.more || conflicted };
  }

  return {
    pass,
    invalidate() {
      loaded = false;
      for (const t of tracked) t.failure = undefined;
    },
  };
}
