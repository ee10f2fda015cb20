/**
 * Exactly-once across a crash: a runner process is SIGKILLed while catching up (inside a batch's transaction);
 * a restarted runner finishes, and every event has been applied exactly once (stream_catalog accumulates
 * event_count, so a replayed batch would show as event_count > revision + 1).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../events/store/database.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { streamCatalog } from '../../projections/stream-catalog.js';
import { catchUpTo } from '../support/catch-up.js';
import { createTestPostgresDatabase } from '../support/databases.js';

const child = fileURLToPath(new URL('./fixtures/runner-child.ts', import.meta.url));
const STREAMS = 40;
const PER_STREAM = 15;

async function seed(db: Database): Promise<string> {
  const store = await createPostgresEventStore(db);
  let last = '';
  for (let s = 0; s < STREAMS; s++) {
    const stream = `credit-${crypto.randomUUID()}`;
    const events = Array.from({ length: PER_STREAM }, (_, i) => ({ eventId: crypto.randomUUID(), type: `E${i}`, data: { i } }));
    // Several appends per stream so the events of one stream spread over many batches.
    for (let i = 0; i < PER_STREAM; i += 5) {
      ({ position: last } = await store.append(stream, events.slice(i, i + 5), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) }));
    }
  }
  return last;
}

/** Starts the child and SIGKILLs it as its `killAt`-th batch is applying (inside the transaction). */
function runAndKill(args: string[], killAt: number): Promise<{ batchesSeen: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let batchesSeen = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      batchesSeen += (chunk.match(/applying/g) ?? []).length;
      if (batchesSeen >= killAt) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended before the kill (code ${code}): ${stderr}`));
      else resolve({ batchesSeen, signal });
    });
  });
}

async function expectExactlyOnce(db: Database, last: string) {
  const store = await createPostgresEventStore(db);
  const runner = createProjectionRunner({ db, store, projections: [streamCatalog], batchSize: 25 });
  await runner.init();
  await catchUpTo(runner, last);
  const { rows } = await db.query<{ streams: number; wrong: number; total: number }>(
    `SELECT count(*)::int AS streams, count(*) FILTER (WHERE event_count <> revision + 1)::int AS wrong,
            sum(event_count)::int AS total FROM stream_catalog`,
  );
  expect(rows[0]).toEqual({ streams: STREAMS, wrong: 0, total: STREAMS * PER_STREAM });
  expect((await runner.status()).lag).toBe(0);
}

describe('projection runner crash', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('SIGKILL during catch-up on PostgreSQL, then restart: every event applied exactly once', async () => {
    const created = await createTestPostgresDatabase();
    cleanups.push(() => created.drop());
    const db = await openDatabase({ engine: 'postgres', url: created.url });
    cleanups.push(() => db.close());
    const last = await seed(db);
    const { batchesSeen } = await runAndKill(['postgres', created.url], 6);
    expect(batchesSeen).toBeGreaterThanOrEqual(6);
    const { rows } = await db.query<{ position: string }>(`SELECT position FROM projection_checkpoints`);
    expect(rows[0]?.position).not.toBe(''); // it had committed some batches before dying
    await expectExactlyOnce(db, last);
  });

  it('SIGKILL during catch-up on PGlite (file), then restart: every event applied exactly once', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-crash-')), 'pg');
    cleanups.push(async () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    const seeding = await openDatabase({ engine: 'pglite', dataDir });
    const last = await seed(seeding);
    await seeding.close();
    await runAndKill(['pglite', dataDir], 6);
    // The dead child's lock file is stale; reopening takes it over and PGlite replays its WAL.
    const db = await openDatabase({ engine: 'pglite', dataDir });
    cleanups.push(() => db.close());
    await expectExactlyOnce(db, last);
  });
});
