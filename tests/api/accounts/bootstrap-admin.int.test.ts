/**
 * The first admin: from the environment, or with a generated one-time password; never twice. Registered through the
 * account lifecycle on the real Temporal dev server, its password stored only as a credential, never in an event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { bootstrapAdmin } from '../../../api/accounts/bootstrap-admin.js';
import { findAccountByUsername } from '../../../api/accounts/account-repository.js';
import { verifyPassword } from '../../../api/accounts/passwords.js';
import { readCredential } from '../../../events/store/credentials.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { passwordProblem } from '../../../events/vocabulary/index.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, createTestWorker, uniqueTaskQueue } from '../../support/temporal.js';
import { testConfig } from '../test-server.js';

describe('bootstrapAdmin', () => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('bootstrap');

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase('pglite'), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
    worker = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db }) });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await temporal?.close();
    await db?.drop();
  });

  const deps = (adminUsername: string | undefined, adminPassword: string | undefined) => ({
    store,
    db,
    client: temporal.client,
    config: testConfig({ temporalTaskQueue: taskQueue, adminUsername, adminPassword }),
  });

  it('creates admin with a generated one-time password that meets the policy, once', async () => {
    const created = await bootstrapAdmin(deps(undefined, undefined));
    expect(created).toMatchObject({ created: true, username: 'admin' });
    expect(passwordProblem(created.oneTimePassword!, { username: 'admin' })).toBeNull();
    const account = await findAccountByUsername(store, 'admin');
    expect(account?.state).toMatchObject({ role: 'admin', mustChangePassword: true });
    const credential = await readCredential(db, account!.state.accountId);
    expect(await verifyPassword(credential!.passwordHash, created.oneTimePassword!)).toBe(true);
    expect(await bootstrapAdmin(deps(undefined, undefined))).toEqual({ created: false, username: 'admin' });
    expect(JSON.stringify((await store.readAll({ limit: 1_000 })).map((e) => e.data))).not.toContain('$argon2');
  });

  it('uses JXJY_ADMIN_USERNAME/PASSWORD when given, and refuses a password that breaks the policy', async () => {
    const created = await bootstrapAdmin(deps('rsadmin', 'Province2026'));
    expect(created).toEqual({ created: true, username: 'rsadmin' });
    const account = await findAccountByUsername(store, 'rsadmin');
    const credential = await readCredential(db, account!.state.accountId);
    expect(await verifyPassword(credential!.passwordHash, 'Province2026')).toBe(true);
    await expect(bootstrapAdmin(deps('admin2', 'short'))).rejects.toThrow(/policy/);
    await expect(bootstrapAdmin(deps('admin3', 'Password123'))).rejects.toThrow(/policy/); // a common one
  });
});
