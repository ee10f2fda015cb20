/**
 * Credit records end to end through the API on the real system: a declaration with evidence approved by the unit and
 * counted in the summary; a rejection corrected and resubmitted; a withdrawal; admin's revocation taking hours away;
 * a year whose requirements admin changed; overlap flags on the reviewer's task; and two reviewers deciding at once.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, SAMPLE_PDF, admin, approvedOrg, boundPerson, multipart } from '../actors.js';
import { type TestSystem, call, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;
const YEAR = 2026;

describe('credit records', () => {
  let system: TestSystem;
  let unit: Reviewer;
  beforeAll(async () => {
    system = await startTestSystem();
    unit = await approvedOrg(system.server);
  });
  afterAll(async () => {
    await system?.close();
  });

  const declaration = (overrides: Json = {}) => ({
    year: YEAR, category: 'professional', title: '建筑结构新规范研修班', mode: 'training', organizer: '广东省建设教育协会',
    startDate: `${YEAR}-03-02`, endDate: `${YEAR}-03-03`, hours: 16, ...overrides,
  });
  const declare = (person: Person, overrides: Json = {}) => call(system.server, { method: 'POST', url: '/api/v1/credit-records', token: person.token, payload: declaration(overrides) });
  const attach = (person: Person, recordId: string, filename = '结业证书.pdf', content = SAMPLE_PDF) => {
    const body = multipart('file', filename, content, 'application/pdf');
    return system.server.inject({ method: 'POST', url: `/api/v1/credit-records/${recordId}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${person.token}` } }) as Promise<ServerInjectResponse<Json>>;
  };
  const act = (person: Person, recordId: string, action: 'submit' | 'withdraw') => call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/${action}`, token: person.token });
  const summary = async (person: Person, after: string, year = YEAR) =>
    (await call(system.server, { method: 'GET', url: `/api/v1/me/credit-summary?year=${year}${after ? `&after=${encodeURIComponent(after)}` : ''}`, token: person.token })).result!;
  const taskOf = async (recordId: string, after: string) => {
    const inbox = await call(system.server, { method: 'GET', url: `/api/v1/tasks?status=open&kind=credit-review&after=${encodeURIComponent(after)}`, token: unit.token });
    return (inbox.result!.items as Json[]).find((t) => (t.subject as Json).id === recordId);
  };
  const decide = (taskId: string, decision: 'approve' | 'reject', reason?: string, token = unit.token) =>
    call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token, payload: { decision, ...(reason ? { reason } : {}) } });

  /** Declared, evidenced and submitted: the record and its open task. */
  async function submitted(person: Person, overrides: Json = {}) {
    const record = await declare(person, overrides);
    expect(record.statusCode).toBe(201);
    const recordId = record.result!.recordId as string;
    expect((await attach(person, recordId)).statusCode).toBe(201);
    const sent = await act(person, recordId, 'submit');
    expect(sent.statusCode).toBe(200);
    const task = await taskOf(recordId, sent.result!.position as string);
    return { recordId, taskId: task!.taskId as string, task: task!, position: sent.result!.position as string };
  }

  it('counts a declaration with evidence once the unit approves it', async () => {
    const person = await boundPerson(system.server, unit, '周一');
    const before = await summary(person, '');
    expect(before).toMatchObject({ year: YEAR, required: { public: 30, professional: 42, elective: 18, total: 90 }, completed: { total: 0 }, eligible: false });

    const record = await declare(person);
    expect(record.result).toMatchObject({ status: 'draft', hours: 16, attachments: [] });
    const recordId = record.result!.recordId as string;
    const uploaded = await attach(person, recordId);
    expect(uploaded.result).toMatchObject({ filename: '结业证书.pdf', contentType: 'application/pdf', size: SAMPLE_PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const sent = await act(person, recordId, 'submit');
    expect(sent.result).toMatchObject({ status: 'submitted', unitId: unit.orgId });

    const task = await taskOf(recordId, sent.result!.position as string);
    expect(task).toMatchObject({ kind: 'credit-review', subject: { type: 'credit', title: '建筑结构新规范研修班' }, details: { personName: '周一', hours: 16, category: 'professional', overlaps: [] } });
    // The reviewing unit may read the record and download its evidence, with its Chinese name intact.
    const download = await system.server.inject({ method: 'GET', url: `/api/v1/credit-records/${recordId}/attachments/${uploaded.result!.attachmentId as string}`, headers: { authorization: `Bearer ${unit.token}` } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('结业证书.pdf')}`);
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);

    const approved = await decide(task!.taskId as string, 'approve');
    expect(approved.statusCode).toBe(200);
    const after = await summary(person, approved.result!.position as string);
    expect(after).toMatchObject({ completed: { professional: 16, total: 16 }, missing: { public: 30, professional: 26, elective: 18, total: 74 }, eligible: false });
    const detail = await call(system.server, { method: 'GET', url: `/api/v1/credit-records/${recordId}`, token: person.token });
    expect(detail.result).toMatchObject({ status: 'approved', taskId: null });
    expect((detail.result!.history as Json[]).map((h) => h.event)).toEqual(['drafted', 'submitted', 'approved']);
    const list = await call(system.server, { method: 'GET', url: `/api/v1/credit-records?year=${YEAR}&status=approved&after=${encodeURIComponent(approved.result!.position as string)}`, token: person.token });
    expect(list.result!.items).toEqual([expect.objectContaining({ recordId, status: 'approved', hours: 16, attachmentCount: 1 })]);
  });

  it('takes a rejection’s reason back to the person, who edits and resubmits; then it counts', async () => {
    const person = await boundPerson(system.server, unit, '周二');
    const { recordId, taskId } = await submitted(person, { category: 'public', hours: 12 });
    expect((await call(system.server, { method: 'PATCH', url: `/api/v1/credit-records/${recordId}`, token: person.token, payload: { hours: 10 } })).statusCode).toBe(409); // submitted
    expect((await decide(taskId, 'reject', '证明材料不清晰')).statusCode).toBe(200);
    const rejected = await call(system.server, { method: 'GET', url: `/api/v1/credit-records/${recordId}`, token: person.token });
    expect(rejected.result).toMatchObject({ status: 'rejected', reason: '证明材料不清晰' });
    expect((await act(person, recordId, 'withdraw')).statusCode).toBe(409); // already decided
    const edited = await call(system.server, { method: 'PATCH', url: `/api/v1/credit-records/${recordId}`, token: person.token, payload: { hours: 10, title: '公需科目：数字经济与创新' } });
    expect(edited.result).toMatchObject({ status: 'draft', hours: 10, title: '公需科目：数字经济与创新' });
    const resent = await act(person, recordId, 'submit');
    const task = await taskOf(recordId, resent.result!.position as string);
    const approved = await decide(task!.taskId as string, 'approve');
    expect(await summary(person, approved.result!.position as string)).toMatchObject({ completed: { public: 10, total: 10 } });
  });

  it('lets the person withdraw before a decision; the task leaves the inbox', async () => {
    const person = await boundPerson(system.server, unit, '周三');
    const { recordId, taskId } = await submitted(person);
    const withdrawn = await act(person, recordId, 'withdraw');
    expect(withdrawn.result).toMatchObject({ status: 'draft' });
    expect(await taskOf(recordId, withdrawn.result!.position as string)).toBeUndefined();
    expect((await decide(taskId, 'approve')).statusCode).toBe(409);
  });

  it('takes hours away again when admin revokes an approved record', async () => {
    const person = await boundPerson(system.server, unit, '周四');
    const { recordId, taskId } = await submitted(person, { category: 'elective', hours: 6, startDate: `${YEAR}-05-06`, endDate: `${YEAR}-05-06` });
    const approved = await decide(taskId, 'approve');
    expect(await summary(person, approved.result!.position as string)).toMatchObject({ completed: { elective: 6 } });
    const adminToken = await admin(system.server);
    expect((await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/revoke`, token: person.token, payload: { reason: '材料造假' } })).statusCode).toBe(403);
    const revoked = await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/revoke`, token: adminToken, payload: { reason: '证明材料系伪造' } });
    expect(revoked.result).toMatchObject({ status: 'revoked', reason: '证明材料系伪造' });
    expect(await summary(person, revoked.result!.position as string)).toMatchObject({ completed: { elective: 0, total: 0 } });
    expect((await call(system.server, { method: 'POST', url: `/api/v1/credit-records/${recordId}/revoke`, token: adminToken, payload: { reason: '再次撤销' } })).statusCode).toBe(409);
  });

  it('measures a year against the requirements admin set for it, and the rules in force before 2021', async () => {
    const person = await boundPerson(system.server, unit, '周五');
    const adminToken = await admin(system.server);
    const set = await call(system.server, { method: 'PUT', url: '/api/v1/requirements/2025', token: adminToken, payload: { public: 20, professional: 40, elective: 10 } });
    expect(set.result).toMatchObject({ year: 2025, public: 20, professional: 40, elective: 10, total: 70, setAt: expect.any(String) });
    expect((await call(system.server, { method: 'GET', url: '/api/v1/requirements/2025', token: person.token })).result).toMatchObject({ total: 70 });
    const { taskId } = await submitted(person, { year: 2025, category: 'public', hours: 20, startDate: '2025-06-02', endDate: '2025-06-04' });
    const approved = await decide(taskId, 'approve');
    expect(await summary(person, approved.result!.position as string, 2025)).toMatchObject({
      required: { public: 20, professional: 40, elective: 10, total: 70 }, completed: { public: 20 }, missing: { public: 0, professional: 40, elective: 10 }, eligible: false,
    });
    expect((await call(system.server, { method: 'GET', url: '/api/v1/requirements/2020', token: person.token })).result).toMatchObject({ public: 18, professional: 42, elective: 12, total: 72, setAt: null });
  });

  it('shows the reviewer a declaration that overlaps or repeats an earlier one', async () => {
    const person = await boundPerson(system.server, unit, '周六');
    const first = await submitted(person, { title: '职业道德专题讲座', category: 'public', hours: 4, startDate: `${YEAR}-07-01`, endDate: `${YEAR}-07-01` });
    await decide(first.taskId, 'approve');
    const again = await submitted(person, { title: '职业道德 专题讲座', category: 'public', hours: 4, startDate: `${YEAR}-07-01`, endDate: `${YEAR}-07-01` });
    expect((again.task.details as Json).overlaps).toEqual([expect.objectContaining({ recordId: first.recordId, duplicate: true, status: 'approved' })]);
  });

  it('gives exactly one outcome when two reviewers decide at once', async () => {
    const person = await boundPerson(system.server, unit, '周日');
    const { recordId, taskId } = await submitted(person, { hours: 8, startDate: `${YEAR}-08-03`, endDate: `${YEAR}-08-03` });
    const [approve, reject] = await Promise.all([decide(taskId, 'approve'), decide(taskId, 'reject', '与另一记录重复')]);
    expect([approve.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
    const outcomes = (await system.store.readStream(`credit-${recordId}`)).filter((e) => e.type === 'CreditRecordApproved' || e.type === 'CreditRecordRejected');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.type).toBe(approve.statusCode === 200 ? 'CreditRecordApproved' : 'CreditRecordRejected');
  });
});
