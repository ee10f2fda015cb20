/**
 * Limits hold under bursts (on PostgreSQL, where requests really run in parallel): of 50 concurrent sign-ins from one
 * address against a limit of 20, exactly 20 pass the limiter; 15 parallel wrong passwords on one account are exactly
 * 5 tries, then 429; and an unknown username is answered exactly like a known one, lockout included.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, call, captcha, randomIdNumber, startTestSystem, uniqueName } from '../system.js';

type Response = ServerInjectResponse<Record<string, unknown>>;

describe('sign-in limits under bursts', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ engine: 'postgres', config: { loginRatePerMinute: 20 } });
  });
  afterAll(async () => {
    await system?.close();
  });

  async function burst(count: number, attempt: (i: number) => { username: string; password: string }, address: (i: number) => string) {
    const captchas = await Promise.all(Array.from({ length: count }, () => captcha(system.server)));
    return (await Promise.all(
      captchas.map((answer, i) =>
        system.server.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          remoteAddress: address(i),
          payload: { ...attempt(i), ...answer },
        }),
      ),
    )) as Response[];
  }

  const statuses = (responses: Response[]) => responses.map((r) => r.statusCode).sort();
  const count = (responses: Response[], status: number) => responses.filter((r) => r.statusCode === status).length;

  it('lets exactly 20 of 50 concurrent attempts from one address through the per-address limit', async () => {
    const responses = await burst(50, () => ({ username: uniqueName('nobody_'), password: 'Whatever2026' }), () => '198.51.100.7');
    expect(count(responses, 401)).toBe(20);
    expect(count(responses, 429)).toBe(30);
    for (const refused of responses.filter((r) => r.statusCode === 429)) expect(refused.result).not.toMatchObject({ code: 'account_locked' });
  });

  it('counts 15 parallel wrong passwords as exactly 5 tries, then 429 — for a real account and an unknown name alike', async () => {
    const username = uniqueName('p_');
    const registered = await call(system.server, {
      method: 'POST', url: '/api/v1/accounts',
      payload: { username, password: 'Person2026x', name: '郑十一', idNumber: randomIdNumber(), ...(await captcha(system.server)) },
    });
    expect(registered.statusCode).toBe(201);
    const unknown = uniqueName('ghost_');
    // Each attempt from its own address, so only the account lockout can refuse it.
    const known = await burst(15, (i) => ({ username, password: `Wrong${i}pass1` }), (i) => `203.0.113.${i + 1}`);
    const ghost = await burst(15, (i) => ({ username: unknown, password: `Wrong${i}pass1` }), (i) => `203.0.113.${i + 101}`);
    for (const responses of [known, ghost]) {
      expect(statuses(responses)).toEqual([...Array(5).fill(401), ...Array(10).fill(429)]);
      for (const locked of responses.filter((r) => r.statusCode === 429)) expect(locked.result).toMatchObject({ code: 'account_locked' });
    }
    // The same answer, word for word, whether the account exists or not.
    const shape = (r: Response) => ({ status: r.statusCode, body: r.result, retryAfter: Math.round(Number(r.headers['retry-after']) / 60) });
    expect(shape(known.find((r) => r.statusCode === 401)!)).toEqual(shape(ghost.find((r) => r.statusCode === 401)!));
    expect(shape(known.find((r) => r.statusCode === 429)!)).toEqual(shape(ghost.find((r) => r.statusCode === 429)!));
    // Even the right password waits out the lock; the real account's lockout is recorded for auditors.
    const right = await burst(1, () => ({ username, password: 'Person2026x' }), () => '203.0.113.250');
    expect(right[0]!.statusCode).toBe(429);
    const lockouts = async () =>
      (await system.store.readAll({ filter: { eventTypes: ['AccountLockedOut'] }, limit: 1_000 })).filter((e) => e.streamId === `account-${registered.result!.accountId as string}`).length;
    await expect.poll(lockouts, { timeout: 10_000, interval: 100 }).toBe(1);
  });
});
