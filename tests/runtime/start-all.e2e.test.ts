/**
 * The embedded system as `npm start` runs it (runtime/start.mjs: runtime/start-all.ts compiled, in its own process with
 * plain Node): it answers /health with all three checks, serves the portal, the OpenAPI document and the component
 * bundle, refuses a second process on the same DATA_DIR with a clear message, stops in order on SIGINT, and a SIGINT
 * in the middle of its start-up stops what had started, leaving nothing locked. Temporal is the run's shared dev server
 * (TEMPORAL_ADDRESS), so this test spawns no second server; the embedded spawn is covered in tests/workflows.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { commandLine, processTree } from '../support/process-tree.js';

const main = fileURLToPath(new URL('../../runtime/start.mjs', import.meta.url));

function startMain(dataDir: string, { group = false } = {}) {
  const child = spawn(process.execPath, [main], {
    // A group of its own: a test can signal it as a terminal's Ctrl-C does, the whole foreground group at once.
    detached: group,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', TEMPORAL_ADDRESS: inject('temporalAddress'), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /"uri":"(http:\/\/[^"]+)"/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
  listening.catch(() => {}); // a process stopped during start-up never listens: awaited only where expected
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const said = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const look = () => pattern.test(output) && resolve();
      child.stdout!.on('data', look);
      child.on('exit', () => reject(new Error(`exited before saying ${pattern}:\n${output}`)));
      look();
    });
  return { child, listening, exited, said, output: () => output };
}

describe('npm start (runtime/start.mjs)', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-main-')), 'data');
  let proc: ReturnType<typeof startMain>;
  let base: string;
  beforeAll(async () => {
    proc = startMain(dataDir);
    base = await proc.listening;
  }, 120_000);
  afterAll(async () => {
    if (proc.child.exitCode === null) (proc.child as ChildProcess).kill('SIGKILL');
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('answers /health 200 with store, temporal and projections checks', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      checks: { store: { status: 'ok' }, temporal: { status: 'ok' }, projections: { status: 'ok', lag: 0, leader: true } },
    });
  });

  it('serves the portal, the OpenAPI document and the component bundle', async () => {
    const portal = await fetch(`${base}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('/components/jxjy.js');
    const openapi = await (await fetch(`${base}/openapi.json`)).json();
    expect(openapi.openapi).toMatch(/^3\./);
    const bundle = await fetch(`${base}/components/jxjy.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses a second process on the same DATA_DIR with a clear message', async () => {
    const second = startMain(dataDir);
    await expect(second.listening).rejects.toThrow(/in use by process \d+/);
    expect(await second.exited).toBe(1);
  });

  it('stops in order on SIGINT and exits 0, leaving the data reopenable', async () => {
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/"msg":"stopped"/);
    expect(fs.existsSync(path.join(dataDir, 'pg.lock'))).toBe(false);
  });

  it('stops once when Ctrl-C reaches its whole process group while initdb runs in a child', async () => {
    const folder = path.join(path.dirname(dataDir), 'group');
    const early = startMain(folder, { group: true });
    const pid = early.child.pid!;
    try {
      await expect.poll(() => processTree(pid).slice(1).some((child) => commandLine(child).includes('--liftoff-only')), { timeout: 20_000, interval: 20 }).toBe(true);
      expect(fs.existsSync(path.join(folder, 'pg.lock'))).toBe(true); // taken before initdb: the check below means something
      process.kill(-pid, 'SIGINT');
      expect(await early.exited).toBe(0);
    } finally {
      if (early.child.exitCode === null) process.kill(-pid, 'SIGKILL');
    }
    expect(early.output().match(/"msg":"shutting down"/g)).toHaveLength(1);
    expect(early.output().match(/"msg":"stopped"/g)).toHaveLength(1);
    expect(early.output()).not.toMatch(/could not start/);
    expect(fs.existsSync(path.join(folder, 'pg.lock'))).toBe(false);
  });

  it('stops what had started when SIGINT comes during start-up, and exits 0 with the data folder unlocked', async () => {
    const early = startMain(path.join(path.dirname(dataDir), 'early'));
    try {
      // The database is open; the projections, Temporal, the API and the admin are still to come.
      await early.said(/"msg":"event store open"/);
      early.child.kill('SIGINT');
      expect(await early.exited).toBe(0);
    } finally {
      if (early.child.exitCode === null) early.child.kill('SIGKILL');
    }
    expect(early.output()).toMatch(/"msg":"stopped"/);
    expect(early.output()).not.toMatch(/jxjy is running/);
    expect(fs.existsSync(path.join(path.dirname(dataDir), 'early', 'pg.lock'))).toBe(false);
  });
});
