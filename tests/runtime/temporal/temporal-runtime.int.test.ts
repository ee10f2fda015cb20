import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { type TemporalConfig, startTemporal } from '../../../runtime/temporal/temporal-runtime.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import '../../support/temporal.js'; // installs the quiet SDK runtime for this process
import { approve, reviewLifecycle, submit, view } from '../../workflows/fixtures/test-workflows.js';

describe('startTemporal', () => {
  let dir: string;
  let db: TestDatabase;
  let store: EventStore;
  const workflowBundle = { codePath: inject('testWorkflowBundlePath') };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-runtime-'));
    db = await openTestDatabase('postgres');
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const config = (overrides: Partial<TemporalConfig>): TemporalConfig => ({
    temporalAddress: undefined,
    temporalNamespace: 'default',
    temporalCli: inject('temporalBinary'),
    temporalTaskQueue: `runtime-${crypto.randomUUID()}`,
    dataDir: dir,
    ...overrides,
  });

  async function runLifecycle(runtime: Awaited<ReturnType<typeof startTemporal>>, taskQueue: string) {
    const streamId = `review-${crypto.randomUUID()}`;
    const handle = await runtime.client.workflow.start(reviewLifecycle, { taskQueue, workflowId: streamId, args: [{ streamId }] });
    await expect.poll(() => handle.query(view).then((v) => v.phase), { interval: 50, timeout: 10_000 }).toBe('draft');
    await handle.executeUpdate(submit, { args: [{ hours: 2 }] });
    await handle.executeUpdate(approve, { args: [{ reviewerId: 'r' }] });
    return handle.result();
  }

  it('spawns the embedded dev server in dataDir, runs workflows, and stops everything in order', async () => {
    const cfg = config({});
    const runtime = await startTemporal({
      config: cfg,
      activities: createActivities({ store, db }),
      workflowBundle,
      devServer: { port: 0 },
    });
    let pid: number | undefined;
    try {
      expect(fs.existsSync(path.join(dir, 'temporal.db'))).toBe(true);
      pid = Number(fs.readFileSync(path.join(dir, 'temporal.db.pid'), 'utf8'));
      await runtime.check();
      expect(await runLifecycle(runtime, cfg.temporalTaskQueue)).toMatchObject({ phase: 'approved' });
    } finally {
      await runtime.stop();
    }
    await runtime.stop(); // idempotent
    expect(() => process.kill(pid!, 0)).toThrow();
    await expect(runtime.check()).rejects.toThrow();
  });

  it('connects to TEMPORAL_ADDRESS without spawning a server', async () => {
    const cfg = config({ temporalAddress: inject('temporalAddress'), dataDir: path.join(dir, 'unused') });
    const runtime = await startTemporal({ config: cfg, activities: createActivities({ store, db }), workflowBundle });
    try {
      expect(runtime.address).toBe(inject('temporalAddress'));
      await runtime.check();
      expect(await runLifecycle(runtime, cfg.temporalTaskQueue)).toMatchObject({ phase: 'approved', revision: '2' });
      expect(fs.existsSync(path.join(dir, 'unused'))).toBe(false);
    } finally {
      await runtime.stop();
    }
  });
});
