/**
 * Runs the admin bootstrap job (bootstrap-admin.ts) once for the launcher. Its result comes back on stdout, not
 * through a log file, so a generated one-time password is shown on the launcher's console and stored nowhere.
 */
import path from 'node:path';
import { withApplicationName } from './database.js';
import { spawnNodeProcess } from './node-process.js';
import { TopologyStartError, logTail } from './readiness.js';

export interface AdminBootstrap {
  created: boolean;
  username: string;
  /** Only when generated, and only from the launch that created the account. */
  oneTimePassword?: string;
}

export interface AdminJobOptions {
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  logDir: string;
  pidDir: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function runAdminJob(options: AdminJobOptions): Promise<AdminBootstrap> {
  const name = 'admin-bootstrap';
  const job = spawnNodeProcess({
    name,
    entry: 'runtime/topology/bootstrap-admin.ts',
    args: ['--json'],
    env: { ...options.env, DATABASE_URL: withApplicationName(options.databaseUrl, name) },
    logFile: path.join(options.logDir, `${name}.log`),
    pidFile: path.join(options.pidDir, `${name}.pid`),
    pipeStdout: true,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
  const aborted = new Promise<'aborted'>((resolve) => options.signal?.addEventListener('abort', () => resolve('aborted'), { once: true }));
  const how = await Promise.race([job.exited, timeout, aborted]);
  clearTimeout(timer);
  if (how === 'timeout' || how === 'aborted') await job.stop(1_000);
  options.signal?.throwIfAborted();
  const line = (await job.stdout).trim().split('\n').pop() ?? '';
  if (how !== 0 || !line.startsWith('{')) {
    throw new TopologyStartError(`the admin bootstrap job failed (${String(how)}):\n${logTail(job.spec.logFile)}`);
  }
  return JSON.parse(line) as AdminBootstrap;
}
