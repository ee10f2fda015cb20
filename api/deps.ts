/**
 * What the API needs from the rest of the system, passed to `createServer(deps)` and reachable from every
 * route as `request.server.app.deps` (typed by the augmentation below, so routes never cast).
 */
import type { Plugin } from '@hapi/hapi';
import type { Client } from '@temporalio/client';
import type pino from 'pino';
import type { Database } from '../events/store/database.js';
import type { EventStore, Position } from '../events/store/event-store.js';
import type { FileStore } from '../events/store/files/file-store.js';
import type { Config } from '../runtime/config.js';

export interface TemporalDeps {
  /** null while Temporal is not reachable; routes that need it answer 503. */
  client: Client | null;
  /** Resolves when Temporal answers (health check); rejects with the reason otherwise. */
  check(): Promise<void>;
}

export interface ProjectionDeps {
  status(): Promise<{
    position: Position;
    lag: number;
    leader?: boolean;
    /** Each projection on its own checkpoint; `error` while one fails and retries. */
    projections?: Array<{ name: string; position: Position; lag: number; error?: string }>;
  }>;
  /** Read-your-writes: resolves true once the named projections (default: all) have passed `position`, false on timeout. */
  waitFor(position: Position, timeoutMs: number, names?: string[]): Promise<boolean>;
}

export interface ServerDeps {
  config: Config;
  db: Database;
  store: EventStore;
  /** Uploaded files (attachments), content-addressed. */
  files: FileStore;
  logger: pino.Logger;
  temporal: TemporalDeps;
  projections: ProjectionDeps;
  /** Feature plugins, registered after the core (auth, validation, errors) with `routes.prefix` `/api/v1`. */
  plugins?: Plugin<void>[];
  /** Where the built component bundle lives; defaults to `components/dist` in the project. */
  componentsDir?: string;
  /** Per-check timeout of `GET /health` (ms); defaults to 2000. */
  healthTimeoutMs?: number;
  /** The API's clock (captcha expiry, lockouts, event times); tests move it. Defaults to the system clock. */
  clock?: () => Date;
  /** Deadline of a Temporal call made for a request (ms); defaults to 10 000. */
  temporalDeadlineMs?: number;
}

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    deps: ServerDeps;
  }
}
