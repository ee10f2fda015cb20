/**
 * The system as production runs it, with every part that a fault test kills in a process (or server) of its own:
 * its own Temporal dev server (killed by one test, so not the run's shared one), a worker (`runtime/start-worker.ts`)
 * and a projection runner (`runtime/start-projections.ts`) as child processes, PostgreSQL, and the files folder —
 * optionally on a small tmpfs that a test can fill. The API runs in the test process (driven with `server.inject`),
 * reading checkpoints as `start:api` does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@hapi/hapi';
import { Client, Connection } from '@temporalio/client';
import { inject } from 'vitest';
import { bootstrapAdmin } from '../../../api/accounts/bootstrap-admin.js';
import { createLogger } from '../../../api/logger.js';
import { featurePlugins } from '../../../api/plugins.js';
import { createServer } from '../../../api/server.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createFilesystemFileStore } from '../../../events/store/files/filesystem-file-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { projections } from '../../../projections/index.js';
import { type ProjectionRunner, createProjectionRunner } from '../../../projections/runner.js';
import { type DevServer, startDevServer } from '../../../runtime/temporal/dev-server.js';
import { ADMIN } from '../../api/system.js';
import { testConfig } from '../../api/test-server.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A part of the system in its own process: started, killed and started again by the test. */
export interface ChildPart {
  readonly name: string;
  readonly pid: number | undefined;
  start(): Promise<void>;
  /** How the running process ended (`SIGKILL`, an exit code), or null when none was running. */
  kill(signal?: NodeJS.Signals): Promise<string | null>;
  /** Its output so far (for a failing test's message). */
  log(): string;
}

export interface FaultSystem {
  server: Server;
  db: TestDatabase;
  store: EventStore;
  /** Reads the runner process's checkpoints (as start:api does). */
  projections: ProjectionRunner;
  dataDir: string;
  filesDir: string;
  worker: ChildPart;
  runner: ChildPart;
  temporal: { kill(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

export async function startFaultSystem(options: { filesOnTmpfs?: string } = {}): Promise<FaultSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-faults-'));
  const filesDir = path.join(dataDir, 'files');
  fs.mkdirSync(filesDir);
  // Undone in reverse on close — or at once when the start fails part-way, so nothing is left running or mounted.
  const undo: Array<() => Promise<unknown> | unknown> = [() => fs.rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const step of undo.reverse()) await Promise.resolve().then(step).catch(() => {});
  };
  try {
    return await start(dataDir, filesDir, options, undo, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function start(
  dataDir: string,
  filesDir: string,
  options: { filesOnTmpfs?: string },
  undo: Array<() => Promise<unknown> | unknown>,
  close: () => Promise<void>,
): Promise<FaultSystem> {
  if (options.filesOnTmpfs) {
    mountTmpfs(filesDir, options.filesOnTmpfs);
    undo.push(() => spawnSync('umount', ['-l', filesDir]));
  }
  const db = await openTestDatabase('postgres');
  undo.push(() => db.drop());
  const store = await createPostgresEventStore(db);
  // The runner process creates the read-model tables; the API only reads checkpoints (as start:api does).
  const checkpoints = createProjectionRunner({ db, store, projections });
  await checkpoints.init();

  const binary = inject('temporalBinary');
  const dbFilename = path.join(dataDir, 'temporal.db');
  let devServer: DevServer = await startDevServer({ binary, dbFilename, sqlitePragmas: { journal_mode: 'WAL', synchronous: 'OFF' } });
  undo.push(() => devServer.kill());
  const port = devServer.port;
  const connection = await Connection.connect({ address: devServer.address });
  undo.push(() => connection.close());
  const client = new Client({ connection });

  const taskQueue = `faults-${crypto.randomUUID()}`;
  const config = testConfig({ temporalTaskQueue: taskQueue, adminUsername: ADMIN.username, adminPassword: ADMIN.password, logLevel: 'silent', dataDir });
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_URL: db.url!,
    TEMPORAL_ADDRESS: devServer.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    JXJY_JWT_SECRET: config.jwtSecret,
  };
  const worker = childPart('worker', 'runtime/start-worker.ts', env, /worker polling/);
  const runner = childPart('runner', 'runtime/start-projections.ts', env, /projection runner started/);
  undo.push(() => Promise.all([worker.kill('SIGTERM'), runner.kill('SIGTERM')]));
  await runner.start();
  await worker.start();

  const server = await createServer({
    config,
    db,
    store,
    files: createFilesystemFileStore(filesDir),
    logger: createLogger(config),
    temporal: {
      client,
      async check() {
        await client.withDeadline(Date.now() + 2_000, () => connection.healthService.check({}));
      },
    },
    projections: checkpoints,
    plugins: featurePlugins,
    temporalDeadlineMs: 3_000,
  });
  undo.push(() => server.stop());
  await bootstrapAdmin({ store, db, client, config });

  return {
    server,
    db,
    store,
    projections: checkpoints,
    dataDir,
    filesDir,
    worker,
    runner,
    temporal: {
      async kill() {
        await devServer.kill();
      },
      async start() {
        devServer = await startDevServer({ binary, dbFilename, port, sqlitePragmas: { journal_mode: 'WAL', synchronous: 'OFF' } });
      },
    },
    close,
  };
}

function childPart(name: string, entry: string, env: NodeJS.ProcessEnv, ready: RegExp): ChildPart {
  let child: ChildProcess | undefined;
  let output = '';
  return {
    name,
    get pid() {
      return child?.pid;
    },
    start() {
      // Only this process's output tells that it is ready: the last one's "ready" line is still in the log.
      let fresh = '';
      return new Promise<void>((resolve, reject) => {
        const started = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        child = started;
        const timer = setTimeout(() => reject(new Error(`${name} did not become ready in 60 s:\n${output.slice(-4_000)}`)), 60_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          fresh += chunk.toString('utf8');
          if (ready.test(fresh)) {
            clearTimeout(timer);
            resolve();
          }
        };
        started.stdout!.on('data', read);
        started.stderr!.on('data', read);
        started.once('exit', (code, signal) => {
          output += `\n[${name} exited: ${code ?? signal}]\n`;
          clearTimeout(timer);
          reject(new Error(`${name} exited before it was ready:\n${output.slice(-4_000)}`));
        });
      });
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return null;
      const exited = new Promise<string>((resolve) => running.once('exit', (code, how) => resolve(how ?? String(code))));
      running.kill(signal);
      const timeout = setTimeout(() => running.kill('SIGKILL'), 10_000);
      const ended = await exited;
      clearTimeout(timeout);
      return ended;
    },
    log: () => output,
  };
}

/** Root only (CI runs as root): a small tmpfs over the files folder, so a test can fill it for real. */
export function canMountTmpfs(): boolean {
  return process.getuid?.() === 0;
}

function mountTmpfs(dir: string, size: string): void {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount tmpfs on ${dir}: ${mounted.stderr}`);
}
