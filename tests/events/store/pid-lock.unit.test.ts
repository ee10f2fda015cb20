/**
 * The pid lock that keeps a second process off PGlite's folder and the dev server's SQLite file: a live holder keeps
 * it, a dead one's is taken over, the holder may take its own again, and an empty file left by an older version's
 * crash is cleared once it is old — while the file itself only ever appears with its pid in it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { takePidLock } from '../../../events/store/pid-lock.js';

const inUse = (holder?: number): never => {
  throw new Error(holder === undefined ? 'could not lock' : `in use by ${holder}`);
};

describe('pid lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-lock-'));
  const lockFile = path.join(dir, 'thing.lock');
  afterEach(() => fs.rmSync(lockFile, { force: true }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is taken with this pid, released by its holder, and leaves no scratch file', () => {
    const release = takePidLock(lockFile, inUse);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect(takePidLock(lockFile, inUse)).toBeTypeOf('function'); // the holder again (a restart in-process)
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses while a live process holds it, and takes it over once that process has died', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(lockFile, String(holder.pid));
      expect(() => takePidLock(lockFile, inUse)).toThrow(`in use by ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    takePidLock(lockFile, inUse)();
  });

  it('clears an old empty lock file, but not a fresh one', () => {
    fs.writeFileSync(lockFile, '');
    expect(() => takePidLock(lockFile, inUse)).toThrow(/could not lock/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, old, old);
    takePidLock(lockFile, inUse)();
  });
});
