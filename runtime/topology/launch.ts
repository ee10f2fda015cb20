/**
 * The production topology on one machine (issue 13): API instances, Temporal workers and projection runners as
 * separate processes on one PostgreSQL database and one Temporal server, the way a deployment runs them. A library
 * for `npm run topology` (runtime/topology.ts) and for tests that kill and restart its processes.
 *
 * Start order, in waves: Temporal and the database; the first runner alone; the first API and the first worker;
 * then every other process, with the admin bootstrap job. On a fresh database the first process of each kind
 * creates that kind's tables: PostgreSQL's `CREATE TABLE IF NOT EXISTS` is not safe against itself, and runners
 * started together on an empty database were seen dying on a duplicate key in pg_type.
 *
 * The folder holds `app/` (the processes' shared DATA_DIR: file store, JWT secret, seal key), `logs/<name>.log`,
 * `run/<name>.pid` and `temporal/` (the dev server's SQLite file, when it runs one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../free-port.js';
import { type AdminBootstrap, runAdminJob } from './admin-job.js';
import { databaseName, dropDatabase, ensureDatabase, openDatabaseProbe, withApplicationName } from './database.js';
import { type ExitStatus, type NodeProcess, reapOrphans, spawnNodeProcess } from './node-process.js';
import { apiHealthy, waitUntil, workerPolling } from './readiness.js';
import { sharedSecrets } from './shared-secrets.js';
import { startTopologyTemporal } from './temporal.js';

export type { AdminBootstrap } from './admin-job.js';
export { TopologyStartError } from './readiness.js';

export type ProcessKind = 'api' | 'worker' | 'runner';

export interface TopologyOptions {
  /** The topology's folder (created if missing). */
  dataDir: string;
  /** PostgreSQL for events, read models and checkpoints; the database is created if missing. */
  databaseUrl: string;
  /** An external Temporal server; unset = spawn `temporal server start-dev` in the folder. */
  temporalAddress?: string;
  temporalNamespace?: string;
  temporalTaskQueue?: string;
  temporalCli?: string;
  /** How many of each (default 2 each). */
  apis?: number;
  workers?: number;
  runners?: number;
  /** Fixed API ports, one per API; default free ones (kept across restarts). */
  apiPorts?: number[];
  /** Added to every process's environment (JXJY_CAPTCHA, JXJY_ADMIN_*, LOG_LEVEL, …), over the launcher's own. */
  env?: NodeJS.ProcessEnv;
  /** Per wait: a process becoming healthy, a runner taking the lead (default 60 s). */
  readyTimeoutMs?: number;
  /** Progress and unexpected exits, one line each (default: nothing). */
  onProgress?: (message: string) => void;
  /** Aborting it while the topology starts stops whatever has started; the launch then rejects. */
  signal?: AbortSignal;
}

export interface ProcessInfo {
  name: string;
  kind: ProcessKind | 'temporal';
  pid: number;
  alive: boolean;
  logFile: string;
  url?: string;
}

export interface Topology {
  readonly apiUrls: string[];
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly temporalTaskQueue: string;
  readonly dataDir: string;
  readonly logDir: string;
  readonly admin: AdminBootstrap;
  /** Milliseconds from the call to every process healthy with one runner leading. */
  readonly startupMs: number;
  processes(): ProcessInfo[];
  /** Sends `signal` (default SIGTERM) and resolves once the process has exited; no restart follows. */
  kill(name: string, signal?: NodeJS.Signals): Promise<ExitStatus>;
  /** Stops the process if it runs, starts it again with the same settings, and resolves once it is healthy. */
  restart(name: string): Promise<ProcessInfo>;
  /** The runner (`runner-2`) holding the leader's advisory lock, or undefined while none does. */
  leaderRunner(): Promise<string | undefined>;
  /** SIGTERM in dependency order — APIs, workers, runners, Temporal — each with a grace before SIGKILL. Keeps the data. */
  stop(): Promise<void>;
  /** stop(), then drops the database and removes the folder. */
  destroy(): Promise<void>;
}

const ENTRIES: Record<ProcessKind, string> = {
  api: 'runtime/start-api.ts',
  worker: 'runtime/start-worker.ts',
  runner: 'runtime/start-projections.ts',
};
/** Longer than the worker's 10 s shutdownGraceTime (runtime/temporal/worker.ts), so an in-flight append can finish. */
const STOP_GRACE_MS = 15_000;
/** Stop order: nothing new comes in, then in-flight work drains, then what it wrote is projected. */
const STOP_ORDER: ProcessKind[] = ['api', 'worker', 'runner'];

interface Managed {
  name: string;
  kind: ProcessKind;
  env: NodeJS.ProcessEnv;
  url?: string;
  current: NodeProcess;
  /** Set when we asked it to exit, so its exit is not reported as a crash. */
  expectedExit: boolean;
}

export async function launchTopology(options: TopologyOptions): Promise<Topology> {
  const started = performance.now();
  const root = path.resolve(options.dataDir);
  const folders = { app: path.join(root, 'app'), logs: path.join(root, 'logs'), run: path.join(root, 'run'), temporal: path.join(root, 'temporal') };
  const report = options.onProgress ?? (() => {});
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const namespace = options.temporalNamespace ?? 'default';
  const taskQueue = options.temporalTaskQueue ?? 'jxjy';
  const counts: Record<ProcessKind, number> = { api: options.apis ?? 2, worker: options.workers ?? 2, runner: options.runners ?? 2 };
  for (const [kind, count] of Object.entries(counts)) {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`a topology needs at least one ${kind}, not ${count}`);
  }
  const database = databaseName(options.databaseUrl);
  fs.mkdirSync(folders.app, { recursive: true });
  const reaped = await reapOrphans(folders.run, folders.app);
  if (reaped.length > 0) report(`stopped what a previous launcher left running: ${reaped.join(', ')}`);
  const launcherEnv = { ...process.env, ...options.env };
  const secrets = sharedSecrets(launcherEnv, folders.app);

  const temporal = await startTopologyTemporal({
    address: options.temporalAddress,
    namespace,
    cli: options.temporalCli,
    folder: folders.temporal,
    logFile: path.join(folders.logs, 'temporal.log'),
    report,
  });
  report(`temporal ${options.temporalAddress ? 'at' : 'dev server on'} ${temporal.address}, namespace ${namespace}`);
  try {
    report(`${(await ensureDatabase(options.databaseUrl)) ? 'created' : 'using'} database ${database}`);
  } catch (error) {
    await temporal.stop(STOP_GRACE_MS);
    throw error;
  }
  const probe = openDatabaseProbe(options.databaseUrl);
  const commonEnv: NodeJS.ProcessEnv = {
    ...launcherEnv,
    ...secrets,
    DATA_DIR: folders.app,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: launcherEnv.LOG_LEVEL ?? 'info',
  };
  const apiHost = !launcherEnv.HOST || launcherEnv.HOST === '0.0.0.0' || launcherEnv.HOST === '::' ? '127.0.0.1' : launcherEnv.HOST;
  const managed: Managed[] = [];

  /** Starts (or starts again) the record's process and reports it if it ever exits without being asked to. */
  const spawnFor = (record: Omit<Managed, 'current' | 'expectedExit'>): NodeProcess => {
    const child = spawnNodeProcess({
      name: record.name,
      entry: ENTRIES[record.kind],
      env: record.env,
      logFile: path.join(folders.logs, `${record.name}.log`),
      pidFile: path.join(folders.run, `${record.name}.pid`),
    });
    void child.exited.then((how) => {
      const now = managed.find((m) => m.name === record.name);
      if (now?.current === child && !now.expectedExit) report(`${record.name} exited (${String(how)}); see ${child.spec.logFile}`);
    });
    return child;
  };

  const ready = (record: Managed): Promise<void> => {
    const waiting = { process: record.current, timeoutMs, signal: options.signal };
    switch (record.kind) {
      case 'api':
        return waitUntil(`${record.name} healthy at ${record.url}`, () => apiHealthy(record.url!), waiting);
      case 'worker':
        return waitUntil(`${record.name} polling ${taskQueue}`, () => workerPolling(temporal.connection, namespace, taskQueue, record.current.pid), waiting);
      case 'runner':
        return waitUntil(`${record.name} running`, () => probe.runnerListening(record.name, record.current.startedAt), waiting);
      default:
        return record.kind satisfies never;
    }
  };

  const startProcess = async (kind: ProcessKind, index: number): Promise<void> => {
    const name = `${kind}-${index}`;
    const env: NodeJS.ProcessEnv = { ...commonEnv, DATABASE_URL: withApplicationName(options.databaseUrl, name) };
    let url: string | undefined;
    if (kind === 'api') {
      const port = options.apiPorts?.[index - 1] ?? (await freePort(apiHost));
      env.PORT = String(port);
      url = `http://${apiHost}:${port}`;
    }
    const record: Managed = { name, kind, env, ...(url ? { url } : {}), current: spawnFor({ name, kind, env }), expectedExit: false };
    managed.push(record);
    await ready(record);
    report(`${name} up (pid ${record.current.pid})${url ? ` at ${url}` : ''}`);
  };

  const find = (name: string): Managed => {
    const record = managed.find((m) => m.name === name);
    if (!record) throw new Error(`no process named ${name} (there are: ${['temporal', ...managed.map((m) => m.name)].join(', ')})`);
    return record;
  };

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const kind of STOP_ORDER) {
        const group = managed.filter((m) => m.kind === kind);
        for (const m of group) m.expectedExit = true;
        await Promise.all(group.map((m) => m.current.stop(STOP_GRACE_MS)));
      }
      await probe.close().catch(() => {});
      await temporal.stop(STOP_GRACE_MS);
      report('topology stopped');
    })());

  let admin: AdminBootstrap;
  try {
    options.signal?.throwIfAborted();
    await startProcess('runner', 1);
    await Promise.all([startProcess('api', 1), startProcess('worker', 1)]);
    const rest: Array<Promise<void>> = [];
    for (const kind of Object.keys(counts) as ProcessKind[]) for (let i = 2; i <= counts[kind]; i++) rest.push(startProcess(kind, i));
    const adminJob = runAdminJob({ env: commonEnv, databaseUrl: options.databaseUrl, logDir: folders.logs, pidDir: folders.run, timeoutMs, signal: options.signal });
    // allSettled: a failure elsewhere must not leave the job running while we stop, nor its own failure unheard.
    const failed = (await Promise.allSettled([adminJob, ...rest])).find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    admin = await adminJob;
    await waitUntil('a runner leading', async () => (await probe.leaderRunner()) !== undefined, { timeoutMs, signal: options.signal });
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = Math.round(performance.now() - started);
  report(`topology up in ${startupMs} ms; logs in ${folders.logs}`);

  const processes = (): ProcessInfo[] => {
    const server = temporal.server();
    const own: ProcessInfo[] = server ? [{ name: 'temporal', kind: 'temporal', pid: server.pid, alive: temporal.serverAlive(), logFile: temporal.logFile }] : [];
    return [
      ...own,
      ...managed.map((m) => ({ name: m.name, kind: m.kind, pid: m.current.pid, alive: m.current.alive(), logFile: m.current.spec.logFile, ...(m.url ? { url: m.url } : {}) })),
    ];
  };
  const info = (name: string) => processes().find((p) => p.name === name)!;

  return {
    apiUrls: Array.from({ length: counts.api }, (_, i) => find(`api-${i + 1}`).url!),
    databaseUrl: options.databaseUrl,
    temporalAddress: temporal.address,
    temporalNamespace: namespace,
    temporalTaskQueue: taskQueue,
    dataDir: root,
    logDir: folders.logs,
    admin,
    startupMs,
    processes,
    async kill(name, signal = 'SIGTERM') {
      if (name === 'temporal') {
        process.kill(temporal.ownServer().pid, signal);
        return temporal.ownServer().exited;
      }
      const record = find(name);
      record.expectedExit = true;
      record.current.signal(signal);
      return record.current.exited;
    },
    async restart(name) {
      if (name === 'temporal') {
        await temporal.restart();
        return info(name);
      }
      const record = find(name);
      record.expectedExit = true;
      await record.current.stop(STOP_GRACE_MS);
      record.current = spawnFor(record);
      record.expectedExit = false;
      await ready(record);
      report(`${name} restarted (pid ${record.current.pid})`);
      return info(name);
    },
    leaderRunner: () => probe.leaderRunner(),
    stop,
    async destroy() {
      await stop();
      await dropDatabase(options.databaseUrl);
      fs.rmSync(root, { recursive: true, force: true });
      report(`dropped database ${database} and removed ${root}`);
    },
  };
}
