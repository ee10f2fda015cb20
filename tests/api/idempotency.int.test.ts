/**
 * Idempotency-Key on the routes that create something (api/idempotency.ts), on the real Temporal dev server and
 * PGlite: a retry with the key creates nothing twice — after a success (the kept answer, replayed) and after a 503
 * whose command went on to succeed (the same ids and the same Update, answered by Temporal with the first outcome) —
 * while the same key on another request, or a malformed key, is refused naming the header, with nothing written.
 */
import crypto from 'node:crypto';
import type { ServerInjectResponse } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, approvedOrg, boundPerson } from './actors.js';
import type { Position } from '../../events/store/event-store.js';
import { chinaYear } from '../../events/vocabulary/index.js';
import { IDEMPOTENCY_TTL_MS } from '../../api/idempotency.js';
import { getEnrolment } from '../../projections/enrolments.js';
import { type TestSystem, call, captcha, orgPayload, randomIdNumber, startTestSystem, uniqueName } from './system.js';

type Json = Record<string, unknown>;
const YEAR = chinaYear(new Date(Date.now() - 200 * 86_400_000));
const declaration = { year: YEAR, category: 'professional', title: '幂等申报测试', mode: 'training', startDate: `${YEAR}-04-01`, endDate: `${YEAR}-04-02`, hours: 8 };

describe('Idempotency-Key', () => {
  let system: TestSystem;
  let unit: Reviewer;
  let person: Person;
  beforeAll(async () => {
    // A short Temporal deadline: the 503 test waits it out once.
    system = await startTestSystem({ temporalDeadlineMs: 3_000 });
    unit = await approvedOrg(system.server);
    person = await boundPerson(system.server, unit, '幂等');
  });
  afterAll(async () => {
    await system?.close();
  });

  const post = (url: string, payload?: Json, headers: Record<string, string> = {}, token?: string) => call(system.server, { method: 'POST', url, payload, headers, token, lang: 'en' });
  const register = async (body: Json, key?: string) => post('/api/v1/accounts', { ...body, ...(await captcha(system.server)) }, key ? { 'idempotency-key': key } : {});
  const declare = (who: Person, key?: string, body: Json = declaration) => post('/api/v1/credit-records', body, key ? { 'idempotency-key': key } : {}, who.token);
  const registration = () => ({ username: uniqueName('idem_'), password: 'Person2026x', name: '王幂等', idNumber: randomIdNumber() });
  const eventsSince = async (head: Position, prefixes: string[]) => system.store.readAll({ after: head, filter: { streamPrefixes: prefixes } });

  it('answers a registration sent again with its key as the first time, from what it kept, and registers once', async () => {
    const body = registration();
    const key = crypto.randomUUID();
    const head = await system.store.headPosition();
    const first = await register(body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // A retry solves a new captcha: the captcha is not part of the comparison.
    const again = await register(body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.result).toEqual(first.result);
    const registered = (await eventsSince(head, ['person-'])).filter((e) => e.type === 'PersonRegistered');
    expect(registered.map((e) => e.streamId)).toEqual([`person-${first.result!.personId as string}`]);
  });

  it('registers once when the first try answered 503 and its command went on to succeed; without a key the retry is refused as a duplicate', async () => {
    const body = registration();
    const key = crypto.randomUUID();
    const head = await system.store.headPosition();
    await system.stopWorker();
    let first: ServerInjectResponse<Json>;
    try {
      first = await register(body, key);
    } finally {
      await system.startWorker();
    }
    expect(first.statusCode).toBe(503);
    expect(first.headers['retry-after']).toBe('5');
    // The worker is back: the registration the 503 left behind completes by itself.
    await expect.poll(async () => (await eventsSince(head, ['person-'])).some((e) => e.type === 'PersonRegistered'), { timeout: 20_000, interval: 200 }).toBe(true);

    // The key is held by that registration: another one under it is refused, and registers nothing.
    const other = await register({ ...body, password: 'Another2026x' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.result).toMatchObject({ details: [{ field: 'Idempotency-Key' }] });
    const retried = await register(body, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined(); // nothing was kept: Temporal gave the first outcome
    const registered = (await eventsSince(head, ['person-'])).filter((e) => e.type === 'PersonRegistered');
    expect(registered.map((e) => e.streamId)).toEqual([`person-${retried.result!.personId as string}`]);
    const withoutKey = await register(body);
    expect(withoutKey.statusCode).toBe(409);
    expect((withoutKey.result!.details as Array<{ field: string }>).map((d) => d.field)).toContain('username');
  });

  it('declares one credit record per key and caller: the same key from another person is theirs alone', async () => {
    const key = crypto.randomUUID();
    const head = await system.store.headPosition();
    const first = await declare(person, key);
    const again = await declare(person, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.result!.recordId).toBe(first.result!.recordId);
    const other = await boundPerson(system.server, unit, '另一位');
    const theirs = await declare(other, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.result!.recordId).not.toBe(first.result!.recordId);
    const withoutKey = [await declare(person), await declare(person)];
    expect(new Set(withoutKey.map((r) => r.result!.recordId)).size).toBe(2);
    const created = (await eventsSince(head, ['credit-'])).filter((e) => e.type === 'CreditRecordDrafted');
    expect(created).toHaveLength(4);
  });

  it('refuses the same key on another request with a 422 naming the header, and writes nothing', async () => {
    const key = crypto.randomUUID();
    expect((await declare(person, key)).statusCode).toBe(201);
    const head = await system.store.headPosition();
    const other = await declare(person, key, { ...declaration, hours: 4 });
    expect(other.statusCode).toBe(422);
    expect(other.result).toMatchObject({ details: [{ field: 'Idempotency-Key' }] });
    expect(await eventsSince(head, ['credit-'])).toEqual([]);
  });

  it('creates once for two tries in parallel under one key, and refuses the one of two different requests that came second', async () => {
    const head = await system.store.headPosition();
    const key = crypto.randomUUID();
    const same = await Promise.all([declare(person, key), declare(person, key)]);
    expect(same.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(same[1]!.result!.recordId).toBe(same[0]!.result!.recordId);
    const drafted = (await eventsSince(head, ['credit-'])).filter((e) => e.type === 'CreditRecordDrafted');
    expect(drafted).toHaveLength(1);

    const other = crypto.randomUUID();
    const different = await Promise.all([declare(person, other), declare(person, other, { ...declaration, hours: 4 })]);
    expect(different.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect((await eventsSince(head, ['credit-'])).filter((e) => e.type === 'CreditRecordDrafted')).toHaveLength(2);
  });

  it('frees the key when its first try was refused, for the corrected request', async () => {
    const key = crypto.randomUUID();
    const tooMany = await declare(person, key, { ...declaration, hours: 16.5 });
    expect(tooMany.statusCode).toBe(422);
    const corrected = await declare(person, key);
    expect(corrected.statusCode).toBe(201);
  });

  it('gives the kept answer back with the replay header, its own request id, and the security headers', async () => {
    const key = crypto.randomUUID();
    const first = await declare(person, key);
    const again = await post('/api/v1/credit-records', declaration, { 'idempotency-key': key, 'x-request-id': 'replay-check-1' }, person.token);
    expect(again.statusCode).toBe(201);
    expect(again.result).toEqual(first.result);
    expect(again.headers).toMatchObject({ 'idempotent-replayed': 'true', 'x-request-id': 'replay-check-1', 'x-content-type-options': 'nosniff' });
  });

  it.each([
    ['a space', 'two words'],
    ['a control character', 'key\u0001'],
    ['a bidi override', 'key\u202eyek'],
    ['Chinese', '幂等键'],
    ['256 characters', 'k'.repeat(256)],
    ['nothing', ''],
  ])('refuses a key with %s (400 naming the header) and writes nothing', async (_what, key) => {
    const head = await system.store.headPosition();
    const response = await post('/api/v1/credit-records', declaration, { 'idempotency-key': key }, person.token);
    expect(response.statusCode).toBe(400);
    expect(response.result).toMatchObject({ details: [{ field: 'Idempotency-Key' }] });
    expect(String(response.result!.message)).toMatch(/Idempotency key/);
    expect(await eventsSince(head, ['credit-'])).toEqual([]);
  });

  it('applies an organisation once per key', async () => {
    const key = crypto.randomUUID();
    const payload = await orgPayload(system.server);
    const { captchaId: _id, captchaAnswer: _answer, ...application } = payload;
    const head = await system.store.headPosition();
    const first = await post('/api/v1/orgs', payload, { 'idempotency-key': key });
    const again = await post('/api/v1/orgs', { ...application, ...(await captcha(system.server)) }, { 'idempotency-key': key });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.result!.orgId).toBe(first.result!.orgId);
    expect((await eventsSince(head, ['org-'])).filter((e) => e.type === 'OrgRegistered')).toHaveLength(1);
  });

  it('enrols once per key', async () => {
    const institution = await approvedOrg(system.server, { kind: 'institution', regionCode: '440100' });
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const created = await post('/api/v1/classes', { title: '幂等报名测试班', category: 'professional', hours: 12, capacity: 30, startDate: day(7), endDate: day(8) }, {}, institution.token);
    expect(created.statusCode, created.payload).toBe(201);
    const classId = created.result!.classId as string;
    expect((await post(`/api/v1/classes/${classId}/open`, undefined, {}, institution.token)).statusCode).toBe(200);
    const key = crypto.randomUUID();
    const head = await system.store.headPosition();
    const first = await post(`/api/v1/classes/${classId}/enrolments`, undefined, { 'idempotency-key': key }, person.token);
    const again = await post(`/api/v1/classes/${classId}/enrolments`, undefined, { 'idempotency-key': key }, person.token);
    expect([first.statusCode, again.statusCode], first.payload).toEqual([201, 201]);
    expect(again.result!.enrolmentId).toBe(first.result!.enrolmentId);
    expect((await eventsSince(head, ['class-'])).filter((e) => e.type === 'SeatRequested')).toHaveLength(1);
    // Without a key, enrolling again is refused as what it is: already enrolled.
    expect((await post(`/api/v1/classes/${classId}/enrolments`, undefined, {}, person.token)).statusCode).toBe(409);

    // As if the first answer had been a 503 (nothing kept), and the person then cancelled: the old key never makes a
    // second seat. While the class's run lasts, Temporal gives the first outcome again; after it, the class refuses an
    // enrolment id it has seen (tests/workflows/classes/decider.unit.test.ts).
    const forgotten = await system.db.query(`UPDATE idempotency_keys SET status_code = NULL, body = NULL WHERE body->>'enrolmentId' = $1 RETURNING key_hash`, [first.result!.enrolmentId]);
    expect(forgotten.rows).toHaveLength(1);
    const cancelled = await post(`/api/v1/enrolments/${first.result!.enrolmentId as string}/cancel`, undefined, {}, person.token);
    expect(cancelled.statusCode).toBe(200);
    await expect.poll(async () => (await getEnrolment(system.db, first.result!.enrolmentId as string))?.status, { timeout: 10_000, interval: 100 }).toBe('cancelled');
    const requestedBefore = (await eventsSince(head, ['class-'])).filter((e) => e.type === 'SeatRequested').length;
    const late = await post(`/api/v1/classes/${classId}/enrolments`, undefined, { 'idempotency-key': key }, person.token);
    expect(late.statusCode).toBe(201);
    expect(late.headers['idempotent-replayed']).toBeUndefined(); // answered by the class lifecycle, not from what was kept
    expect(late.result!.enrolmentId).toBe(first.result!.enrolmentId);
    expect((await eventsSince(head, ['class-'])).filter((e) => e.type === 'SeatRequested')).toHaveLength(requestedBefore);
    // A new key enrols again.
    expect((await post(`/api/v1/classes/${classId}/enrolments`, undefined, { 'idempotency-key': crypto.randomUUID() }, person.token)).statusCode).toBe(201);
  });

  it('documents the header on exactly the routes that take it', async () => {
    const document = (await system.server.inject('/openapi.json')).result as Json;
    const paths = document.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    const taking = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).filter(([, op]) => op.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header')).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(taking.sort()).toEqual(['POST /api/v1/accounts', 'POST /api/v1/classes/{classId}/enrolments', 'POST /api/v1/credit-records', 'POST /api/v1/orgs']);
  });

  // Last: it moves the API's clock a day on.
  it('forgets a key after 24 hours: the same key then declares anew', async () => {
    const key = crypto.randomUUID();
    const first = await declare(person, key);
    system.advanceClock(IDEMPOTENCY_TTL_MS + 60_000);
    const later = await declare(person, key);
    expect([first.statusCode, later.statusCode]).toEqual([201, 201]);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.result!.recordId).not.toBe(first.result!.recordId);
  });
});
