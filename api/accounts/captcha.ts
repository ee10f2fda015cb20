/**
 * Captchas (验证码) kept in the database, so every API instance agrees on them: an SVG whose glyphs are paths (no
 * text a bot can read from the markup), single use — the first attempt consumes it, right or wrong, so an answer
 * cannot be guessed twice — and valid for five minutes. Only a hash of the answer is stored.
 */
import crypto from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Sql } from '../../events/store/database.js';
import { ValidationError } from '../errors.js';

export const CAPTCHA_TTL_MS = 5 * 60_000;

export const CAPTCHA_DDL = `
CREATE TABLE IF NOT EXISTS captchas (
  captcha_id  uuid PRIMARY KEY,
  answer_hash text NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX IF NOT EXISTS captchas_expires ON captchas (expires_at);`;

export interface IssuedCaptcha {
  captchaId: string;
  svg: string;
  expiresAt: string;
  answer: string;
}

const answerHash = (captchaId: string, answer: string) =>
  crypto.createHash('sha256').update(`${captchaId}:${answer.trim().toLowerCase()}`).digest('hex');

export async function issueCaptcha(sql: Sql, now: Date): Promise<IssuedCaptcha> {
  // Look-alike characters are left out: people should fail on purpose, not on 0/O and 1/l/I.
  const { text, data } = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1ilIL', color: true, background: '#f5f7fa' });
  const captchaId = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
  await sql.query(`INSERT INTO captchas (captcha_id, answer_hash, expires_at) VALUES ($1, $2, $3)`, [
    captchaId,
    answerHash(captchaId, text),
    expiresAt.toISOString(),
  ]);
  // Old rows are useless after expiry; a day's grace keeps "expired" distinguishable from "unknown".
  await sql.query(`DELETE FROM captchas WHERE expires_at < $1`, [new Date(now.getTime() - 86_400_000).toISOString()]);
  return { captchaId, svg: data, expiresAt: expiresAt.toISOString(), answer: text };
}

/** Consumes the captcha; throws a 400 naming `captchaId` or `captchaAnswer` when it cannot be used. */
export async function consumeCaptcha(sql: Sql, captchaId: string, answer: string, now: Date): Promise<void> {
  const { rows } = await sql.query<{ answer_hash: string; expired: boolean; used: boolean }>(
    `WITH target AS (SELECT captcha_id, used_at IS NOT NULL AS used FROM captchas WHERE captcha_id = $1 FOR UPDATE)
     UPDATE captchas c SET used_at = coalesce(c.used_at, $2)
     FROM target WHERE c.captcha_id = target.captcha_id
     RETURNING c.answer_hash, c.expires_at < $2 AS expired, target.used`,
    [captchaId, now.toISOString()],
  );
  const row = rows[0];
  const fail = (field: string, zh: string, en: string) => {
    throw new ValidationError({ zh, en }, { details: [{ field, message: { zh, en } }] });
  };
  if (!row) return fail('captchaId', '验证码不存在，请刷新验证码', 'unknown captcha; get a new one');
  if (row.used) return fail('captchaId', '验证码已使用，请刷新验证码', 'this captcha was already used; get a new one');
  if (row.expired) return fail('captchaId', '验证码已过期，请刷新验证码', 'this captcha has expired; get a new one');
  if (row.answer_hash !== answerHash(captchaId, answer)) fail('captchaAnswer', '验证码错误', 'the captcha answer is wrong');
}
