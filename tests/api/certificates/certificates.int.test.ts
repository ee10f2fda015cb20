/**
 * Certificates end to end through the API on the real system: a person made eligible by credit records and a class is
 * issued a certificate whose PDF is a real one-page PDF with their name, the categories and the hours; it verifies as
 * valid (JSON and the page for people), then as revoked once admin revokes it; a tampered code is simply not found.
 * The refusals: not eligible (409 with the missing hours per category), and an active blocking dishonesty record (409),
 * which stops blocking once revoked.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../events/vocabulary/index.js';
import { pdfText } from '../../support/pdf-text.js';
import { type Person, type Reviewer, SAMPLE_PDF, admin, approvedOrg, boundPerson, multipart } from '../actors.js';
import { type TestSystem, call, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;
// A year whose early weeks are behind us: records and the class can be dated in it without reaching the future.
const today = new Date();
const YEAR = today.getTime() - Date.UTC(today.getUTCFullYear(), 0, 1) < 40 * 86_400_000 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();

describe('certificates', () => {
  let system: TestSystem;
  let unit: Reviewer;
  let institution: Reviewer;
  let adminToken: string;
  beforeAll(async () => {
    system = await startTestSystem();
    [unit, institution] = [await approvedOrg(system.server, { regionCode: '440106' }), await approvedOrg(system.server, { kind: 'institution', regionCode: '440100' })];
    adminToken = await admin(system.server);
  });
  afterAll(async () => {
    await system?.close();
  });

  const post = (url: string, token: string, payload?: object) => call(system.server, { method: 'POST', url: `/api/v1${url}`, token, ...(payload ? { payload } : {}) });
  const get = (url: string, token?: string) => call(system.server, { method: 'GET', url: `/api/v1${url}`, ...(token ? { token } : {}) });
  const openTask = async (token: string, subjectId: string, after: string) => {
    const inbox = await get(`/tasks?status=open&limit=200&after=${encodeURIComponent(after)}`, token);
    return (inbox.result!.items as Json[]).find((t) => (t.subject as Json).id === subjectId)!;
  };

  /** A credit record declared, evidenced, submitted and approved by the unit. */
  async function approvedRecord(person: Person, category: string, hours: number, startDate: string, endDate: string) {
    const record = await post('/credit-records', person.token, { year: YEAR, category, title: `${category}继续教育`, mode: 'training', startDate, endDate, hours });
    expect(record.statusCode, record.payload).toBe(201);
    const recordId = record.result!.recordId as string;
    const body = multipart('file', '结业证书.pdf', SAMPLE_PDF, 'application/pdf');
    await system.server.inject({ method: 'POST', url: `/api/v1/credit-records/${recordId}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${person.token}` } });
    const sent = await post(`/credit-records/${recordId}/submit`, person.token);
    const task = await openTask(unit.token, recordId, sent.result!.position as string);
    expect((await post(`/tasks/${task.taskId as string}/decision`, unit.token, { decision: 'approve' })).statusCode).toBe(200);
    return recordId;
  }

  /** A public-hours class the person attends to its completion. */
  async function attendedClass(person: Person, hours: number) {
    const created = await post('/classes', institution.token, { title: '公需科目专题班', category: 'public', hours, capacity: 10, startDate: `${YEAR}-01-20`, endDate: `${YEAR}-01-23` });
    const classId = created.result!.classId as string;
    await post(`/classes/${classId}/open`, institution.token);
    const enrolled = await post(`/classes/${classId}/enrolments`, person.token);
    const task = await openTask(institution.token, enrolled.result!.enrolmentId as string, enrolled.result!.position as string);
    await post(`/tasks/${task.taskId as string}/decision`, institution.token, { decision: 'approve' });
    await post(`/classes/${classId}/close`, institution.token);
    const completed = await post(`/classes/${classId}/complete`, institution.token, { attendeePersonIds: [person.personId] });
    expect(completed.result).toMatchObject({ status: 'completed' });
  }

  /** 42 professional and 18 elective hours from records, 30 public from a class: exactly the year's requirement. */
  async function eligiblePerson(name: string) {
    const person = await boundPerson(system.server, unit, name);
    await approvedRecord(person, 'professional', 42, `${YEAR}-01-05`, `${YEAR}-01-10`);
    await approvedRecord(person, 'elective', 18, `${YEAR}-01-12`, `${YEAR}-01-14`);
    await attendedClass(person, 30);
    await expect
      .poll(async () => (await get(`/me/credit-summary?year=${YEAR}`, person.token)).result!.eligible, { timeout: 20_000 })
      .toBe(true);
    return person;
  }

  it('issues a certificate once eligible, prints it, verifies it, and verifies it as revoked after admin revokes it', async () => {
    const person = await eligiblePerson('欧阳明');
    const years = await get('/me/certificates', person.token);
    expect(years.statusCode).toBe(200);
    const year = (years.result!.items as Json[]).find((y) => y.year === YEAR);
    expect(year).toMatchObject({ eligible: true, blocked: false, certificate: null, completed: { public: 30, professional: 42, elective: 18, total: 90 } });

    const issued = await post(`/me/certificates/${YEAR}`, person.token);
    expect(issued.statusCode, issued.payload).toBe(201);
    const certificate = issued.result!;
    expect(certificate).toMatchObject({
      year: YEAR, status: 'valid', holderName: '欧阳明', idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`, unitName: unit.name,
      hours: { public: 30, professional: 42, elective: 18, total: 90 },
    });
    const code = certificate.verificationCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(certificate.verifyUrl).toBe(`${system.config.publicUrl}/verify/${code}`);
    // Asking again returns the same certificate, unchanged.
    const again = await post(`/me/certificates/${YEAR}`, person.token);
    expect(again.statusCode).toBe(200);
    expect(again.result).toMatchObject({ certificateId: certificate.certificateId, verificationCode: code });

    const pdf = await system.server.inject({ method: 'GET', url: `/api/v1/certificates/${certificate.certificateId as string}/pdf`, headers: { authorization: `Bearer ${person.token}` } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = await pdfText(pdf.rawPayload);
    expect(printed.pages).toBe(1);
    for (const text of ['欧阳明', '公需科目', '专业科目', '选修科目', '公需科目 30 30', '专业科目 42 42', '选修科目 18 18', '合计 90 90', certificate.certificateNo as string, unit.name]) {
      expect(printed.text).toContain(text);
    }
    expect(printed.text).not.toContain(person.idNumber);
    // The same certificate renders to the same bytes: its SHA-256 identifies it.
    const second = await system.server.inject({ method: 'GET', url: `/api/v1/certificates/${certificate.certificateId as string}/pdf`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(second.rawPayload.equals(pdf.rawPayload)).toBe(true);
    const sha256 = crypto.createHash('sha256').update(pdf.rawPayload).digest('hex');

    const verified = await get(`/verify/${code}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.result).toEqual({
      valid: true, status: 'valid', year: YEAR, title: '广东省专业技术人员继续教育证书', certificateNo: certificate.certificateNo, holderName: '欧*明',
      idNumber: certificate.idNumber, unitName: unit.name, hours: { public: 30, professional: 42, elective: 18, total: 90 }, issuer: '广东省人力资源和社会保障厅',
      issuedAt: certificate.issuedAt, revokedAt: null, pdfSha256: sha256, legacy: false,
    });
    const page = await system.server.inject({ method: 'GET', url: `/verify/${code.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.payload).toContain('证书有效');
    expect(page.payload).toContain(sha256);
    expect(page.payload).not.toContain('欧阳明');

    // Someone else's certificate is not there for another person.
    const stranger = await boundPerson(system.server, unit, '路人甲');
    expect((await get(`/certificates/${certificate.certificateId as string}/pdf`, stranger.token)).statusCode).toBe(404);

    const revoked = await post(`/certificates/${certificate.certificateId as string}/revoke`, adminToken, { reason: '学时材料经核查不实' });
    expect(revoked.result).toMatchObject({ status: 'revoked', revokeReason: '学时材料经核查不实' });
    expect((await post(`/certificates/${certificate.certificateId as string}/revoke`, adminToken, { reason: '重复撤销' })).statusCode).toBe(409);
    await expect.poll(async () => (await get(`/verify/${code}`)).result, { timeout: 15_000 }).toMatchObject({ valid: false, status: 'revoked', revokedAt: revoked.result!.revokedAt });
    const revokedPage = await system.server.inject({ method: 'GET', url: `/verify/${code}`, headers: { 'accept-language': 'en' } });
    expect(revokedPage.payload).toContain('This certificate has been revoked');
    expect(revokedPage.payload).toContain(chinaDate(revoked.result!.revokedAt as string));

    // A revoked year may be issued anew: a new certificate with a new code.
    const reissued = await post(`/me/certificates/${YEAR}`, person.token);
    expect(reissued.statusCode).toBe(201);
    expect(reissued.result!.certificateId).not.toBe(certificate.certificateId);
    expect(reissued.result!.verificationCode).not.toBe(code);

    // A tampered code names nothing, and says no more than that.
    const tampered = `${code.slice(0, 15)}${code.endsWith('0') ? '1' : '0'}`;
    const unknown = await get(`/verify/${tampered}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.result).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), code: 'unknown_code', valid: false });
    expect((await get('/verify/not-a-code-at-all')).result).toEqual(unknown.result);
    const unknownPage = await system.server.inject({ method: 'GET', url: `/verify/${tampered}` });
    expect(unknownPage.statusCode).toBe(404);
    expect(unknownPage.payload).toContain('未找到');
  });

  it('refuses a person who is not eligible, naming the hours missing in each category', async () => {
    const person = await boundPerson(system.server, unit, '司马光');
    await approvedRecord(person, 'professional', 40, `${YEAR}-01-05`, `${YEAR}-01-09`);
    await expect.poll(async () => (await get(`/me/credit-summary?year=${YEAR}`, person.token)).result!.completed, { timeout: 15_000 }).toMatchObject({ professional: 40 });
    const refused = await post(`/me/certificates/${YEAR}`, person.token);
    expect(refused.statusCode).toBe(409);
    expect(refused.result).toMatchObject({
      code: 'not_eligible',
      missing: { public: 30, professional: 2, elective: 18, total: 50 },
      details: [{ field: 'public' }, { field: 'professional' }, { field: 'elective' }],
    });
    expect(refused.result!.message).toContain('专业科目还差 2 学时');
    const english = await call(system.server, { method: 'POST', url: `/api/v1/me/certificates/${YEAR}`, token: person.token, lang: 'en' });
    expect(english.result!.message).toContain('Professional 2 h');
    expect((await get('/me/certificates', person.token)).result!.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ year: YEAR, eligible: false, certificate: null, missing: { public: 30, professional: 2, elective: 18, total: 50 } })]),
    );
    // Years outside what jxjy issues: the old system's, and the future.
    expect((await post('/me/certificates/2018', person.token)).result).toMatchObject({ statusCode: 422, details: [{ field: 'year' }] });
    expect((await post(`/me/certificates/${today.getUTCFullYear() + 1}`, person.token)).statusCode).toBe(422);
  });

  it('blocks the certificate while an active blocking dishonesty record stands, and issues it once that is revoked', async () => {
    const person = await eligiblePerson('诸葛亮');
    const recorded = await post('/dishonesty-records', adminToken, {
      idNumber: person.idNumber, reason: '提供虚假学时证明材料', basis: '《专业技术人员继续教育规定》第二十八条', startDate: `${YEAR}-01-01`, blocksCertificate: true,
    });
    expect(recorded.statusCode, recorded.payload).toBe(201);
    expect(recorded.result).toMatchObject({ personId: person.personId, personName: '诸葛亮', status: 'active', endDate: null, blocksCertificate: true });
    const recordId = recorded.result!.recordId as string;

    const blocked = await post(`/me/certificates/${YEAR}`, person.token);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.result).toMatchObject({ code: 'dishonesty_blocks', blockedBy: [{ recordId }] });
    expect((await get('/me/certificates', person.token)).result).toMatchObject({ blockedBy: [{ recordId }] });

    // The person sees it; their unit sees it; another unit does not; admin and auditors do.
    const mine = await get('/me/dishonesty-records', person.token);
    expect(mine.result).toMatchObject({ items: [{ recordId, status: 'active', reason: '提供虚假学时证明材料', basis: '《专业技术人员继续教育规定》第二十八条' }] });
    expect((await get(`/dishonesty-records?personId=${person.personId}`, unit.token)).result).toMatchObject({ items: [{ recordId }] });
    expect(((await get('/dishonesty-records', unit.token)).result!.items as Json[]).map((r) => r.recordId)).toContain(recordId);
    const otherUnit = await approvedOrg(system.server);
    expect((await get(`/dishonesty-records?personId=${person.personId}`, otherUnit.token)).statusCode).toBe(404);
    expect(((await get('/dishonesty-records', otherUnit.token)).result!.items as Json[]).map((r) => r.recordId)).not.toContain(recordId);
    expect((await get(`/dishonesty-records?personId=${person.personId}`, adminToken)).result).toMatchObject({ items: [{ recordId }] });

    const revoked = await post(`/dishonesty-records/${recordId}/revoke`, adminToken, { reason: '经复核撤销' });
    expect(revoked.result).toMatchObject({ status: 'revoked', revokeReason: '经复核撤销' });
    expect((await post(`/dishonesty-records/${recordId}/revoke`, adminToken, { reason: '经复核撤销' })).statusCode).toBe(409);
    const issued = await post(`/me/certificates/${YEAR}`, person.token);
    expect(issued.statusCode, issued.payload).toBe(201);
    expect((await get('/me/dishonesty-records', person.token)).result).toMatchObject({ items: [{ recordId, status: 'revoked' }] });
  });

  it('lets records that do not block, or have ended, stand without blocking; refuses bad records naming the field', async () => {
    const person = await eligiblePerson('孙权');
    const record = (overrides: Json) =>
      post('/dishonesty-records', adminToken, { personId: person.personId, reason: '未按规定参加继续教育', basis: '广东省专业技术人员继续教育条例', startDate: `${YEAR}-01-01`, blocksCertificate: true, ...overrides });
    expect((await record({ blocksCertificate: false })).result).toMatchObject({ status: 'active', blocksCertificate: false });
    const ended = await record({ startDate: '2020-01-01', endDate: '2020-12-31' });
    expect(ended.result).toMatchObject({ status: 'expired' });
    // Two requests at once (a double click): one certificate, the same one for both.
    const [a, b] = await Promise.all([post(`/me/certificates/${YEAR}`, person.token), post(`/me/certificates/${YEAR}`, person.token)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.result!.certificateId).toBe(b.result!.certificateId);
    const statuses = ((await get('/me/dishonesty-records', person.token)).result!.items as Json[]).map((r) => r.status).sort();
    expect(statuses).toEqual(['active', 'expired']);

    const backwards = await call(system.server, { method: 'POST', url: '/api/v1/dishonesty-records', token: adminToken, payload: { personId: person.personId, reason: '某事由', basis: '某依据', startDate: '2026-05-01', endDate: '2026-04-01', blocksCertificate: true } });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.result).toMatchObject({ details: [{ field: 'endDate' }] });
    const nobody = await record({ personId: crypto.randomUUID() });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.result).toMatchObject({ details: [{ field: 'personId' }] });
    const both = await record({ idNumber: person.idNumber });
    expect(both.statusCode).toBe(400);
    const hostile = await record({ reason: '事由\u202e反转' });
    expect(hostile.statusCode).toBe(400);
    expect(hostile.result!.message).toContain('失信事由');
    expect((await post(`/dishonesty-records/${crypto.randomUUID()}/revoke`, adminToken, { reason: '不存在' })).statusCode).toBe(404);
  });

  it('limits verification lookups per address', async () => {
    const limit = system.config.verifyRatePerMinute;
    system.config.verifyRatePerMinute = 3;
    try {
      const forwarded = { 'x-forwarded-for': '203.0.113.9' };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await system.server.inject({ method: 'GET', url: '/api/v1/verify/0000000000000000', headers: forwarded })).statusCode);
      // Without a trusted proxy every inject comes from one address: earlier tests' lookups count too.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
      const limited = await system.server.inject({ method: 'GET', url: '/verify/0000000000000000' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      system.config.verifyRatePerMinute = limit;
    }
  });
});
