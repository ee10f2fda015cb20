/**
 * Auditors on the real system (CONTRACT.md Audit and replay): admin creates an auditor; the auditor pages through the
 * whole log and an independent re-implementation of the published hash recomputes every event and every chain;
 * a stream shows its chain; the whole log verifies, with progress; a replay of credit_totals as of a position equals
 * the live read model as it stood at that position, and `?diff=live` names what changed since; a record's timeline
 * says who did what and why; every read is in the access log admin pages through. Then a row altered behind the
 * store's back — on PGlite and on PostgreSQL — is found by the verification, the stream, and the subject's timeline.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, SAMPLE_PDF, admin, approvedOrg, boundPerson, multipart } from '../actors.js';
import { type TestSystem, call, signIn, startTestSystem, uniqueName } from '../system.js';
import { type PublishedEvent, checkChains } from './independent-hash.js';

type Json = Record<string, unknown>;
const YEAR = 2026;

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`audit and replay (${engine})`, () => {
    let system: TestSystem;
    let adminToken: string;
    let auditor: string;
    let unit: Reviewer;
    beforeAll(async () => {
      system = await startTestSystem({ engine });
      adminToken = await admin(system.server);
      unit = await approvedOrg(system.server);
      const username = uniqueName('audit_');
      const staff = await call(system.server, { method: 'POST', url: '/api/v1/staff', token: adminToken, payload: { username, name: '审计员甲', role: 'auditor' } });
      expect(staff.statusCode, staff.payload).toBe(201);
      expect(staff.result).toMatchObject({ username, role: 'auditor', oneTimePassword: expect.stringMatching(/^[a-z]{6}[2-9]{6}$/) });
      auditor = await signIn(system.server, username, staff.result!.oneTimePassword as string);
    });
    afterAll(async () => {
      await system?.close();
    });

    const get = (url: string, token = auditor, headers: Record<string, string> = {}) =>
      system.server.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}`, ...headers } }) as Promise<ServerInjectResponse<Json>>;
    const post = (url: string, token: string, payload?: object, headers: Record<string, string> = {}) =>
      system.server.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers: { authorization: `Bearer ${token}`, ...headers } }) as Promise<ServerInjectResponse<Json>>;

    async function approvedRecord(person: Person, hours: number, day: string) {
      const record = await post('/credit-records', person.token, { year: YEAR, category: 'professional', title: '审计测试培训', mode: 'training', startDate: day, endDate: day, hours });
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

    async function wholeLog(): Promise<PublishedEvent[]> {
      const events: PublishedEvent[] = [];
      let after = '';
      for (;;) {
        const page = await get(`/audit/events?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        expect(page.statusCode, page.payload).toBe(200);
        events.push(...(page.result!.items as unknown as PublishedEvent[]));
        if (!page.result!.nextCursor) return events;
        after = page.result!.nextCursor as string;
      }
    }

    it('shows the whole log, recomputable from its own pages, and every chain holds', async () => {
      const person = await boundPerson(system.server, unit, '审计甲');
      await approvedRecord(person, 8, `${YEAR}-03-02`);
      const events = await wholeLog();
      expect(events.length).toBeGreaterThan(20);
      expect(events.map((e) => (e as unknown as Json).position)).toEqual([...events.map((e) => (e as unknown as Json).position)].sort());
      expect(checkChains(events)).toEqual([]);
      // Every change of state is an event: accounts, claims, organisations, tasks and decisions included.
      const types = new Set(events.map((e) => e.type));
      for (const type of ['AccountRegistered', 'NameClaimed', 'OrgRegistered', 'ReviewRequested', 'ReviewCompleted', 'CreditRecordApproved']) expect(types).toContain(type);
      expect(JSON.stringify(events)).not.toMatch(/passwordHash|\$argon2/);

      const byType = await get('/audit/events?type=CreditRecordApproved,BindingConfirmed&limit=100');
      expect(new Set((byType.result!.items as Json[]).map((e) => e.type))).toEqual(new Set(['CreditRecordApproved', 'BindingConfirmed']));
      const byActor = await get(`/audit/events?actorId=${encodeURIComponent(String((events.find((e) => e.type === 'CreditRecordApproved')!.metadata.actor as Json).id))}&limit=100`);
      expect((byActor.result!.items as Json[]).length).toBeGreaterThan(0);
      const stream = await get(`/audit/streams/credit-${String((events.find((e) => e.type === 'CreditRecordApproved')!.data as Json).recordId)}`);
      expect(stream.result).toMatchObject({ chain: { valid: true } });

      const verified = await post('/audit/verify', auditor);
      expect(verified.result).toMatchObject({ valid: true, problems: [], events: events.length });
      const streamed = await post('/audit/verify', auditor, undefined, { accept: 'application/x-ndjson' });
      const lines = streamed.payload.trim().split('\n').map((line) => JSON.parse(line) as Json);
      expect(lines.at(-1)).toMatchObject({ result: { valid: true } });
      const progress = lines.slice(0, -1);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((line) => 'progress' in line)).toBe(true);
      expect(progress.at(-1)).toMatchObject({ progress: { events: events.length, total: expect.any(Number) } });

      // Small pages walk the same log, none skipped or repeated at their edges; so do filtered ones.
      const paged: PublishedEvent[] = [];
      for (let after = ''; ; ) {
        const page = await get(`/audit/events?limit=7${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        paged.push(...(page.result!.items as unknown as PublishedEvent[]));
        if (!page.result!.nextCursor) break;
        after = page.result!.nextCursor as string;
      }
      expect(paged.map((e) => e.eventId)).toEqual(events.slice(0, paged.length).map((e) => e.eventId));
      expect(paged.length).toBeGreaterThanOrEqual(events.length);
      const reviews: string[] = [];
      for (let after = ''; ; ) {
        const page = await get(`/audit/events?type=ReviewRequested&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        reviews.push(...(page.result!.items as Json[]).map((e) => e.eventId as string));
        if (!page.result!.nextCursor) break;
        after = page.result!.nextCursor as string;
      }
      expect(reviews).toEqual(events.filter((e) => e.type === 'ReviewRequested').map((e) => e.eventId));
    });

    it('replays credit_totals as of a position exactly as the live table stood there, and names what changed since', async () => {
      const person = await boundPerson(system.server, unit, '审计乙');
      const first = await approvedRecord(person, 6, `${YEAR}-04-01`);
      expect(await system.runner.waitFor(first.position, 15_000)).toBe(true);
      const { rows: then } = await system.db.query<Json>(`SELECT person_id AS "personId", year, category, half_hours AS "halfHours" FROM credit_totals ORDER BY 1, 2, 3`);
      const second = await approvedRecord(person, 4, `${YEAR}-04-02`);
      expect(await system.runner.waitFor(second.position, 15_000)).toBe(true);

      const asOf = first.position;
      const started = await post('/audit/replays', auditor, { projection: 'credit_totals', asOf: { position: asOf } });
      expect(started.statusCode, started.payload).toBe(201);
      const replayId = started.result!.replayId as string;
      await expect.poll(async () => (await get(`/audit/replays/${replayId}`)).result!.status, { timeout: 30_000 }).toBe('completed');
      const replay = (await get(`/audit/replays/${replayId}?diff=live&limit=1000`)).result!;
      const expected = new Map<string, Json>();
      for (const row of then) {
        const key = `${row.personId as string}|${row.year as number}`;
        const shown = expected.get(key) ?? { personId: row.personId, year: row.year, public: 0, professional: 0, elective: 0, total: 0 };
        shown[row.category as string] = (row.halfHours as number) / 2;
        shown.total = (shown.total as number) + (row.halfHours as number) / 2;
        expected.set(key, shown);
      }
      expect(replay.rows).toEqual([...expected.values()]);
      expect(replay.differences).toEqual([
        { key: { personId: person.personId, year: YEAR, category: 'professional' }, replay: { personId: person.personId, year: YEAR, category: 'professional', halfHours: 12 }, live: { personId: person.personId, year: YEAR, category: 'professional', halfHours: 20 } },
      ]);
      // The live table was never touched.
      expect((await system.db.query<{ half_hours: number }>(`SELECT half_hours FROM credit_totals WHERE person_id = $1`, [person.personId])).rows).toEqual([{ half_hours: 20 }]);
      const byTime = await post('/audit/replays', auditor, { projection: 'dishonesty_records', asOf: { time: '2000-01-01T00:00:00Z' } });
      expect(byTime.statusCode).toBe(422);
      expect((await post('/audit/replays', auditor, { projection: 'passwords', asOf: { position: asOf } })).statusCode).toBe(400);
      // As of the very beginning (found by the fuzzer): an empty read model, not an error.
      const origin = await post('/audit/replays', auditor, { projection: 'orgs', asOf: { position: '00000000000000000000:00000000000000000000' } });
      expect(origin.statusCode, origin.payload).toBe(201);
      const originId = origin.result!.replayId as string;
      await expect.poll(async () => (await get(`/audit/replays/${originId}`)).statusCode, { timeout: 30_000 }).toBe(200);
      await expect.poll(async () => (await get(`/audit/replays/${originId}`)).result!.status, { timeout: 30_000 }).toBe('completed');
      const empty = await get(`/audit/replays/${originId}?diff=live`);
      expect(empty.statusCode, empty.payload).toBe(200);
      expect(empty.result).toMatchObject({ rows: [], totalRows: 0 });
      expect((empty.result!.differences as unknown[]).length).toBeGreaterThan(0);
    });

    it('tells a record’s story with names and reasons, and keeps every audit read in the access log', async () => {
      const person = await boundPerson(system.server, unit, '审计丙');
      const { recordId } = await approvedRecord(person, 2, `${YEAR}-05-06`);
      const revoked = await post(`/credit-records/${recordId}/revoke`, adminToken, { reason: '证明材料与实际不符' });
      expect(revoked.statusCode).toBe(200);
      const story = await get(`/credit-records/${recordId}/history`, person.token);
      expect(story.statusCode).toBe(200);
      const events = story.result!.events as Json[];
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['CreditRecordDrafted', 'CreditRecordSubmitted', 'ReviewRequested', 'ReviewCompleted', 'CreditRecordApproved', 'CreditRecordRevoked']));
      expect(events.find((e) => e.type === 'CreditRecordDrafted')).toMatchObject({ actor: { role: 'person', name: '审计丙' }, summary: '填写学时申报' });
      expect(events.find((e) => e.type === 'CreditRecordApproved')).toMatchObject({ actor: { role: 'unit', name: unit.name } });
      expect(events.find((e) => e.type === 'CreditRecordRevoked')).toMatchObject({ actor: { role: 'admin', name: '人社部门' }, reason: '证明材料与实际不符' });
      expect(story.result!.chain).toEqual({ valid: true });
      const stranger = await boundPerson(system.server, unit, '审计丁');
      expect((await get(`/credit-records/${recordId}/history`, stranger.token)).statusCode).toBe(404);
      expect((await get(`/credit-records/${recordId}/history`, auditor)).statusCode).toBe(200);
      // Another unit sees neither the person's bindings nor their dishonesty records.
      const otherUnit = await approvedOrg(system.server);
      expect((await get(`/bindings/${person.personId}/history`, otherUnit.token)).statusCode).toBe(404);
      const binding = await get(`/bindings/${person.personId}/history`, unit.token);
      expect((binding.result!.events as Json[]).map((e) => e.type)).toEqual(expect.arrayContaining(['BindingRequested', 'ReviewRequested', 'ReviewCompleted', 'BindingConfirmed']));
      const recorded = await post('/dishonesty-records', adminToken, { personId: person.personId, reason: '伪造学时证明', basis: '继续教育条例', startDate: `${YEAR}-01-01`, blocksCertificate: false });
      expect((await get(`/dishonesty-records/${recorded.result!.recordId as string}/history`, otherUnit.token)).statusCode).toBe(404);
      expect((await get(`/dishonesty-records/${recorded.result!.recordId as string}/history`, unit.token)).result).toMatchObject({ events: [{ type: 'DishonestyRecorded', actor: { role: 'admin' } }], chain: { valid: true } });

      const log = await get('/audit/access-log?limit=200', adminToken);
      expect(log.statusCode).toBe(200);
      const mine = (log.result!.items as Json[]).filter((item) => item.role === 'auditor');
      expect(mine.map((item) => item.route)).toEqual(expect.arrayContaining(['/api/v1/audit/events', '/api/v1/audit/verify', '/api/v1/credit-records/{recordId}/history']));
      expect(mine.find((item) => item.route === '/api/v1/credit-records/{recordId}/history')).toMatchObject({ method: 'GET', path: `/api/v1/credit-records/${recordId}/history` });
      // A person reading their own record is not an audit read.
      expect((log.result!.items as Json[]).some((item) => item.role === 'person')).toBe(false);
      expect((await get('/audit/access-log', auditor)).statusCode).toBe(403);
      expect((await get(`/audit/access-log?cursor=${Buffer.from('["x"]').toString('base64url')}`, adminToken)).statusCode).toBe(400);

      // A read that cannot be recorded is not served.
      await system.db.exec('ALTER TABLE audit_access_log RENAME TO audit_access_log_away');
      try {
        expect((await get('/audit/events?limit=1')).statusCode).toBe(503);
        expect((await get(`/credit-records/${recordId}/history`, person.token)).statusCode).toBe(200); // not an audit read
      } finally {
        await system.db.exec('ALTER TABLE audit_access_log_away RENAME TO audit_access_log');
      }
    });

    it('replays the other read models an auditor asks for, each as of a moment', async () => {
      const person = await boundPerson(system.server, unit, '审计己');
      await post('/dishonesty-records', adminToken, { personId: person.personId, reason: '重放测试事由', basis: '继续教育条例', startDate: `${YEAR}-01-01`, blocksCertificate: false });
      const asOf = { time: new Date(Date.now() + 60_000).toISOString() }; // everything so far
      for (const projection of ['dishonesty_records', 'bindings', 'orgs', 'enrolments']) {
        const started = await post('/audit/replays', auditor, { projection, asOf });
        expect(started.statusCode, `${projection}: ${started.payload}`).toBe(201);
        const replayId = started.result!.replayId as string;
        await expect.poll(async () => (await get(`/audit/replays/${replayId}`)).result!.status, { timeout: 30_000 }).toBe('completed');
        const replay = (await get(`/audit/replays/${replayId}?diff=live`)).result!;
        expect(replay.differences, projection).toEqual([]);
        if (projection !== 'enrolments') expect((replay.totalRows as number) > 0, projection).toBe(true);
      }
    });

    it('finds a row altered behind the store’s back: in the verification, the stream and the timeline', async () => {
      const person = await boundPerson(system.server, unit, '审计戊');
      const { recordId } = await approvedRecord(person, 8, `${YEAR}-06-01`);
      await system.db.query(
        `UPDATE events SET data = jsonb_set(data, '{halfHours}', '40'::jsonb) WHERE stream_id = $1 AND event_type = 'CreditRecordApproved'`,
        [`credit-${recordId}`],
      );
      const verified = await post('/audit/verify', auditor);
      expect(verified.result).toMatchObject({ valid: false, problems: [{ streamId: `credit-${recordId}`, problem: 'content does not match its hash' }] });
      const stream = await get(`/audit/streams/credit-${recordId}`);
      expect(stream.result!.chain).toMatchObject({ valid: false });
      expect((await get(`/credit-records/${recordId}/history`, person.token)).result!.chain).toMatchObject({ valid: false });
      const events = await wholeLog();
      expect(checkChains(events)).toEqual([expect.objectContaining({ streamId: `credit-${recordId}`, problem: 'hash' })]);
    });
  });
}
