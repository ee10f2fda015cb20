/**
 * One topology process: a Node entry point (`runtime/start-*.ts` under tsx) with its own environment and a log file
 * that collects its stdout and stderr across restarts. Spawned detached — in its own process group — so a Ctrl-C
 * at the launcher's terminal reaches only the launcher, which then stops the processes in dependency order instead
 * of every process at once. A pid file per process lets the next launch on the same folder stop what a killed
 * launcher left behind.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type ExitStatus = number | NodeJS.Signals | null;

export interface NodeProcessSpec {
  name: string;
  /** Path from the project root, e.g. `runtime/start-api.ts`. */
  entry: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Where the pid is kept while the process runs. */
  pidFile: string;
  /** stdout to the caller instead of the log (a job whose output is its result); stderr still goes to the log. */
  pipeStdout?: boolean;
}

export interface NodeProcess {
  readonly spec: NodeProcessSpec;
  readonly pid: number;
  readonly startedAt: Date;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<ExitStatus>;
  /** Only with `pipeStdout`: everything it printed, once it has exited. */
  readonly stdout: Promise<string>;
  alive(): boolean;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs: number): Promise<ExitStatus>;
}

export function spawnNodeProcess(spec: NodeProcessSpec): NodeProcess {
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  fs.mkdirSync(path.dirname(spec.pidFile), { recursive: true });
  const startedAt = new Date();
  fs.appendFileSync(spec.logFile, `\n--- ${spec.name}: node --import tsx ${spec.entry} (${startedAt.toISOString()}) ---\n`);
  const log = fs.openSync(spec.logFile, 'a');
  let child;
  try {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, spec.entry), ...(spec.args ?? [])], {
      cwd: PROJECT_ROOT,
      env: spec.env,
      stdio: ['ignore', spec.pipeStdout ? 'pipe' : log, log],
      detached: true,
    });
  } finally {
    fs.closeSync(log); // the child holds its own copy of the descriptor
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.name} (${spec.entry}); see ${spec.logFile}`);
  fs.writeFileSync(spec.pidFile, String(pid));
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      fs.rmSync(spec.pidFile, { force: true });
      resolve(signal ?? code);
    });
    child.once('error', (error) => {
      fs.appendFileSync(spec.logFile, `${spec.name}: ${error.message}\n`);
      resolve(null);
    });
  });
  const stdout = spec.pipeStdout
    ? new Promise<string>((resolve) => child.once('close', () => resolve(out)))
    : Promise.resolve('');
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    spec,
    pid,
    startedAt,
    exited,
    stdout,
    alive,
    signal: (signal) => {
      if (alive()) child.kill(signal);
    },
    async stop(graceMs) {
      if (!alive()) return exited;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'grace over'>((resolve) => (timer = setTimeout(() => resolve('grace over'), graceMs)));
      if ((await Promise.race([exited, grace])) === 'grace over') child.kill('SIGKILL');
      clearTimeout(timer);
      return exited;
    },
  };
}

/**
 * A launcher that was itself killed leaves its detached processes running, still holding ports, the leader's lock
 * and Temporal pollers. Stop each one a pid file names — if /proc shows it is still one of ours (the same entry,
 * started on the same data folder), never a process that merely reused the pid.
 */
export async function reapOrphans(pidDir: string, dataDir: string): Promise<string[]> {
  if (!fs.existsSync(pidDir)) return [];
  const reaped: string[] = [];
  for (const file of fs.readdirSync(pidDir).filter((f) => f.endsWith('.pid'))) {
    const pidFile = path.join(pidDir, file);
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isOurs(pid, dataDir)) {
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && fs.existsSync(`/proc/${pid}`); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      reaped.push(`${path.basename(file, '.pid')} (pid ${pid})`);
    }
    fs.rmSync(pidFile, { force: true });
  }
  return reaped;
}

function isOurs(pid: number, dataDir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return cmdline.includes(PROJECT_ROOT) && environ.includes(`DATA_DIR=${dataDir}`);
  } catch {
    return false; // gone, or not ours to read
  }
}
