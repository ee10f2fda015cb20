/**
 * Upgrading a data folder written before passwords left the event log: the newest hash of each account becomes its
 * credential (so the first admin and everyone else can still sign in), once; and no legacy hash reaches a workflow.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../api/accounts/passwords.js';
import { accountStream } from '../../../events/account.js';
import { readCredential, storePendingCredential, activateCredential } from '../../../events/store/credentials.js';
import type { EventStore } from '../../../events/store/event-store.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { migrateLegacyCredentials } from '../../../runtime/migrations/legacy-credentials.js';
import { createReadStreamActivities } from '../../../workflows/activities/read-stream.js';
import { type TestDatabase, openTestDatabase } from '../../support/databases.js';

describe('legacy credentials migration', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    store = await createPostgresEventStore(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const legacyAccount = async (password: string, changedTo?: string) => {
    const accountId = crypto.randomUUID();
    const at = '2026-01-01T00:00:00.000Z';
    const events = [
      { eventId: crypto.randomUUID(), type: 'AccountRegistered', recordedAt: at, data: { accountId, username: `old_${accountId.slice(0, 6)}`, role: 'admin', subjectId: accountId, name: '旧管理员', passwordHash: await hashPassword(password), mustChangePassword: true, registeredAt: at } },
      ...(changedTo ? [{ eventId: crypto.randomUUID(), type: 'PasswordChanged', recordedAt: at, data: { accountId, passwordHash: await hashPassword(changedTo), changedAt: at } }] : []),
    ];
    await store.append(accountStream(accountId), events, { expectedRevision: 'no_stream' });
    return accountId;
  };

  it('moves the newest hash of each legacy account into credentials, once, and leaves newer credentials alone', async () => {
    const registeredOnly = await legacyAccount('Legacy2026a');
    const changed = await legacyAccount('Legacy2026b', 'Legacy2026c');
    const modern = await legacyAccount('Legacy2026d');
    await storePendingCredential(db, { credentialId: crypto.randomUUID(), accountId: modern, passwordHash: await hashPassword('Modern2026e'), at: new Date() });
    const pending = (await db.query<{ credential_id: string }>(`SELECT credential_id FROM pending_credentials WHERE account_id = $1`, [modern])).rows[0]!;
    await activateCredential(db, { accountId: modern, credentialId: pending.credential_id });

    expect(await migrateLegacyCredentials(db, store)).toEqual({ migrated: 2, ran: true });
    expect(await verifyPassword((await readCredential(db, registeredOnly))!.passwordHash, 'Legacy2026a')).toBe(true);
    expect(await verifyPassword((await readCredential(db, changed))!.passwordHash, 'Legacy2026c')).toBe(true);
    expect(await verifyPassword((await readCredential(db, modern))!.passwordHash, 'Modern2026e')).toBe(true);
    expect(await migrateLegacyCredentials(db, store)).toEqual({ migrated: 0, ran: false });
  });

  it('drops a legacy hash on its way to a workflow', async () => {
    const accountId = await legacyAccount('Legacy2026f', 'Legacy2026g');
    const page = await createReadStreamActivities({ store }).readStreamPage({ streamId: accountStream(accountId), fromRevision: '0', maxCount: 10 });
    expect(page.events).toHaveLength(2);
    expect(JSON.stringify(page)).not.toContain('$argon2');
    expect(page.events[0]!.data).toMatchObject({ accountId, role: 'admin' });
  });
});
