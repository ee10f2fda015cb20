/**
 * Bad input on the public doors (registration, organisation registration, login, captcha): each answer is a clear
 * 4xx naming the field, in zh-CN by default and English on request, and not one event is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTCHA_TTL_MS } from '../../../api/accounts/captcha.js';
import { type TestSystem, call, captcha, orgPayload, randomIdNumber, randomUscc, startTestSystem, uniqueName } from '../system.js';

type Body = { statusCode: number; message: string; details?: Array<{ field: string; message: string }> };

describe('bad input writes nothing', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  /** Sends the request and checks that the event store's head did not move. */
  async function expectRefused(request: Parameters<typeof call>[1], status: number, field: string) {
    const head = await system.store.headPosition();
    const response = await call(system.server, request);
    expect(response.statusCode, response.payload).toBe(status);
    const body = response.result as unknown as Body;
    expect(body.details?.map((d) => d.field)).toContain(field);
    expect(await system.store.headPosition()).toBe(head);
    return body;
  }
  const postOrg = (payload: object, lang?: 'en') => ({ method: 'POST' as const, url: '/api/v1/orgs', payload, lang });

  it('refuses an invalid USCC checksum, naming uscc (zh-CN by default, English on request)', async () => {
    const good = randomUscc();
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const zh = await expectRefused(postOrg(await orgPayload(system.server, { uscc: bad })), 400, 'uscc');
    expect(zh.details!.find((d) => d.field === 'uscc')!.message).toContain('统一社会信用代码');
    const en = await expectRefused(postOrg(await orgPayload(system.server, { uscc: bad }), 'en'), 400, 'uscc');
    expect(en.details!.find((d) => d.field === 'uscc')!.message).toMatch(/unified social credit code/);
  });

  it('refuses a 5-digit region code', async () => {
    const body = await expectRefused(postOrg(await orgPayload(system.server, { regionCode: '44010' })), 400, 'regionCode');
    expect(body.message).toContain('行政区划代码');
  });

  it('refuses short and common passwords, naming the password field', async () => {
    await expectRefused(postOrg(await orgPayload(system.server, { reviewerPassword: 'a1b2c3' })), 400, 'reviewerPassword');
    await expectRefused(postOrg(await orgPayload(system.server, { reviewerPassword: 'password123' })), 400, 'reviewerPassword');
    const person = { username: 'zhang_san2026', password: 'zhang_san2026', name: '张三', idNumber: '11010519491231002X', ...(await captcha(system.server)) };
    await expectRefused({ method: 'POST', url: '/api/v1/accounts', payload: person }, 400, 'password');
  });

  it('answers 409 for a username that is taken, and 409 for a USCC registered before', async () => {
    const first = await orgPayload(system.server);
    expect((await call(system.server, postOrg(first))).statusCode).toBe(201);
    await expectRefused(postOrg(await orgPayload(system.server, { reviewerUsername: first.reviewerUsername })), 409, 'reviewerUsername');
    await expectRefused(postOrg(await orgPayload(system.server, { uscc: first.uscc })), 409, 'uscc');
    // Usernames are unique across persons and organisations alike.
    const person = { username: first.reviewerUsername, password: 'Person2026x', name: '王五', idNumber: randomIdNumber(), ...(await captcha(system.server)) };
    await expectRefused({ method: 'POST', url: '/api/v1/accounts', payload: person }, 409, 'username');
  });

  it('refuses a missing, wrong, reused or expired captcha', async () => {
    const { captchaId: _id, captchaAnswer: _answer, ...noCaptcha } = await orgPayload(system.server);
    const missing = await expectRefused(postOrg(noCaptcha), 400, 'captchaId');
    expect(missing.details!.map((d) => d.field)).toContain('captchaAnswer');

    const wrong = await orgPayload(system.server);
    await expectRefused(postOrg({ ...wrong, captchaAnswer: wrong.captchaAnswer === 'zzzz' ? 'yyyy' : 'zzzz' }), 400, 'captchaAnswer');
    // Single use: the failed attempt consumed it, so even the right answer now fails.
    await expectRefused(postOrg(wrong), 400, 'captchaId');

    const used = await orgPayload(system.server);
    expect((await call(system.server, postOrg(used))).statusCode).toBe(201);
    await expectRefused(postOrg({ ...used, reviewerUsername: uniqueName('again_'), uscc: randomUscc() }), 400, 'captchaId');

    const stale = await orgPayload(system.server);
    system.advanceClock(CAPTCHA_TTL_MS + 1_000);
    const expired = await expectRefused(postOrg(stale), 400, 'captchaId');
    expect(expired.message).toContain('过期');
  });

  it('refuses a person with an invalid ID number, naming idNumber', async () => {
    const person = { username: uniqueName('person_'), password: 'Person2026x', name: '赵六', idNumber: '110105194912310021', ...(await captcha(system.server)) };
    await expectRefused({ method: 'POST', url: '/api/v1/accounts', payload: person }, 400, 'idNumber');
  });

  it('registers a person, whose ID number is then taken', async () => {
    const person = { username: uniqueName('person_'), password: 'Person2026x', name: '钱七', idNumber: randomIdNumber(), ...(await captcha(system.server)) };
    const created = await call(system.server, { method: 'POST', url: '/api/v1/accounts', payload: person });
    expect(created.statusCode, created.payload).toBe(201);
    expect(created.result).toMatchObject({ username: person.username });
    await expectRefused(
      { method: 'POST', url: '/api/v1/accounts', payload: { ...person, username: uniqueName('other_'), ...(await captcha(system.server)) } },
      409,
      'idNumber',
    );
  });
});
