/**
 * Brute-force brakes, in the database so every API instance counts the same: a sliding-window limit per client
 * address, and the lockout of CONTRACT.md — 5 wrong passwords within 15 minutes lock the sign-in for 15 minutes.
 *
 * Both count under a per-key advisory lock inside one transaction, so a burst is counted exactly: of 50 concurrent
 * attempts against a limit of 20, 20 pass. Sign-in tries are *reserved* before the password is checked (a try in
 * flight counts), so 15 parallel wrong passwords are exactly 5 tries, then 429. The lockout is keyed by the
 * username as typed (lower-cased), not by an account, so an unknown username is answered exactly like a known one —
 * lockout included — and the answers never tell whether an account exists.
 */
import type { Database, Sql } from '../../events/store/database.js';
import { RateLimitedError } from '../errors.js';

export const THROTTLE_DDL = `
CREATE TABLE IF NOT EXISTS rate_limit_hits (bucket text NOT NULL, key text NOT NULL, hit_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS rate_limit_hits_key ON rate_limit_hits (bucket, key, hit_at);
CREATE TABLE IF NOT EXISTS sign_in_tries (username_key text NOT NULL, tried_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS sign_in_tries_key ON sign_in_tries (username_key, tried_at);
CREATE TABLE IF NOT EXISTS sign_in_lockouts (username_key text PRIMARY KEY, locked_until timestamptz NOT NULL);`;

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Serialises everything counted under one key until the transaction ends (both PostgreSQL and PGlite). */
const lockKey = (tx: Sql, key: string) => tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);

/** Counts this hit and refuses it (429 + Retry-After) when `limit` hits already fall in the window. */
export async function rateLimit(db: Database, bucket: string, key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const retryMs = await db.transaction(async (tx) => {
    await lockKey(tx, `rate:${bucket}:${key}`);
    await tx.query(`DELETE FROM rate_limit_hits WHERE bucket = $1 AND key = $2 AND hit_at < $3`, [bucket, key, since]);
    const { rows } = await tx.query<{ hits: number; oldest: string | null }>(
      `SELECT count(*)::int AS hits, min(hit_at)::text AS oldest FROM rate_limit_hits WHERE bucket = $1 AND key = $2`,
      [bucket, key],
    );
    const { hits, oldest } = rows[0]!;
    if (hits >= limit) return new Date(oldest!).getTime() + windowMs - now.getTime();
    await tx.query(`INSERT INTO rate_limit_hits (bucket, key, hit_at) VALUES ($1, $2, $3)`, [bucket, key, now.toISOString()]);
    return null;
  });
  if (retryMs !== null) throw new RateLimitedError(seconds(retryMs), { zh: '请求过于频繁，请稍后再试', en: 'too many requests; try again later' });
}

export function lockedOutError(lockedUntil: Date, now: Date): RateLimitedError {
  // A request that started a moment before the try that locked the account would see a lock a little longer than the
  // lockout itself (16 minutes, say): never more than the lockout.
  const left = Math.min(lockedUntil.getTime() - now.getTime(), LOCKOUT_MS);
  const minutes = Math.ceil(left / 60_000);
  return new RateLimitedError(
    seconds(left),
    {
      zh: `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
      en: `too many wrong passwords: the account is locked; try again in ${minutes} min`,
    },
    { code: 'account_locked' },
  );
}

export const usernameKey = (username: string) => username.trim().toLowerCase();

export type SignInTry =
  | { reserved: true }
  /** `lockedNow`: this attempt is the one that locked it (worth an `AccountLockedOut` event). */
  | { reserved: false; lockedUntil: Date; lockedNow: boolean; failures: number };

/**
 * Reserves one sign-in try for `username`, or reports the lockout when it is locked or its tries in the window are
 * used up. The reservation stands as a failure unless `clearSignInTries` follows a right password.
 */
export async function reserveSignInTry(db: Database, username: string, now: Date): Promise<SignInTry> {
  const key = usernameKey(username);
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  return db.transaction(async (tx): Promise<SignInTry> => {
    await lockKey(tx, `sign-in:${key}`);
    const locked = await activeLock(tx, key, now);
    if (locked) return { reserved: false, lockedUntil: locked, lockedNow: false, failures: LOCKOUT_FAILURES };
    await tx.query(`DELETE FROM sign_in_tries WHERE username_key = $1 AND tried_at < $2`, [key, since]);
    const failures = await tries(tx, key);
    if (failures >= LOCKOUT_FAILURES) return { reserved: false, lockedUntil: await lock(tx, key, now), lockedNow: true, failures };
    await tx.query(`INSERT INTO sign_in_tries (username_key, tried_at) VALUES ($1, $2)`, [key, now.toISOString()]);
    return { reserved: true };
  });
}

/**
 * After a wrong password: locks the sign-in if the failures in the window reached the limit. Returns the lock's end
 * and the failure count when *this* failure locked it.
 */
export async function settleFailedSignIn(db: Database, username: string, now: Date): Promise<{ lockedUntil: Date; failures: number } | null> {
  const key = usernameKey(username);
  return db.transaction(async (tx) => {
    await lockKey(tx, `sign-in:${key}`);
    const failures = await tries(tx, key);
    if (failures < LOCKOUT_FAILURES || (await activeLock(tx, key, now))) return null;
    return { lockedUntil: await lock(tx, key, now), failures };
  });
}

async function tries(tx: Sql, key: string): Promise<number> {
  const { rows } = await tx.query<{ tries: number }>(`SELECT count(*)::int AS tries FROM sign_in_tries WHERE username_key = $1`, [key]);
  return rows[0]!.tries;
}

async function activeLock(tx: Sql, key: string, now: Date): Promise<Date | null> {
  const { rows } = await tx.query<{ locked_until: string }>(
    `SELECT locked_until::text FROM sign_in_lockouts WHERE username_key = $1 AND locked_until > $2`,
    [key, now.toISOString()],
  );
  return rows[0] ? new Date(rows[0].locked_until) : null;
}

// The tries stay: they age out of the window by the time the lock ends, and a failure still in flight must find them.
async function lock(tx: Sql, key: string, now: Date): Promise<Date> {
  const until = new Date(now.getTime() + LOCKOUT_MS);
  await tx.query(
    `INSERT INTO sign_in_lockouts (username_key, locked_until) VALUES ($1, $2)
     ON CONFLICT (username_key) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
    [key, until.toISOString()],
  );
  return until;
}

/** A right password: the tries so far are forgiven. */
export async function clearSignInTries(db: Database, username: string): Promise<void> {
  await db.query(`DELETE FROM sign_in_tries WHERE username_key = $1`, [usernameKey(username)]);
}
