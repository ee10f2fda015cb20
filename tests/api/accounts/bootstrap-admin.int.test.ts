/** The first admin: from the environment, or with a generated one-time password; never twice. */
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../../api/accounts/bootstrap-admin.js';
import { findAccountByUsername } from '../../../api/accounts/account-repository.js';
import { verifyPassword } from '../../../api/accounts/passwords.js';
import { passwordProblem } from '../../../api/identifiers.js';
import { createPostgresEventStore } from '../../../events/store/postgres-event-store.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';

describe('bootstrapAdmin', () => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => {
    while (dbs.length) await dbs.pop()!.drop();
  });
  const store = async () => {
    const db = await openTestDatabase('pglite');
    dbs.push(db);
    return createPostgresEventStore(db);
  };

  it('creates admin with a generated one-time password that meets the policy, once', async () => {
    const events = await store();
    const created = await bootstrapAdmin({ store: events, config: { adminUsername: undefined, adminPassword: undefined } });
    expect(created).toMatchObject({ created: true, username: 'admin' });
    expect(passwordProblem(created.oneTimePassword!, 'admin')).toBeNull();
    const account = await findAccountByUsername(events, 'admin');
    expect(account?.state).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await verifyPassword(account!.state.passwordHash, created.oneTimePassword!)).toBe(true);
    expect(await bootstrapAdmin({ store: events, config: { adminUsername: undefined, adminPassword: undefined } })).toEqual({ created: false, username: 'admin' });
  });

  it('uses JXJY_ADMIN_USERNAME/PASSWORD when given, and refuses a password that breaks the policy', async () => {
    const events = await store();
    const created = await bootstrapAdmin({ store: events, config: { adminUsername: 'rsadmin', adminPassword: 'Province2026' } });
    expect(created).toEqual({ created: true, username: 'rsadmin' });
    const account = await findAccountByUsername(events, 'rsadmin');
    expect(await verifyPassword(account!.state.passwordHash, 'Province2026')).toBe(true);
    await expect(bootstrapAdmin({ store: await store(), config: { adminUsername: 'admin', adminPassword: 'short' } })).rejects.toThrow(/policy/);
  });
});
