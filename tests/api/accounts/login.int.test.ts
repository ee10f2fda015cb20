/**
 * Login: one generic message for a wrong username or password, the lockout (5 failures in 15 minutes → 429 with
 * Retry-After for 15 minutes), the per-address limit, the restricted first-login token, and the password change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_MS } from '../../../api/accounts/throttle.js';
import { type TestSystem, call, captcha, login, randomIdNumber, startTestSystem, uniqueName } from '../system.js';

describe('sessions', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ config: { loginRatePerMinute: 40 } });
  });
  afterAll(async () => {
    await system?.close();
  });

  async function registerPerson(password = 'Person2026x') {
    const username = uniqueName('p_');
    const response = await call(system.server, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { username, password, name: '孙八', idNumber: randomIdNumber(), ...(await captcha(system.server)) },
    });
    expect(response.statusCode).toBe(201);
    return { username, password, personId: response.result!.personId as string };
  }

  it('gives the same 401 for an unknown username and a wrong password', async () => {
    const { username } = await registerPerson();
    const unknown = await login(system.server, uniqueName('nobody_'), 'Whatever2026');
    const wrong = await login(system.server, username, 'Wrong2026pw');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.result!.message).toBe(wrong.result!.message);
    expect(wrong.result!.message).toBe('用户名或密码错误');
  });

  it('locks the account after 5 wrong passwords: the 6th attempt gets 429 with Retry-After, even with the right password', async () => {
    const { username, password } = await registerPerson();
    for (let i = 0; i < 5; i++) expect((await login(system.server, username, `Wrong${i}pass`)).statusCode).toBe(401);
    const locked = await login(system.server, username, password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(locked.result).toMatchObject({ code: 'account_locked' });
    expect(locked.result!.message).toContain('锁定');
    // Recorded beside the answer (never before it: that would tell real usernames from unknown ones).
    const lockouts = async () => (await system.store.readAll({ filter: { eventTypes: ['AccountLockedOut'] } })).filter((e) => (e.data as { failures: number }).failures === 5).length;
    await expect.poll(lockouts, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);

    system.advanceClock(LOCKOUT_MS + 1_000);
    const after = await login(system.server, username, password);
    expect(after.statusCode).toBe(200);
  });

  it('issues a restricted token to a new account: only the password change is open, and it returns a full session', async () => {
    const { username, password, personId } = await registerPerson();
    const first = await login(system.server, username, password);
    expect(first.statusCode).toBe(200);
    expect(first.result).toMatchObject({ mustChangePassword: true, role: 'person', subjectId: personId });
    const restricted = first.result!.accessToken as string;
    const me = await call(system.server, { method: 'GET', url: '/api/v1/me', token: restricted, lang: 'en' });
    expect(me.statusCode).toBe(403);
    expect(me.result).toMatchObject({ message: 'password change required', code: 'password_change_required' });

    const wrongCurrent = await call(system.server, { method: 'PUT', url: '/api/v1/accounts/me/password', token: restricted, payload: { currentPassword: 'Nope2026xx', newPassword: 'Better2026y' } });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.result).toMatchObject({ details: [{ field: 'currentPassword' }] });
    const weak = await call(system.server, { method: 'PUT', url: '/api/v1/accounts/me/password', token: restricted, payload: { currentPassword: password, newPassword: 'short1' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.result).toMatchObject({ details: [{ field: 'newPassword' }] });

    const changed = await call(system.server, { method: 'PUT', url: '/api/v1/accounts/me/password', token: restricted, payload: { currentPassword: password, newPassword: 'Better2026y' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.result).toMatchObject({ mustChangePassword: false, role: 'person' });
    const full = changed.result!.accessToken as string;
    const meAfter = await call(system.server, { method: 'GET', url: '/api/v1/me', token: full });
    expect(meAfter.statusCode).toBe(200);
    expect(meAfter.result).toMatchObject({ username, role: 'person', mustChangePassword: false, profile: { personId } });
    expect(JSON.stringify(meAfter.result)).not.toContain('$argon2');
    // The old password is gone and the new one works without another change.
    expect((await login(system.server, username, password)).statusCode).toBe(401);
    expect((await login(system.server, username, 'Better2026y')).result).toMatchObject({ mustChangePassword: false });
  });

  it('limits guesses of the current password through the password change (10 per 15 minutes per account)', async () => {
    const { username, password } = await registerPerson();
    const token = (await login(system.server, username, password)).result!.accessToken as string;
    const change = (currentPassword: string) =>
      call(system.server, { method: 'PUT', url: '/api/v1/accounts/me/password', token, payload: { currentPassword, newPassword: 'Better2026y' } });
    for (let i = 0; i < 10; i++) expect((await change(`Guess${i}2026`)).statusCode).toBe(400);
    const refused = await change(password);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets one of two simultaneous password changes win, and the other is refused, not silently overridden', async () => {
    const { username, password } = await registerPerson();
    const token = (await login(system.server, username, password)).result!.accessToken as string;
    const change = (newPassword: string) =>
      call(system.server, { method: 'PUT', url: '/api/v1/accounts/me/password', token, payload: { currentPassword: password, newPassword } });
    const [a, b] = await Promise.all([change('Winner2026aa'), change('Winner2026bb')]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses[0]).toBe(200);
    expect([400, 409]).toContain(statuses[1]);
    const winner = a.statusCode === 200 ? 'Winner2026aa' : 'Winner2026bb';
    const loser = a.statusCode === 200 ? 'Winner2026bb' : 'Winner2026aa';
    expect((await login(system.server, username, winner)).statusCode).toBe(200);
    expect((await login(system.server, username, loser)).statusCode).toBe(401);
    const session = (a.statusCode === 200 ? a : b).result!.accessToken as string;
    expect((await call(system.server, { method: 'GET', url: '/api/v1/me', token: session })).statusCode).toBe(200);
  });

  it('behind a trusted proxy, limits each client by its X-Forwarded-For address, not the proxy’s', async () => {
    const proxied = await startTestSystem({ config: { loginRatePerMinute: 2, trustProxy: true } });
    try {
      const attempt = async (client: string) =>
        proxied.server.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          headers: { 'x-forwarded-for': `203.0.113.9, ${client}` },
          payload: { username: uniqueName('x_'), password: 'Whatever2026', ...(await captcha(proxied.server)) },
        });
      expect((await attempt('198.51.100.1')).statusCode).toBe(401);
      expect((await attempt('198.51.100.1')).statusCode).toBe(401);
      expect((await attempt('198.51.100.1')).statusCode).toBe(429);
      expect((await attempt('198.51.100.2')).statusCode).toBe(401); // another client is not held back
    } finally {
      await proxied.close();
    }
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await startTestSystem({ config: { loginRatePerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await login(limited.server, uniqueName('x_'), 'Whatever2026')).statusCode).toBe(401);
      const fourth = await login(limited.server, uniqueName('x_'), 'Whatever2026');
      expect(fourth.statusCode).toBe(429);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
