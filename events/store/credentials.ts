/**
 * Passwords live here, beside captchas and lockouts, never in an event or a Temporal payload (DESIGN.md §3): events
 * are permanent and auditors read them; Temporal histories are readable by whoever operates Temporal.
 *
 * A password is set in two steps so that the hash never travels: the API stores the new hash as a *pending*
 * credential under a fresh random id, then sends only that id to the account's lifecycle, whose activity activates
 * it in the same durable step that records `AccountRegistered` or `PasswordChanged`. `version` goes up with every
 * activation; access tokens carry the version they were issued under, so a password change ends older sessions.
 */
import type { Database, Sql } from './database.js';

export const CREDENTIALS_DDL = `
CREATE TABLE IF NOT EXISTS credentials (
  account_id    uuid PRIMARY KEY,
  credential_id uuid NOT NULL,
  password_hash text NOT NULL,
  version       integer NOT NULL,
  changed_at    timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_credentials (
  credential_id uuid PRIMARY KEY,
  account_id    uuid NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_credentials_created ON pending_credentials (created_at);
-- The password before the last change (to restore it if that change could not be recorded), and the version a
-- pending change was checked against (a change based on a password that has changed since is refused).
ALTER TABLE credentials ADD COLUMN IF NOT EXISTS previous_credential_id uuid;
ALTER TABLE credentials ADD COLUMN IF NOT EXISTS previous_password_hash text;
ALTER TABLE pending_credentials ADD COLUMN IF NOT EXISTS based_on_version integer;`;

/** A pending credential older than this was abandoned (its registration failed or never reached Temporal). */
export const PENDING_CREDENTIAL_TTL_MS = 86_400_000;

export interface StoredCredential {
  passwordHash: string;
  version: number;
}

const prepared = new WeakMap<Sql, Promise<void>>();

/** Creates the tables once per connection pool; every entry point may be the first to need them. */
export function ensureCredentialTables(sql: Sql): Promise<void> {
  let ready = prepared.get(sql);
  if (!ready) {
    ready = sql.exec(CREDENTIALS_DDL).catch((error: unknown) => {
      prepared.delete(sql);
      throw error;
    });
    prepared.set(sql, ready);
  }
  return ready;
}

export interface PendingCredential {
  credentialId: string;
  accountId: string;
  passwordHash: string;
  at: Date;
  /** For a change: the version whose password the caller proved; activation refuses if another change came first. */
  basedOnVersion?: number;
}

export async function storePendingCredential(sql: Sql, pending: PendingCredential): Promise<void> {
  await ensureCredentialTables(sql);
  await sql.query(`DELETE FROM pending_credentials WHERE created_at < $1`, [new Date(pending.at.getTime() - PENDING_CREDENTIAL_TTL_MS).toISOString()]);
  await sql.query(
    // The same credential again is a retried request (its id comes from an Idempotency-Key): the first one stands.
    `INSERT INTO pending_credentials (credential_id, account_id, password_hash, created_at, based_on_version) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (credential_id) DO NOTHING`,
    [pending.credentialId, pending.accountId, pending.passwordHash, pending.at.toISOString(), pending.basedOnVersion ?? null],
  );
}

export type Activation = { activated: true; version: number } | { activated: false; reason: 'missing' | 'stale' };

/**
 * Makes a pending credential the account's password. Idempotent: activating the same credential again (a retried
 * activity) reports the version it got the first time; an unknown or expired one activates nothing.
 */
export async function activateCredential(sql: Database, { accountId, credentialId }: { accountId: string; credentialId: string }): Promise<Activation> {
  await ensureCredentialTables(sql);
  return sql.transaction(async (tx) => {
    const current = await tx.query<{ credential_id: string; version: number }>(
      `SELECT credential_id, version FROM credentials WHERE account_id = $1 FOR UPDATE`,
      [accountId],
    );
    const existing = current.rows[0];
    if (existing?.credential_id === credentialId) return { activated: true, version: existing.version };
    const pending = await tx.query<{ password_hash: string; based_on_version: number | null }>(
      `DELETE FROM pending_credentials WHERE credential_id = $1 AND account_id = $2 RETURNING password_hash, based_on_version`,
      [credentialId, accountId],
    );
    const row = pending.rows[0];
    if (!row) return { activated: false, reason: 'missing' };
    if (row.based_on_version !== null && row.based_on_version !== (existing?.version ?? null)) return { activated: false, reason: 'stale' };
    const version = (existing?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO credentials (account_id, credential_id, password_hash, version, changed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (account_id) DO UPDATE SET previous_credential_id = credentials.credential_id, previous_password_hash = credentials.password_hash,
         credential_id = EXCLUDED.credential_id, password_hash = EXCLUDED.password_hash, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at`,
      [accountId, credentialId, row.password_hash, version],
    );
    return { activated: true, version };
  });
}

/**
 * Undoes an activation whose event could not be recorded: a password change goes back to the previous password (with
 * a new version, so sessions issued meanwhile end too); a registration's first password is removed. Idempotent.
 */
export async function undoActivation(sql: Database, { accountId, credentialId }: { accountId: string; credentialId: string }): Promise<void> {
  await ensureCredentialTables(sql);
  await sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ previous_credential_id: string | null }>(
      `SELECT previous_credential_id FROM credentials WHERE account_id = $1 AND credential_id = $2 FOR UPDATE`,
      [accountId, credentialId],
    );
    const row = rows[0];
    if (!row) return;
    if (row.previous_credential_id === null) {
      await tx.query(`DELETE FROM credentials WHERE account_id = $1`, [accountId]);
      return;
    }
    await tx.query(
      `UPDATE credentials SET credential_id = previous_credential_id, password_hash = previous_password_hash, version = version + 1,
         previous_credential_id = NULL, previous_password_hash = NULL, changed_at = now() WHERE account_id = $1`,
      [accountId],
    );
  });
}

/** An account withdrawn or closed signs in no more. */
export async function removeCredential(sql: Sql, accountId: string): Promise<void> {
  await ensureCredentialTables(sql);
  await sql.query(`DELETE FROM credentials WHERE account_id = $1`, [accountId]);
}

/** Drops a pending credential whose registration failed (a taken username): it will never be activated. */
export async function discardPendingCredential(sql: Sql, credentialId: string): Promise<void> {
  await ensureCredentialTables(sql);
  await sql.query(`DELETE FROM pending_credentials WHERE credential_id = $1`, [credentialId]);
}

export async function readCredential(sql: Sql, accountId: string): Promise<StoredCredential | null> {
  await ensureCredentialTables(sql);
  const { rows } = await sql.query<{ password_hash: string; version: number }>(
    `SELECT password_hash, version FROM credentials WHERE account_id = $1`,
    [accountId],
  );
  const row = rows[0];
  return row ? { passwordHash: row.password_hash, version: row.version } : null;
}

/** The version a token must carry to be honoured; null when the account has no password (yet). */
export async function credentialVersion(sql: Sql, accountId: string): Promise<number | null> {
  return (await readCredential(sql, accountId))?.version ?? null;
}
