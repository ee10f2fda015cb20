/**
 * Credit records refuse what the rules refuse — each with the right status, naming the field, writing nothing — and
 * show nobody a record that is not theirs to see.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, SAMPLE_PDF, approvedOrg, boundPerson, multipart, registeredPerson } from '../actors.js';
import { chinaDate, chinaYear } from '../../../events/vocabulary/index.js';
import { type TestSystem, call, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;
// A year whose first five months are behind us (dates below use them), whatever day the suite runs.
const YEAR = chinaYear(new Date(Date.now() - 200 * DAY));
const THIS_YEAR = chinaYear(new Date());
const TODAY = chinaDate(new Date());
const TOMORROW = chinaDate(new Date(Date.now() + DAY));
const valid = { year: YEAR, category: 'professional', title: '结构抗震设计培训', mode: 'training', startDate: `${YEAR}-04-01`, endDate: `${YEAR}-04-02`, hours: 16 };

describe('credit records: bad input and visibility', () => {
  let system: TestSystem;
  let unit: Reviewer;
  let other: Reviewer;
  let person: Person;
  beforeAll(async () => {
    system = await startTestSystem();
    [unit, other] = [await approvedOrg(system.server), await approvedOrg(system.server)];
    person = await boundPerson(system.server, unit, '吴一');
  });
  afterAll(async () => {
    await system?.close();
  });

  const declare = (who: Person, payload: Json) => call(system.server, { method: 'POST', url: '/api/v1/credit-records', token: who.token, payload });
  const upload = (who: Person, recordId: string, filename: string, content: Buffer) => {
    const body = multipart('file', filename, content);
    return system.server.inject({ method: 'POST', url: `/api/v1/credit-records/${recordId}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${who.token}` } }) as Promise<ServerInjectResponse<Json>>;
  };
  const fieldsOf = (response: ServerInjectResponse<Json>) => ((response.result!.details as Array<{ field: string }> | undefined) ?? []).map((d) => d.field);

  it.each([
    ['a future year', { year: THIS_YEAR + 1, startDate: `${THIS_YEAR + 1}-01-02`, endDate: `${THIS_YEAR + 1}-01-02` }, 422, 'year'],
    ['a year before the first declarable one', { year: 2018, startDate: '2018-04-01', endDate: '2018-04-02' }, 422, 'year'],
    ['a start date outside the year', { startDate: `${YEAR - 1}-12-31` }, 422, 'startDate'],
    ['an end date before the start', { startDate: `${YEAR}-04-03`, endDate: `${YEAR}-04-02` }, 422, 'endDate'],
    ['an end date in the future', { year: THIS_YEAR, startDate: TODAY, endDate: TOMORROW, hours: 8 }, 422, 'endDate'],
    ['zero hours', { hours: 0 }, 400, 'hours'],
    ['hours not in steps of 0.5', { hours: 7.3 }, 400, 'hours'],
    ['more than 8 hours a day', { hours: 16.5 }, 422, 'hours'],
    ['a one-character title', { title: '课' }, 400, 'title'],
    ['an unknown category', { category: 'sports' }, 400, 'category'],
    ['an unknown mode', { mode: 'telepathy' }, 400, 'mode'],
    ['an impossible date', { startDate: `${YEAR}-02-30` }, 400, 'startDate'],
  ])('refuses %s (%i naming %s) and writes nothing', async (_what, change, status, field) => {
    const head = await system.store.headPosition();
    const response = await declare(person, { ...valid, ...change });
    expect(response.statusCode).toBe(status);
    expect(fieldsOf(response)).toContain(field);
    const written = await system.store.readAll({ after: head, filter: { streamPrefixes: ['credit-'] } });
    expect(written).toEqual([]);
  });

  it('refuses an oversized or disguised file, and a submission without evidence or without a unit', async () => {
    const record = await declare(person, valid);
    const recordId = record.result!.recordId as string;
    const tooLarge = await upload(person, recordId, 'big.pdf', Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(fieldsOf(tooLarge)).toContain('file');
    const disguised = await upload(person, recordId, '证明.pdf', Buffer.from('MZ\x90\x00 this is an executable, not a PDF', 'latin1'));
    expect(disguised.statusCode).toBe(415);
    expect(fieldsOf(disguised)).toContain('file');
    const notMultipart = await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/attachments`, token: person.token, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);

    const noEvidence = await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/submit`, token: person.token });
    expect(noEvidence.statusCode).toBe(409);
    expect(String(noEvidence.result!.message)).toContain('附件');
    const detail = await call(system.server, { method: 'GET', url: `/api/v1/credit-records/${recordId}`, token: person.token });
    expect(detail.result).toMatchObject({ status: 'draft', attachments: [] });

    const unbound = await registeredPerson(system.server, '吴二');
    const draft = await declare(unbound, valid);
    expect((await upload(unbound, draft.result!.recordId as string, 'a.pdf', SAMPLE_PDF)).statusCode).toBe(201);
    const noUnit = await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${draft.result!.recordId as string}/submit`, token: unbound.token, payload: {} });
    expect(noUnit.statusCode).toBe(409);
    expect(String(noUnit.result!.message)).toContain('绑定');
  });

  it('shows a record and its evidence to its owner, its unit, admin and auditors only — 404 for anyone else', async () => {
    const record = await declare(person, { ...valid, startDate: `${YEAR}-05-04`, endDate: `${YEAR}-05-04`, hours: 8 });
    const recordId = record.result!.recordId as string;
    const attachmentId = (await upload(person, recordId, 'a.pdf', SAMPLE_PDF)).result!.attachmentId as string;
    await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/submit`, token: person.token });
    const stranger = await registeredPerson(system.server, '吴三');
    const get = (token: string, url = `/api/v1/credit-records/${recordId}`) => call(system.server, { method: 'GET', url, token });
    for (const url of [`/api/v1/credit-records/${recordId}`, `/api/v1/credit-records/${recordId}/attachments/${attachmentId}`]) {
      expect((await get(stranger.token, url)).statusCode, url).toBe(404);
      expect((await get(other.token, url)).statusCode, url).toBe(404);
      expect((await get(unit.token, url)).statusCode, url).toBe(200);
      expect((await get(person.token, url)).statusCode, url).toBe(200);
    }
    const hijack = await call(system.server, { method: 'PATCH', url: `/api/v1/credit-records/${recordId}`, token: stranger.token, payload: { hours: 1 } });
    expect(hijack.statusCode).toBe(404);
    const hijackUpload = await upload(stranger, recordId, 'x.pdf', SAMPLE_PDF);
    expect(hijackUpload.statusCode).toBe(404);
  });
});
