/**
 * Person registration is durable: the worker dies in the middle of it — after the username and ID number are
 * claimed, before the password is set and the account recorded — and once a worker is back the registration
 * completes by itself. At no point after that is a name claimed by an account that does not exist.
 */
import crypto from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { type TestTemporal, connectTestTemporal, createTestWorker, uniqueTaskQueue } from '../../support/temporal.js';
import { randomIdNumber } from '../../api/system.js';

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

  it('resumes where the dead worker stopped and leaves no name claimed by a missing account', async () => {
    const taskQueue = uniqueTaskQueue('registration');
    const [personId, accountId, credentialId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const username = `crash_${personId.slice(0, 8)}`;
    const idNumber = randomIdNumber();
    await storePendingCredential(db, { credentialId, accountId, passwordHash: '$argon2id$v=19$test-only', at: new Date() });

    // The first worker hangs in the password step (the claims are made) until it is shut down.
    const healthy = createActivities({ store, db });
    const stuck = {
      ...healthy,
      activateCredential: () =>
        new Promise<never>((_resolve, reject) => Context.current().cancellationSignal.addEventListener('abort', () => reject(new Error('worker died')))),
    };
    const first = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: stuck, shutdownGraceTime: '100ms' });
    const firstRun = first.run();

    const registration = temporal.client.workflow.executeUpdateWithStart(registerPersonUpdate, {
      args: [{ accountId, username, credentialId, name: '陈十二', idNumber, actor: { id: 'anonymous', role: 'public' } }],
      startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('person'), {
        workflowId: personWorkflowId(personId),
        taskQueue,
        args: [{ id: personId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const outcome = registration.then((view) => ({ view }), (error: unknown) => ({ error }));

    await expect.poll(() => claimOwner(store, idNumberClaimStream(idNumber)), { timeout: 15_000, interval: 100 }).toBe(accountId);
    expect(await claimOwner(store, usernameClaimStream(username))).toBe(accountId);
    expect(await store.readStream(accountStream(accountId))).toEqual([]); // mid-command: claimed, no account yet
    first.shutdown();
    await firstRun;

    const second = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: healthy });
    await second.runUntil(async () => {
      const result = await outcome;
      expect(result).toMatchObject({ view: { personId, accountId, name: '陈十二' } });
    });
    expect((await store.readStream(accountStream(accountId))).map((e) => e.type)).toEqual(['AccountRegistered']);
    expect((await store.readStream(personStream(personId))).map((e) => e.type)).toEqual(['PersonRegistered']);
    expect(await readCredential(db, accountId)).toMatchObject({ version: 1 });
    for (const stream of [usernameClaimStream(username), idNumberClaimStream(idNumber)]) expect(await claimOwner(store, stream)).toBe(accountId);
  });
});
