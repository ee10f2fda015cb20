import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { type TemporalConfig, portFile, startTemporal } from '../../../runtime/temporal/temporal-runtime.js';
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
    temporalPort: undefined,
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

  it('takes a free port, keeps it for the data folder, and moves when someone else holds it', async () => {
    const cfg = config({ dataDir: path.join(dir, 'ports') });
    const portOf = (runtime: { address: string }) => Number(runtime.address.split(':').at(-1));
    const kept = () => Number(fs.readFileSync(portFile(cfg.dataDir), 'utf8'));
    const first = await startTemporal({ config: cfg, activities: createActivities({ store, db }), workflowBundle });
    const port = portOf(first);
    await first.stop();
    expect(port).not.toBe(7233);
    expect(kept()).toBe(port);

    const again = await startTemporal({ config: cfg, activities: createActivities({ store, db }), workflowBundle });
    expect(portOf(again)).toBe(port); // the same address as last time: CLI commands keep working
    await again.stop();

    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const moved = await startTemporal({ config: cfg, activities: createActivities({ store, db }), workflowBundle });
      try {
        expect(portOf(moved)).not.toBe(port);
        expect(kept()).toBe(portOf(moved));
        await moved.check();
      } finally {
        await moved.stop();
      }
      // TEMPORAL_PORT is a promise: that port, or a clear failure.
      await expect(startTemporal({ config: { ...cfg, temporalPort: port }, activities: createActivities({ store, db }), workflowBundle })).rejects.toThrow(/TEMPORAL_PORT/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
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
