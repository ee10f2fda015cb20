/**
 * `npm run bench` (last part): start-up time and idle footprint of `npm start`'s entry, the whole embedded system
 * (PGlite, projection runner, Temporal worker and its spawned dev server, the API). Figures, never pass/fail.
 *
 * Each round takes a new temporary DATA_DIR and a free PORT, then:
 *  - fresh start: spawn the entry (package.json's `start` script, run as its own command line, without npm around
 *    it), time until `GET /health` answers 200, idle, sample the RSS of the whole process tree, stop it (SIGTERM);
 *  - second start: the same on the folder the fresh start left, as every later `npm start` runs.
 * The tree is the entry's process and all its descendants (the dev server included), found through
 * /proc/<pid>/task/<tid>/children; each process's VmRSS (/proc/<pid>/status) is summed. Its idle figure is the median
 * of several samples taken after BENCH_STARTUP_IDLE_SECONDS.
 *
 * Beside wall time, the CPU time the tree had used when it answered (utime+stime of its processes, and of its children
 * that had ended, such as initdb's): on a shared 2-core machine the wall time mostly measures the neighbours.
 *
 * Baseline, same run, same poller: a raw Node HTTP server (`node -e` with `http.createServer`) answering 200 to the
 * same GET, timed from spawn to first 200, its CPU time, and its idle RSS. `npm` itself, when `npm start` runs the
 * entry, adds one process of its own; its idle RSS is measured here too (`npm start` of a script that only waits), so
 * the tree of `npm start` is the entry's tree plus that figure.
 *
 * BENCH_STARTUP_COMMAND runs another command line instead of package.json's (e.g. `node --import tsx
 * runtime/start-all.ts`, the system from source); BENCH_STARTUP_ROUNDS (2) and BENCH_STARTUP_IDLE_SECONDS (15: V8 gives back
 * what start-up left in its heap after some 10 s of quiet).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../runtime/free-port.js';
import { processTree } from '../tests/support/process-tree.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 2);
const IDLE_SECONDS = Number(process.env.BENCH_STARTUP_IDLE_SECONDS ?? 15);
const SAMPLES = 5;
const HEALTH_TIMEOUT_MS = 120_000;

interface ProcessFigure {
  pid: number;
  name: string;
  rssKiB: number;
  anonKiB: number;
  fileKiB: number;
}

interface StartFigure {
  healthyMs: number;
  /** CPU time the tree had used when it was healthy (its processes, and its children that had ended). */
  cpuMs: number;
  treeKiB: number;
  processes: ProcessFigure[];
  startupLine?: Record<string, unknown>;
  stopMs: number;
}

const mib = (kib: number) => (kib / 1024).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start`'s command line, as package.json has it (or BENCH_STARTUP_COMMAND), with `node` as this Node. */
function startCommand(): string[] {
  const override = process.env.BENCH_STARTUP_COMMAND?.trim();
  if (override) return [process.execPath, ...override.split(/\s+/).slice(override.startsWith('node ') ? 1 : 0)];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts.start!.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`the start script does not begin with node: ${pkg.scripts.start}`);
  return [process.execPath, ...words.slice(1)];
}

function status(pid: number): Record<string, string> | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Object.fromEntries(text.split('\n').filter(Boolean).map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at), line.slice(at + 1).trim()];
    }));
  } catch {
    return undefined; // gone
  }
}

const kib = (value: string | undefined) => Number.parseInt(value ?? '0', 10) || 0;

/** utime + stime (+ cutime + cstime: children that ended, such as the builds and initdb) in ms; USER_HZ is 100. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: state is field 3, so utime..cstime (fields 14..17) are at 11..14 here.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * 10;
  } catch {
    return 0;
  }
}


function describeProcess(pid: number): ProcessFigure | undefined {
  const s = status(pid);
  if (!s) return undefined;
  let name = s.Name ?? String(pid);
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = argv.find((arg) => /\.(ts|js|mjs)$/.test(arg));
    name = argv[1] === 'server' ? `${path.basename(argv[0]!)} ${argv[1]} ${argv[2] ?? ''}`.trim() : script ? `${name} ${path.relative(ROOT, script)}` : name;
  } catch {
    /* keep the status name */
  }
  return { pid, name, rssKiB: kib(s.VmRSS), anonKiB: kib(s.RssAnon), fileKiB: kib(s.RssFile) + kib(s.RssShmem) };
}

/** Several samples a second apart; the sample whose tree total is the median, with its per-process figures. */
async function idleFootprint(pid: number): Promise<{ treeKiB: number; processes: ProcessFigure[] }> {
  await sleep(IDLE_SECONDS * 1000);
  const samples: Array<{ treeKiB: number; processes: ProcessFigure[] }> = [];
  for (let i = 0; i < SAMPLES; i++) {
    const processes = processTree(pid).map(describeProcess).filter((p): p is ProcessFigure => p !== undefined);
    samples.push({ treeKiB: processes.reduce((sum, p) => sum + p.rssKiB, 0), processes });
    if (i < SAMPLES - 1) await sleep(1000);
  }
  samples.sort((a, b) => a.treeKiB - b.treeKiB);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Milliseconds from `started` until GET <url> answers 200; throws when the process exits first. */
async function untilHealthy(url: string, child: ChildProcess, started: number, output: () => string): Promise<number> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    if (performance.now() - started > HEALTH_TIMEOUT_MS) throw new Error(`not healthy after ${HEALTH_TIMEOUT_MS} ms:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    await sleep(25);
  }
}

/** SIGTERM and wait; anything of its tree still alive afterwards is killed by pid (said unless `quiet`). */
async function stop(child: ChildProcess, pids: number[], quiet = false): Promise<number> {
  const started = performance.now();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
  if (timedOut) child.kill('SIGKILL');
  await exited;
  const ms = performance.now() - started;
  for (const pid of pids) {
    if (pid === child.pid) continue;
    for (let i = 0; i < 50 && status(pid); i++) await sleep(100); // the dev server is stopped by the entry itself
    if (status(pid)) {
      if (!quiet) console.warn(`process ${pid} outlived the entry: killing it`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return ms;
}

interface Spawned {
  child: ChildProcess;
  started: number;
  /** The last lines it printed, for an error message. */
  output: () => string;
  /** All it printed (up to 1 MB). */
  log: () => string;
}

function spawnLogged(command: string[], env: NodeJS.ProcessEnv): Spawned {
  let log = '';
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-1_000_000)));
  return { child, started, output: () => log.split('\n').slice(-40).join('\n'), log: () => log };
}

async function startOnce(dataDir: string): Promise<StartFigure> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    JXJY_ADMIN_USERNAME: 'admin',
    JXJY_ADMIN_PASSWORD: 'bench-Startup-2026!',
    LOG_LEVEL: 'info',
  };
  // The embedded default, whatever this shell points at.
  for (const name of ['DATABASE_URL', 'EVENTSTORE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_PORT', 'NODE_ENV', 'NODE_OPTIONS']) delete env[name];
  const { child, started, output, log } = spawnLogged(startCommand(), env);
  let pids: number[] = [child.pid!];
  try {
    const healthyMs = await untilHealthy(`http://127.0.0.1:${port}/health`, child, started, output);
    const cpu = processTree(child.pid!).reduce((sum, pid) => sum + cpuMs(pid), 0);
    const idle = await idleFootprint(child.pid!);
    pids = processTree(child.pid!);
    const line = log().split('\n').find((l) => l.includes('jxjy is running'));
    let startupLine: Record<string, unknown> | undefined;
    try {
      const running = line ? (JSON.parse(line) as { memory?: Record<string, unknown>; startedInMs?: number }) : undefined;
      startupLine = running?.memory ? { startedInMs: running.startedInMs, ...running.memory } : undefined;
    } catch {
      /* not JSON (a pretty printer): leave it out */
    }
    const stopMs = await stop(child, pids);
    return { healthyMs, cpuMs: cpu, ...idle, ...(startupLine ? { startupLine } : {}), stopMs };
  } catch (error) {
    const now = processTree(child.pid!);
    await stop(child, now.length > 1 ? now : pids);
    throw error;
  }
}

/** The raw baseline: Node answering the same GET with 200 and nothing else. */
async function baseline(): Promise<{ healthyMs: number; cpuMs: number; rssKiB: number }> {
  const port = await freePort();
  const code = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
  const { child, started, output } = spawnLogged([process.execPath, '-e', code], { ...process.env, NODE_OPTIONS: '' });
  try {
    const healthyMs = await untilHealthy(`http://127.0.0.1:${port}/`, child, started, output);
    const cpu = cpuMs(child.pid!);
    await sleep(2_000);
    return { healthyMs, cpuMs: cpu, rssKiB: describeProcess(child.pid!)?.rssKiB ?? 0 };
  } finally {
    await stop(child, [child.pid!]);
  }
}

/** What `npm` adds when it runs a script: its own process, idle while the script runs, measured on a script of nothing. */
async function npmWrapper(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-startup-npm-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'idle', private: true, scripts: { start: 'node -e "setInterval(() => {}, 1000)"' } }));
  let log = '';
  const child = spawn('npm', ['start', '--silent'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    await sleep(5_000);
    if (child.exitCode !== null) throw new Error(`npm start of an idle script exited: ${log}`);
    return describeProcess(child.pid!)?.rssKiB ?? 0;
  } finally {
    // npm does not wait for its script on SIGTERM: the script's node is left over, and killed by pid.
    await stop(child, processTree(child.pid!), true);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const fresh: StartFigure[] = [];
  const second: StartFigure[] = [];
  const raw: Array<{ healthyMs: number; cpuMs: number; rssKiB: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-startup-'));
    try {
      raw.push(await baseline());
      fresh.push(await startOnce(dataDir));
      second.push(await startOnce(dataDir));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const npmKiB = await npmWrapper();

  const rawMs = median(raw.map((r) => r.healthyMs));
  const rawKiB = median(raw.map((r) => r.rssKiB));
  console.log(`\njxjy bench (start-up and idle footprint of \`npm start\`'s entry: ${startCommand().slice(1).join(' ')}) — ${new Date().toISOString()}\n`);
  console.log(`${ROUNDS} round(s), each a new DATA_DIR; idle ${IDLE_SECONDS} s, then the median of ${SAMPLES} samples; medians over rounds.\n`);
  console.log('| metric | jxjy | baseline (raw node http server) | ratio |');
  console.log('|---|---|---|---|');
  const row = (name: string, value: number, base: number, unit: 's' | 'MiB') => {
    const show = unit === 's' ? `${seconds(value)} s` : `${mib(value)} MiB`;
    const showBase = unit === 's' ? `${seconds(base)} s` : `${mib(base)} MiB`;
    console.log(`| ${name} | ${show} | ${showBase} | ${(value / base).toFixed(1)}× |`);
  };
  row('time to healthy, fresh DATA_DIR', median(fresh.map((f) => f.healthyMs)), rawMs, 's');
  row('time to healthy, second start', median(second.map((f) => f.healthyMs)), rawMs, 's');
  const rawCpu = median(raw.map((r) => r.cpuMs));
  row('CPU time used until healthy, fresh DATA_DIR', median(fresh.map((f) => f.cpuMs)), rawCpu, 's');
  row('CPU time used until healthy, second start', median(second.map((f) => f.cpuMs)), rawCpu, 's');
  row('idle RSS of the tree, after the fresh start', median(fresh.map((f) => f.treeKiB)), rawKiB, 'MiB');
  row('idle RSS of the tree, second start', median(second.map((f) => f.treeKiB)), rawKiB, 'MiB');
  row('idle RSS of the tree under `npm start` (+ npm)', median(second.map((f) => f.treeKiB)) + npmKiB, rawKiB, 'MiB');
  console.log(`\nstop (SIGTERM to exit): fresh ${seconds(median(fresh.map((f) => f.stopMs)))} s, second ${seconds(median(second.map((f) => f.stopMs)))} s`);
  console.log(`each round, healthy in (fresh / second): ${fresh.map((f, i) => `${seconds(f.healthyMs)} / ${seconds(second[i]!.healthyMs)} s`).join(', ')}`);

  console.log('\nidle RSS per process (MiB), last round; anon = private memory, file = mapped files and shared');
  console.log('| start | process | rss | anon | file |');
  console.log('|---|---|---|---|---|');
  for (const [start, figure] of [['fresh', fresh.at(-1)!], ['second', second.at(-1)!]] as const) {
    for (const p of figure.processes) console.log(`| ${start} | ${p.name} | ${mib(p.rssKiB)} | ${mib(p.anonKiB)} | ${mib(p.fileKiB)} |`);
  }
  console.log(`| either | npm (when run as \`npm start\`) | ${mib(npmKiB)} | | |`);
  const memory = second.at(-1)!.startupLine;
  if (memory) console.log(`\nthe entry's own "jxjy is running" line, last round, second start (process.memoryUsage() in MiB): ${JSON.stringify(memory)}`);
}

await main();
