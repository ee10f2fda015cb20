/**
 * The system as `npm start` runs it (runtime/start.mjs, the compiled runtime/start-all.ts, in a process of its own: PGlite, the Temporal dev server, a
 * worker, the projection runner, the API) in a fresh temporary DATA_DIR on a free port of 127.0.0.1, set up for a load
 * run: captchas revealed, a known admin password, sign-in and verification limits raised, and the clients' forwarded
 * addresses trusted (so per-address limits count per simulated client). Its log goes to a file beside the data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../runtime/free-port.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START = path.join(ROOT, 'runtime', 'start.mjs');
export const LOAD_ADMIN_PASSWORD = 'Initial2026x';

export interface RunningSystem {
  base: string;
  dataDir: string;
  logFile: string;
  /** What the system's own log says went wrong: warnings, errors and 5xx answers, with a few examples. */
  problems(): LogProblems;
  /** SIGINT (an orderly shutdown), SIGKILL if it takes over 30 s; removes the data unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startSystem(options: { env?: Record<string, string>; startTimeoutMs?: number } = {}): Promise<RunningSystem> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-load-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'system.log');
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  // The embedded default: no external Temporal, store or database even if this shell has them set.
  const { TEMPORAL_ADDRESS: _t, DATABASE_URL: _d, EVENTSTORE_URL: _e, JXJY_S3_ENDPOINT: _s, ...inherited } = process.env;
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: {
      ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info',
      JXJY_CAPTCHA: 'reveal', JXJY_ADMIN_USERNAME: 'admin', JXJY_ADMIN_PASSWORD: LOAD_ADMIN_PASSWORD,
      JXJY_LOGIN_RATE_PER_MINUTE: '1000000', JXJY_VERIFY_RATE_PER_MINUTE: '1000000', JXJY_TRUST_PROXY: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', log],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async ({ keepData = false } = {}) => {
    await terminate(child, exited);
    fs.closeSync(log);
    if (!keepData) fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await running(child, log, options.startTimeoutMs ?? 180_000);
  } catch (error) {
    await stop({ keepData: true });
    throw new Error(`the system did not start (its log: ${logFile}): ${(error as Error).message}`);
  }
  return { base: `http://127.0.0.1:${port}`, dataDir, logFile, stop, problems: () => logProblems(logFile) };
}

export interface LogProblems {
  warnings: number;
  errors: number;
  serverErrors: number;
  examples: string[];
}

/** pino levels: 40 warn, 50 error, 60 fatal; request lines carry their status. */
export function logProblems(logFile: string): LogProblems {
  const problems: LogProblems = { warnings: 0, errors: 0, serverErrors: 0, examples: [] };
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: number; msg?: string; statusCode?: unknown; path?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const level = entry.level ?? 0;
    const serverError = entry.msg === 'request' && typeof entry.statusCode === 'number' && entry.statusCode >= 500;
    if (level >= 50) problems.errors++;
    else if (level >= 40) problems.warnings++;
    if (serverError) problems.serverErrors++;
    if ((level >= 40 || serverError) && problems.examples.length < 8) {
      problems.examples.push(`${entry.msg ?? ''}${entry.path ? ` ${entry.path}` : ''}${serverError ? ` ${String(entry.statusCode)}` : ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 300));
    }
  }
  return problems;
}

/** Resolves on "jxjy is running", which comes after the admin account exists (the API listens before that). */
function running(child: ChildProcess, log: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`not running after ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      if (seen === 'running') return;
      seen = (seen + chunk.toString('utf8')).slice(-4_000);
      if (seen.includes('"msg":"jxjy is running"')) {
        seen = 'running';
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}`));
    });
  });
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
