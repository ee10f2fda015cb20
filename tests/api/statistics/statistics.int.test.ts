/**
 * The daily statistics run on the real system: after a mixed history — records approved, one revoked by admin, a
 * class completed — a run triggered by admin recomputes every total from the events and finds the live view in
 * agreement; a total changed behind the projection's back is then named as a discrepancy. The daily schedule's own
 * action runs the same way when triggered, a run started while no worker polls completes once one is back, and the
 * summary shows when the run last looked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemSchedules } from '../../../runtime/temporal/system-schedules.js';
import { ensureSchedules } from '../../../runtime/temporal/schedules.js';
import { STATISTICS_SCHEDULE_ID } from '../../../workflows/statistics/messages.js';
import { type Person, type Reviewer, SAMPLE_PDF, admin, approvedOrg, boundPerson, multipart } from '../actors.js';
import { type TestSystem, call, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;
const YEAR = 2026;

describe('the daily statistics run', () => {
  let system: TestSystem;
  let unit: Reviewer;
  let adminToken: string;
  beforeAll(async () => {
    system = await startTestSystem();
    unit = await approvedOrg(system.server);
    adminToken = await admin(system.server);
  });
  afterAll(async () => {
    await system?.close();
  });

  const post = (url: string, token: string, payload?: object) => call(system.server, { method: 'POST', url: `/api/v1${url}`, token, ...(payload ? { payload } : {}) });
  const get = (url: string, token: string) => call(system.server, { method: 'GET', url: `/api/v1${url}`, token });

  async function approvedRecord(person: Person, category: string, hours: number, day: string) {
    const record = await post('/credit-records', person.token, { year: YEAR, category, title: '继续教育培训', mode: 'training', startDate: day, endDate: day, hours });
    const recordId = record.result!.recordId as string;
    const body = multipart('file', '证明.pdf', SAMPLE_PDF, 'application/pdf');
    await system.server.inject({ method: 'POST', url: `/api/v1/credit-records/${recordId}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${person.token}` } });
    const sent = await post(`/credit-records/${recordId}/submit`, person.token);
    const inbox = await get(`/tasks?status=open&limit=200&after=${encodeURIComponent(sent.result!.position as string)}`, unit.token);
    const task = (inbox.result!.items as Json[]).find((t) => (t.subject as Json).id === recordId)!;
    const decided = await post(`/tasks/${task.taskId as string}/decision`, unit.token, { decision: 'approve' });
    expect(decided.statusCode).toBe(200);
    return { recordId, position: decided.result!.position as string };
  }

  async function completedClass(person: Person) {
    const institution = await approvedOrg(system.server, { kind: 'institution', regionCode: unit.regionCode });
    const created = await post('/classes', institution.token, { title: '公需科目专题班', category: 'public', hours: 6, capacity: 5, startDate: `${YEAR}-02-01`, endDate: `${YEAR}-02-01` });
    const classId = created.result!.classId as string;
    await post(`/classes/${classId}/open`, institution.token);
    const enrolled = await post(`/classes/${classId}/enrolments`, person.token);
    const inbox = await get(`/tasks?status=open&limit=200&after=${encodeURIComponent(enrolled.result!.position as string)}`, institution.token);
    const task = (inbox.result!.items as Json[]).find((t) => (t.subject as Json).id === enrolled.result!.enrolmentId)!;
    await post(`/tasks/${task.taskId as string}/decision`, institution.token, { decision: 'approve' });
    await post(`/classes/${classId}/close`, institution.token);
    return (await post(`/classes/${classId}/complete`, institution.token, { attendeePersonIds: [person.personId] })).result!.position as string;
  }

  /** Starts a run as admin and waits for its record. */
  async function run(): Promise<Json> {
    const started = await post('/statistics/runs', adminToken);
    expect(started.statusCode).toBe(202);
    const runId = started.result!.runId as string;
    await expect.poll(async () => (await get(`/statistics/runs/${runId}`, adminToken)).result!.status, { timeout: 30_000 }).toBe('completed');
    return (await get(`/statistics/runs/${runId}`, adminToken)).result!;
  }

  it('agrees with the live totals after a mixed history, and names a total changed behind the projection’s back', async () => {
    const [a, b] = [await boundPerson(system.server, unit, '统计甲'), await boundPerson(system.server, unit, '统计乙')];
    await approvedRecord(a, 'professional', 8, `${YEAR}-03-02`);
    await approvedRecord(a, 'elective', 4, `${YEAR}-03-03`);
    const revoked = await approvedRecord(b, 'professional', 6, `${YEAR}-03-04`);
    await approvedRecord(b, 'public', 3, `${YEAR}-03-05`);
    const revocation = await post(`/credit-records/${revoked.recordId}/revoke`, adminToken, { reason: '证明材料不实' });
    expect(revocation.statusCode).toBe(200);
    const last = await completedClass(a);
    await system.runner.waitFor(last, 15_000);

    const clean = await run();
    expect(clean).toMatchObject({ status: 'completed', trigger: 'admin', discrepancies: 0, samples: [] });
    expect(clean.persons).toBeGreaterThanOrEqual(2);
    expect(clean.events).toBeGreaterThanOrEqual(6);
    const summary = await get(`/me/credit-summary?year=${YEAR}`, a.token);
    expect(summary.result).toMatchObject({ completed: { public: 6, professional: 8, elective: 4 }, statistics: { lastRunAt: clean.finishedAt, discrepancies: 0 } });

    // Someone edits the live table directly: the next run names exactly that total.
    await system.db.query(`UPDATE credit_totals SET half_hours = half_hours + 3 WHERE person_id = $1 AND year = $2 AND category = 'elective'`, [a.personId, YEAR]);
    const dirty = await run();
    expect(dirty).toMatchObject({ discrepancies: 1, samples: [{ personId: a.personId, year: YEAR, category: 'elective', fromEvents: 4, inProjection: 5.5 }] });
    expect((await get('/statistics/runs?limit=2', adminToken)).result).toMatchObject({ items: [{ runId: dirty.runId }, { runId: clean.runId }] });
    await system.db.query(`UPDATE credit_totals SET half_hours = half_hours - 3 WHERE person_id = $1 AND year = $2 AND category = 'elective'`, [a.personId, YEAR]);
  });

  it('runs from the daily schedule’s own action, ensured twice at boot', async () => {
    await ensureSchedules(system.temporal.client, systemSchedules(system.config));
    await ensureSchedules(system.temporal.client, systemSchedules(system.config));
    const handle = system.temporal.client.schedule.getHandle(STATISTICS_SCHEDULE_ID);
    try {
      const described = await handle.describe();
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.action).toMatchObject({ workflowType: 'statisticsRun', taskQueue: system.config.temporalTaskQueue });
      const before = ((await get('/statistics/runs?limit=100', adminToken)).result!.items as Json[]).length;
      await handle.trigger();
      await expect
        .poll(async () => ((await get('/statistics/runs?limit=100', adminToken)).result!.items as Json[]).filter((r) => r.trigger === 'schedule').length, { timeout: 30_000 })
        .toBe(1);
      const runs = (await get('/statistics/runs?limit=100', adminToken)).result!.items as Json[];
      expect(runs.length).toBe(before + 1);
      expect(runs.find((r) => r.trigger === 'schedule')!.runId).toMatch(/^statistics-daily-/);
    } finally {
      await handle.delete();
      // systemSchedules() ensures the hourly seal too: leave nothing scheduled behind on the shared dev server.
      await system.temporal.client.schedule.getHandle('audit-seal').delete().catch(() => {});
    }
  });

  it('completes a run started while no worker polls, once a worker is back', async () => {
    await system.stopWorker();
    let runId: string;
    try {
      const started = await post('/statistics/runs', adminToken);
      expect(started.statusCode).toBe(202);
      runId = started.result!.runId as string;
      expect((await get(`/statistics/runs/${runId}`, adminToken)).result).toEqual({ runId, status: 'running' });
    } finally {
      await system.startWorker();
    }
    await expect.poll(async () => (await get(`/statistics/runs/${runId}`, adminToken)).result!.status, { timeout: 30_000 }).toBe('completed');
    expect((await get('/statistics/runs/statistics-admin-unknown', adminToken)).statusCode).toBe(404);
  });
});
