/**
 * Person registration is durable: the worker process is killed in the middle of it — after the username and ID number
 * are claimed, before the password is set and the account recorded — and once a worker is back the registration
 * completes by itself; and when the person cannot be recorded after the account was, the account is withdrawn and
 * both names are given back. Never is a name left claimed by an account that does not exist.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountStream, idNumberClaimStream, usernameClaimStream } from '../../../events/account.js';
import { personStream } from '../../../events/person.js';
import { claimOwner } from '../../../events/store/claims.js';
import { readCredential, storePendingCredential } from '../../../events/store/credentials.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { createActivities } from '../../../workflows/activities/index.js';
import { lifecycleWorkflowType } from '../../../workflows/kit/messages.js';
import { personWorkflowId, registerPersonUpdate } from '../../../workflows/persons/messages.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';
import { type TestTemporal, connectTestTemporal, createTestWorker, uniqueTaskQueue, withTestWorker } from '../../support/temporal.js';
import { randomIdNumber } from '../../api/system.js';

const WORKER_CHILD = fileURLToPath(new URL('../../support/worker-child.ts', import.meta.url));

describe('person registration across a worker crash', () => {
  let db: TestDatabase;
  let store: EventStore;
  let temporal: TestTemporal;

  beforeAll(async () => {
    [db, temporal] = await Promise.all([openTestDatabase('postgres'), connectTestTemporal()]);
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await temporal?.close();
    await db?.drop();
  });

  /** Registers a person with update-with-start, as POST /accounts does; the outcome settles whenever it settles. */
  async function register(taskQueue: string, overrides: { phone?: string } = {}) {
    const [personId, accountId, credentialId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const username = `crash_${personId.slice(0, 8)}`;
    const idNumber = randomIdNumber();
    await storePendingCredential(db, { credentialId, accountId, passwordHash: '$argon2id$v=19$test-only', at: new Date() });
    const outcome = temporal.client.workflow
      .executeUpdateWithStart(registerPersonUpdate, {
        args: [{ accountId, username, credentialId, name: '陈十二', idNumber, ...overrides, actor: { id: 'anonymous', role: 'public' } }],
        startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('person'), {
          workflowId: personWorkflowId(personId),
          taskQueue,
          args: [{ id: personId }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      })
      .then((view) => ({ view }), (error: unknown) => ({ error }));
    return { personId, accountId, username, idNumber, outcome };
  }

  it('resumes after the worker process is killed mid-registration and leaves no name claimed by a missing account', async () => {
    const taskQueue = uniqueTaskQueue('registration');
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CHILD, inject('temporalAddress'), taskQueue, db.url!, inject('workflowBundlePath')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    try {
      await expect.poll(() => lines.includes('ready'), { timeout: 30_000, interval: 100 }).toBe(true);
      const { personId, accountId, username, idNumber, outcome } = await register(taskQueue);
      await expect.poll(() => lines.includes('setting the password'), { timeout: 15_000, interval: 100 }).toBe(true);
      expect(await claimOwner(store, usernameClaimStream(username))).toBe(accountId);
      expect(await claimOwner(store, idNumberClaimStream(idNumber))).toBe(accountId);
      expect(await store.readStream(accountStream(accountId))).toEqual([]); // mid-command: claimed, no account yet
      child.kill('SIGKILL'); // no goodbye: the activity's attempt just stops being answered

      const healthy = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db }) });
      await healthy.runUntil(async () => {
        // The lost attempt times out (10 s), is retried on this worker, and the registration completes by itself.
        expect(await outcome).toMatchObject({ view: { personId, accountId, name: '陈十二' } });
      });
      expect((await store.readStream(accountStream(accountId))).map((e) => e.type)).toEqual(['AccountRegistered']);
      expect((await store.readStream(personStream(personId))).map((e) => e.type)).toEqual(['PersonRegistered']);
      expect(await readCredential(db, accountId)).toMatchObject({ version: 1 });
      for (const stream of [usernameClaimStream(username), idNumberClaimStream(idNumber)]) expect(await claimOwner(store, stream)).toBe(accountId);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('withdraws the new account and gives both names back when the person cannot be recorded after it', async () => {
    const taskQueue = uniqueTaskQueue('registration');
    await withTestWorker(temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db }) }, async () => {
      // The phone is only in the person's event: the account is recorded, then the store refuses the person.
      const { personId, accountId, username, idNumber, outcome } = await register(taskQueue, { phone: '138\u00000013800' });
      const result = await outcome;
      expect('error' in result && result.error).toBeTruthy();
      expect(await store.readStream(personStream(personId))).toEqual([]);
      expect((await store.readStream(accountStream(accountId))).map((e) => e.type)).toEqual(['AccountRegistered', 'AccountWithdrawn']);
      expect(await claimOwner(store, usernameClaimStream(username))).toBeNull();
      expect(await claimOwner(store, idNumberClaimStream(idNumber))).toBeNull();
      expect(await readCredential(db, accountId)).toBeNull();
    });
  });
});
