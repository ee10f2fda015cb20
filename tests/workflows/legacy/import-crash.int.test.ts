/**
 * An import survives its worker: a 50,000-row import runs on a worker in its own process, which is SIGKILLed part way
 * through; once a worker is back the import completes by itself, and every row is imported exactly once — no chunk
 * lost, none written twice (the chunk in flight finds its stream, or writes it, never both).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { legacyImportStream } from '../../../events/legacy.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createFilesystemFileStore } from '../../../events/store/files/filesystem-file-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { projections } from '../../../projections/index.js';
import { type ProjectionRunner, createProjectionRunner } from '../../../projections/runner.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { lifecycleWorkflowType } from '../../../workflows/kit/messages.js';
import { legacyImportLifecycleId, legacyImportWorkflowId, startLegacyImportUpdate } from '../../../workflows/legacy/messages.js';
import { randomIdNumber } from '../../api/system.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, createTestWorker, uniqueTaskQueue } from '../../support/temporal.js';

const WORKER_CHILD = fileURLToPath(new URL('../../support/worker-child.ts', import.meta.url));
const ROWS = 50_000;

describe('a legacy import across a worker crash', () => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;
  let runner: ProjectionRunner;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-import-crash-'));
  const files = createFilesystemFileStore(filesDir);

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase('postgres'), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
    runner = createProjectionRunner({ db, store, projections, pollMs: 100 });
    await runner.init();
    runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await temporal?.close();
    await db?.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const chunkEvents = async (importId: string) => (await store.readStream(legacyImportStream(importId))).map((e) => e.type);

  it('completes after the worker process is SIGKILLed mid-import, with every row exactly once', async () => {
    const lines = ['身份证号,姓名,年度,类别,项目名称,学时'];
    for (let i = 0; i < ROWS; i++) lines.push(`${randomIdNumber()},王${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁'[i % 4]},2017,专业科目,课程${i},${(i % 8) + 1}`);
    const stored = await files.put(new TextEncoder().encode(lines.join('\n')));
    const importId = crypto.randomUUID();
    const taskQueue = uniqueTaskQueue('legacy-crash');
    let firstRun = '';

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CHILD, inject('temporalAddress'), taskQueue, db.url!, inject('workflowBundlePath'), filesDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      await expect.poll(() => output.includes('ready'), { timeout: 30_000, interval: 100 }).toBe(true);
      await temporal.client.workflow.executeUpdateWithStart(startLegacyImportUpdate, {
        args: [{
          importId, kind: 'records', dryRun: false, firstDeclarableYear: 2019, actor: { id: 'admin-1', role: 'admin' },
          file: { sha256: stored.sha256, filename: '历史学时.csv', size: stored.size, format: 'csv', encoding: 'utf-8' },
        }],
        startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('legacy'), {
          workflowId: legacyImportWorkflowId(importId), taskQueue, args: [{ id: legacyImportLifecycleId(importId) }], workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      firstRun = (await temporal.client.workflow.getHandle(legacyImportWorkflowId(importId)).describe()).runId;
      await expect.poll(async () => (await chunkEvents(importId)).filter((t) => t === 'LegacyChunkProcessed').length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(3);
      child.kill('SIGKILL');
    } finally {
      child.kill('SIGKILL');
    }
    expect(await chunkEvents(importId)).not.toContain('LegacyImportCompleted');

    const worker = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db, files }) });
    await worker.runUntil(async () => {
      // The lost attempt's heartbeat times out (15 s); the chunk is retried here and the import goes on by itself.
      await expect.poll(async () => (await chunkEvents(importId)).at(-1), { timeout: 120_000, interval: 200 }).toBe('LegacyImportCompleted');
    });
    // 26 commands of its own (a survey, 25 chunks) at 20 a run: the history was cut short by continue-as-new.
    expect((await temporal.client.workflow.getHandle(legacyImportWorkflowId(importId)).describe()).runId).not.toBe(firstRun);
    const events = await store.readStream(legacyImportStream(importId));
    const completed = events.at(-1)!.data as { counts: Record<string, number> };
    expect(completed.counts).toEqual({ total: ROWS, valid: ROWS, imported: ROWS, duplicates: 0, rejected: 0 });
    expect(events.filter((e) => e.type === 'LegacyChunkProcessed').map((e) => (e.data as { chunk: number }).chunk)).toEqual([...Array(25).keys()]);

    const written = await store.readAll({ limit: ROWS * 2, filter: { streamPrefixes: [`legacy-rows-${importId}-`], eventTypes: ['LegacyRecordImported'] } });
    expect(written).toHaveLength(ROWS);
    expect(new Set(written.map((e) => (e.data as { rowKey: string }).rowKey)).size).toBe(ROWS);
    expect(await runner.waitFor(written.at(-1)!.position, 30_000)).toBe(true);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM legacy_records WHERE import_id = $1`, [importId]);
    expect(rows[0]!.n).toBe(ROWS);
  }, 240_000);
});
