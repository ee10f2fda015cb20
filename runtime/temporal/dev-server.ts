/**
 * Spawns and stops `temporal server start-dev` on a SQLite file: the embedded default's Temporal (DESIGN.md §2)
 * and the one shared server of a test run. Startup measured on the 2-core dev box: ~0.6 s to the
 * `Temporal Server:` line on a fresh file, ~0.1 s more for the gRPC probe.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from '../free-port.js';
import { type Release, takePidLock } from '../../events/store/pid-lock.js';

export interface DevServerOptions {
  binary: string;
  dbFilename: string;
  ip?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  namespace?: string;
  /** Production embedded default is WAL + NORMAL; tests may pass synchronous=OFF (never for real data). */
  sqlitePragmas?: Record<string, string>;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'never';
  extraArgs?: string[];
  /** Environment variables for the server process where this one's environment does not set them (GOMEMLIMIT…). */
  envDefaults?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Receives the server's own log lines (stderr) once it is up. */
  onLog?: (line: string) => void;
}

export interface DevServer {
  readonly address: string;
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from spawn to a successful gRPC probe. */
  readonly startupMs: number;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s); resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (crash tests). */
  kill(): Promise<void>;
}

export class DevServerError extends Error {
  override readonly name = 'DevServerError';
}

export const DEFAULT_SQLITE_PRAGMAS = { journal_mode: 'WAL', synchronous: 'NORMAL' };

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  // A free port found by binding :0 can be taken before the CLI binds it: retry with a fresh one.
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort(options.ip ?? '127.0.0.1'));
    try {
      return await spawnOnce({ ...options, port });
    } catch (error) {
      const portTaken = /port|address already in use/i.test((error as Error).message);
      if (options.port || !portTaken || attempt >= 3) throw error;
    }
  }
}

/** Holds the database file's claim while it spawns, and gives it back when the spawn fails. */
async function spawnOnce(options: DevServerOptions & { port: number }): Promise<DevServer> {
  fs.mkdirSync(path.dirname(path.resolve(options.dbFilename)), { recursive: true });
  const releaseFile = claimDatabaseFile(options.dbFilename);
  try {
    return await spawnOwned(options, releaseFile);
  } catch (error) {
    releaseFile();
    throw error;
  }
}

async function spawnOwned(options: DevServerOptions & { port: number }, releaseFile: () => void): Promise<DevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const address = `${ip}:${options.port}`;
  await reapOrphan(options.dbFilename);
  const pragmas = Object.entries(options.sqlitePragmas ?? DEFAULT_SQLITE_PRAGMAS).flatMap(([k, v]) => [
    '--sqlite-pragma',
    `${k}=${v}`,
  ]);
  const args = [
    'server', 'start-dev',
    '--db-filename', options.dbFilename,
    '--headless',
    '--ip', ip,
    '--port', String(options.port),
    // "default" always exists; other namespaces are created before the frontend starts.
    ...(options.namespace && options.namespace !== 'default' ? ['--namespace', options.namespace] : []),
    '--log-level', options.logLevel ?? 'warn',
    ...pragmas,
    ...(options.extraArgs ?? []),
  ];
  const started = performance.now();
  // detached: Ctrl-C reaches the whole foreground process group; the server must outlive the worker's drain.
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...options.envDefaults, ...process.env } });
  const output = collectOutput(child, options.onLog);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
    child.once('error', () => resolve(null));
  });
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new DevServerError(`cannot run ${options.binary}: ${error.message}`))),
  );
  const died = exited.then((how) => {
    throw new DevServerError(`temporal dev server exited (${String(how)}) before it was ready:\n${output.tail()}`);
  });
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DevServerError(`temporal dev server at ${address} not ready after ${timeoutMs} ms:\n${output.tail()}`)),
      timeoutMs,
    );
  });
  const abort = new AbortController();
  try {
    await Promise.race([waitUntilServing(address, output.ready, abort.signal), died, spawnError, timeout]);
  } catch (error) {
    abort.abort();
    await terminate(child, exited, 'SIGKILL', 0);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  died.catch(() => {}); // after readiness an exit is reported through `exited`, not as a rejection
  output.live();
  if (child.pid === undefined) throw new DevServerError('temporal dev server has no pid');
  const pidFile = pidFilePath(options.dbFilename);
  fs.writeFileSync(pidFile, String(child.pid));
  const cleanup = () => {
    fs.rmSync(pidFile, { force: true });
    releaseFile();
  };
  return {
    address,
    port: options.port,
    pid: child.pid,
    startupMs: Math.round(performance.now() - started),
    exited,
    stop: (graceMs = 10_000) => terminate(child, exited, 'SIGTERM', graceMs).finally(cleanup),
    kill: () => terminate(child, exited, 'SIGKILL', 0).finally(cleanup),
  };
}

/** The CLI prints `Temporal Server:` once its frontend listens; the gRPC probe proves it answers. */
async function waitUntilServing(address: string, printedReady: Promise<void>, signal: AbortSignal): Promise<void> {
  await printedReady;
  for (;;) {
    signal.throwIfAborted();
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function collectOutput(child: ChildProcess, onLog?: (line: string) => void) {
  const lines: string[] = [];
  let isLive = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const onLine = (line: string) => {
    if (/Temporal Server:/.test(line)) markReady();
    if (isLive) onLog?.(line);
    else if (lines.push(line) > 60) lines.shift();
  };
  // Both pipes are drained for the server's whole life: a full pipe would block its logging, then the server.
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) onLine(part);
    });
  }
  return { ready, tail: () => lines.join('\n'), live: () => (isLive = true) };
}

async function terminate(
  child: ChildProcess,
  exited: Promise<unknown>,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  if ((await Promise.race([exited, grace])) === 'timeout') child.kill('SIGKILL');
  clearTimeout(timer);
  await exited;
}

const pidFilePath = (dbFilename: string) => `${path.resolve(dbFilename)}.pid`;

/**
 * One process at a time spawns servers on a database file: it holds `<file>.lock` (its own pid, O_EXCL) from before
 * the spawn until the server has stopped. Only then is a server found running on that file (reapOrphan) truly an
 * orphan; without the claim, a second `npm start` on the same DATA_DIR would take the first one's live server for an
 * orphan and stop it. A claim whose holder has died is taken over. The same process may claim again (a restart).
 */
function claimDatabaseFile(dbFilename: string): Release {
  return takePidLock(`${path.resolve(dbFilename)}.lock`, (holder) => {
    if (holder === undefined) throw new DevServerError(`could not lock ${path.resolve(dbFilename)}.lock`);
    throw new DevServerError(
      `the Temporal database ${path.resolve(dbFilename)} is in use by process ${holder}; ` +
        'stop that process (or use another DATA_DIR): a second server on one file corrupts it',
    );
  });
}

/**
 * A process that died without stopping its server (SIGKILL, OOM) leaves it running on the same SQLite file:
 * a second server on that file would corrupt it. Stop the orphan if /proc still shows it serving this file.
 */
async function reapOrphan(dbFilename: string): Promise<void> {
  const pidFile = pidFilePath(dbFilename);
  const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : NaN);
  if (!Number.isInteger(pid) || pid <= 0) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (!cmdline.includes('start-dev') || !cmdline.includes(dbFilename)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && fs.existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
  if (fs.existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
}

