/**
 * One-time move of passwords out of the event log (issue 6): accounts registered before the credentials table existed
 * kept their argon2 hash in `AccountRegistered` / `PasswordChanged`. Without this, none of them — the first admin
 * included — could sign in after the upgrade. The newest hash of each account becomes its credential (version 1);
 * an account that already has one is left alone. Runs at start-up, records that it ran, and never runs twice.
 */
import crypto from 'node:crypto';
import { ensureCredentialTables } from '../../events/store/credentials.js';
import type { Database } from '../../events/store/database.js';
import { type EventStore, START } from '../../events/store/event-store.js';

const NAME = 'legacy-credentials';

export async function migrateLegacyCredentials(db: Database, store: EventStore): Promise<{ migrated: number; ran: boolean }> {
  await db.exec(`CREATE TABLE IF NOT EXISTS jxjy_migrations (name text PRIMARY KEY, ran_at timestamptz NOT NULL)`);
  const { rows } = await db.query(`SELECT 1 FROM jxjy_migrations WHERE name = $1`, [NAME]);
  if (rows.length > 0) return { migrated: 0, ran: false };
  await ensureCredentialTables(db);
  const newest = new Map<string, string>();
  for (let after = START; ; ) {
    const page = await store.readPage({ after, limit: 1_000, filter: { streamPrefixes: ['account-'], eventTypes: ['AccountRegistered', 'PasswordChanged'] } });
    for (const event of page.events) {
      const { accountId, passwordHash } = event.data as { accountId?: string; passwordHash?: unknown };
      if (accountId && typeof passwordHash === 'string') newest.set(accountId, passwordHash);
    }
    // Nothing new scanned: the whole readable log has been read.
    if (page.checkpoint === after) break;
    after = page.checkpoint;
  }
  let migrated = 0;
  await db.transaction(async (tx) => {
    for (const [accountId, passwordHash] of newest) {
      const inserted = await tx.query(
        `INSERT INTO credentials (account_id, credential_id, password_hash, version, changed_at) VALUES ($1, $2, $3, 1, now())
         ON CONFLICT (account_id) DO NOTHING RETURNING account_id`,
        [accountId, crypto.randomUUID(), passwordHash],
      );
      migrated += inserted.rows.length;
    }
    await tx.query(`INSERT INTO jxjy_migrations (name, ran_at) VALUES ($1, now()) ON CONFLICT (name) DO NOTHING`, [NAME]);
  });
  return { migrated, ran: true };
}
