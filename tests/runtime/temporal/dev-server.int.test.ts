import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { type DevServer, DevServerError, startDevServer } from '../../../runtime/temporal/dev-server.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { connectTestTemporal, uniqueTaskQueue, withTestWorker } from '../../support/temporal.js';
import { approve, reviewLifecycle, submit, view } from '../../workflows/fixtures/test-workflows.js';

describe('temporal dev server', () => {
  const binary = inject('temporalBinary');
  let dir: string;
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-devserver-'));
    db = await openTestDatabase('postgres');
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a lifecycle going across a SIGKILL and restart of its server on the same database file', async () => {
    // Its own server: this test kills it. Production pragmas (WAL + NORMAL), as in the embedded app.
    const dbFilename = path.join(dir, 'temporal.db');
    let server: DevServer = await startDevServer({ binary, dbFilename });
    console.info(`dev server ready in ${server.startupMs} ms (fresh database file)`);
    const temporal = await connectTestTemporal(server.address);
    const streamId = `review-${crypto.randomUUID()}`;
    const taskQueue = uniqueTaskQueue('server-restart');
    try {
      const final = await withTestWorker(temporal, { taskQueue, activities: createActivities({ store, db }) }, async () => {
        const handle = await temporal.client.workflow.start(reviewLifecycle, { taskQueue, workflowId: streamId, args: [{ streamId }] });
        await expect.poll(() => handle.query(view).then((v) => v.phase), { interval: 50, timeout: 10_000 }).toBe('draft');
        await handle.executeUpdate(submit, { args: [{ hours: 4 }] });

        await server.kill();
        server = await startDevServer({ binary, dbFilename, port: server.port });
        console.info(`dev server restarted in ${server.startupMs} ms (existing database file)`);

        // Same worker, same connections: both reconnect to the restarted server on their own.
        const approved = await temporal.client.withDeadline(Date.now() + 20_000, () =>
          handle.executeUpdate(approve, { args: [{ reviewerId: 'reviewer-2' }] }),
        );
        expect(approved).toEqual({ phase: 'approved', revision: '2', hours: 4 });
        return handle.result();
      });
      expect(final).toEqual({ phase: 'approved', revision: '2', hours: 4 });
      expect((await store.readStream(streamId)).map((e) => e.type)).toEqual([
        'ReviewOpened',
        'ReviewSubmitted',
        'ReviewApproved',
      ]);
    } finally {
      await temporal.close();
      await server.stop();
    }
  });

  it('reports the server’s own error output when it cannot start', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const started = startDevServer({ binary, dbFilename: path.join(dir, 'blocked.db'), port, readyTimeoutMs: 15_000 });
      await expect(started).rejects.toBeInstanceOf(DevServerError);
      await expect(started).rejects.toThrow(new RegExp(`exited .* before it was ready:\\n(.|\\n)*${port}`));
    } finally {
      blocker.close();
    }
  });

  it('stops with SIGTERM and leaves nothing running', async () => {
    const server = await startDevServer({ binary, dbFilename: path.join(dir, 'stop.db') });
    await server.stop();
    expect(await server.exited).not.toBeUndefined();
    expect(() => process.kill(server.pid, 0)).toThrow();
    expect(fs.existsSync(path.join(dir, 'stop.db.pid'))).toBe(false);
  });
});
