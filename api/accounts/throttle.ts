/**
 * Brute-force brakes, in the database so every API instance counts the same: a sliding-window limit per client
 * address, and the account lockout of CONTRACT.md — 5 failed logins within 15 minutes lock the account for 15.
 */
import type { Sql } from '../../events/store/database.js';
import { RateLimitedError } from '../errors.js';

export const THROTTLE_DDL = `
CREATE TABLE IF NOT EXISTS rate_limit_hits (bucket text NOT NULL, key text NOT NULL, hit_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS rate_limit_hits_key ON rate_limit_hits (bucket, key, hit_at);
CREATE TABLE IF NOT EXISTS login_failures (account_id uuid NOT NULL, failed_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS login_failures_account ON login_failures (account_id, failed_at);
CREATE TABLE IF NOT EXISTS login_lockouts (account_id uuid PRIMARY KEY, locked_until timestamptz NOT NULL);`;

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Counts this hit and refuses it (429 + Retry-After) when `limit` hits fall in the window. */
export async function rateLimit(sql: Sql, bucket: string, key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  await sql.query(`DELETE FROM rate_limit_hits WHERE bucket = $1 AND key = $2 AND hit_at < $3`, [bucket, key, since]);
  const { rows } = await sql.query<{ hits: number; oldest: string | null }>(
    `SELECT count(*)::int AS hits, min(hit_at)::text AS oldest FROM rate_limit_hits WHERE bucket = $1 AND key = $2`,
    [bucket, key],
  );
  const { hits, oldest } = rows[0]!;
  if (hits >= limit) {
    const retryMs = new Date(oldest!).getTime() + windowMs - now.getTime();
    throw new RateLimitedError(seconds(retryMs), { zh: '请求过于频繁，请稍后再试', en: 'too many requests; try again later' });
  }
  await sql.query(`INSERT INTO rate_limit_hits (bucket, key, hit_at) VALUES ($1, $2, $3)`, [bucket, key, now.toISOString()]);
}

export function lockedOutError(lockedUntil: Date, now: Date): RateLimitedError {
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
  return new RateLimitedError(
    seconds(lockedUntil.getTime() - now.getTime()),
    {
      zh: `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
      en: `too many wrong passwords: the account is locked; try again in ${minutes} min`,
    },
    { code: 'account_locked' },
  );
}

export async function lockedUntil(sql: Sql, accountId: string, now: Date): Promise<Date | null> {
  const { rows } = await sql.query<{ locked_until: string }>(
    `SELECT locked_until::text FROM login_lockouts WHERE account_id = $1 AND locked_until > $2`,
    [accountId, now.toISOString()],
  );
  return rows[0] ? new Date(rows[0].locked_until) : null;
}

/** Records a failure; returns the lock's end when this failure is the one that locks the account. */
export async function recordLoginFailure(sql: Sql, accountId: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  await sql.query(`DELETE FROM login_failures WHERE account_id = $1 AND failed_at < $2`, [accountId, since]);
  await sql.query(`INSERT INTO login_failures (account_id, failed_at) VALUES ($1, $2)`, [accountId, now.toISOString()]);
  const { rows } = await sql.query<{ failures: number }>(`SELECT count(*)::int AS failures FROM login_failures WHERE account_id = $1`, [accountId]);
  const failures = rows[0]!.failures;
  if (failures < LOCKOUT_FAILURES) return { failures, lockedUntil: null };
  const until = new Date(now.getTime() + LOCKOUT_MS);
  await sql.query(
    `INSERT INTO login_lockouts (account_id, locked_until) VALUES ($1, $2)
     ON CONFLICT (account_id) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
    [accountId, until.toISOString()],
  );
  await sql.query(`DELETE FROM login_failures WHERE account_id = $1`, [accountId]);
  return { failures, lockedUntil: until };
}

export async function clearLoginFailures(sql: Sql, accountId: string): Promise<void> {
  await sql.query(`DELETE FROM login_failures WHERE account_id = $1`, [accountId]);
}
