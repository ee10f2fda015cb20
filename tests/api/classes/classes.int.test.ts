/**
 * Training classes and enrolment end to end through the API on the real system: a class from creation to completion
 * with its hours reaching the attendee's summary and the completion's answer showing each enrollee's outcome; the
 * catalogue by region, with the person's own status in each class; the roster read with `?after=` right after an
 * approval; seats, the waiting line and promotion, with the time of each step; the refusals (a class not accepting,
 * a person without a unit, a second completion, another institution's class, a region outside Guangdong); and twenty
 * people asking for five seats at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, approvedOrg, boundPerson, registeredPerson } from '../actors.js';
import { type TestSystem, call, orgPayload, startTestSystem } from '../system.js';

type Json = Record<string, unknown>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Long enough for an answer that does not wait for its read model to have answered from the old one. */
const STALE_WINDOW_MS = 300;

describe('training classes and enrolment', () => {
  let system: TestSystem;
  let institution: Reviewer;
  let unit: Reviewer;
  beforeAll(async () => {
    // Twenty people at once on a loaded 2-core machine: give Temporal room beyond the default 10 s deadline.
    system = await startTestSystem({ temporalDeadlineMs: 30_000 });
    [institution, unit] = [await approvedOrg(system.server, { kind: 'institution', regionCode: '440100' }), await approvedOrg(system.server, { regionCode: '440106' })];
  });
  afterAll(async () => {
    await system?.close();
  });

  const newClass = async (overrides: Json = {}, who = institution) => {
    const created = await call(system.server, {
      method: 'POST', url: '/api/v1/classes', token: who.token,
      payload: { title: '人工智能应用专题培训班', category: 'professional', hours: 12, capacity: 30, startDate: day(7), endDate: day(8), ...overrides },
    });
    expect(created.statusCode, created.payload).toBe(201);
    return created.result!.classId as string;
  };
  const act = (classId: string, action: 'open' | 'close', who = institution) => call(system.server, { method: 'POST', url: `/api/v1/classes/${classId}/${action}`, token: who.token });
  const enrol = (person: Person, classId: string) => call(system.server, { method: 'POST', url: `/api/v1/classes/${classId}/enrolments`, token: person.token });
  const openTasks = async (after: string) =>
    ((await call(system.server, { method: 'GET', url: `/api/v1/tasks?status=open&kind=enrolment-review&limit=200&after=${encodeURIComponent(after)}`, token: institution.token })).result!.items as Json[]);
  const decide = (taskId: string, decision: 'approve' | 'reject', reason?: string) =>
    call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token: institution.token, payload: { decision, ...(reason ? { reason } : {}) } });
  const taskFor = async (enrolmentId: string, after: string) => (await openTasks(after)).find((t) => (t.subject as Json).id === enrolmentId);
  const myEnrolments = async (person: Person, after?: string) =>
    (await call(system.server, { method: 'GET', url: `/api/v1/me/enrolments${after ? `?after=${encodeURIComponent(after)}` : ''}`, token: person.token })).result!.items as Json[];
  const rosterOf = (answer: { result?: Json | undefined }) => Object.fromEntries(((answer.result!.roster ?? []) as Json[]).map((r) => [r.personId as string, r]));
  /**
   * Sends `request` while the projection runner stands still, and lets it run again only once `written()` sees the
   * request's events in the store and an answer that did not wait would have been given: so an answer that shows the
   * new state proves it waited for its read model.
   */
  async function withProjectionsPaused<T>(request: () => Promise<T>, written: () => Promise<boolean> = async () => true): Promise<T> {
    await system.runner.stop();
    let answer: Promise<T>;
    try {
      answer = request();
      await expect.poll(written, { timeout: 15_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, STALE_WINDOW_MS));
    } finally {
      system.runner.start();
    }
    return answer;
  }

  it('runs a class from creation to completion: the answer’s roster shows each outcome, and the attendee’s hours reach their summary', async () => {
    const classId = await newClass({ startDate: day(-1), endDate: day(0), hours: 6, category: 'public' });
    const person = await boundPerson(system.server, unit, '郑一');
    const absent = await boundPerson(system.server, unit, '郑二');
    const undecided = await boundPerson(system.server, unit, '郑十一');
    expect((await enrol(person, classId)).statusCode).toBe(409); // still a draft
    expect((await act(classId, 'open')).result).toMatchObject({ status: 'accepting' });
    const enrolled = await enrol(person, classId);
    expect(enrolled.result).toMatchObject({ status: 'pending' });
    const other = await enrol(absent, classId);
    for (const [who, response] of [[person, enrolled], [absent, other]] as const) {
      const task = await taskFor(response.result!.enrolmentId as string, response.result!.position as string);
      expect(task).toMatchObject({ kind: 'enrolment-review', details: { personName: who.name } });
      expect((await decide(task!.taskId as string, 'approve')).statusCode).toBe(200);
    }
    expect((await enrol(undecided, classId)).result).toMatchObject({ status: 'pending' });
    expect((await act(classId, 'close')).result).toMatchObject({ status: 'closed' });
    // The outcomes are the enrolments' own events, written after the class's: the answer waits for them to be read.
    const ended = async (who: Person, type: string) => (await system.store.readStream(`enrolment-${classId}-${who.personId}`)).some((e) => e.type === type);
    const outcome = async () => (await ended(person, 'EnrolmentCompleted')) && (await ended(absent, 'EnrolmentMissed')) && (await ended(undecided, 'EnrolmentLapsed'));
    const completed = await withProjectionsPaused(
      () => call(system.server, { method: 'POST', url: `/api/v1/classes/${classId}/complete`, token: institution.token, payload: { attendeePersonIds: [person.personId] } }),
      outcome,
    );
    expect(completed.result).toMatchObject({ status: 'completed' });
    const roster = rosterOf(completed);
    expect(Object.fromEntries(Object.entries(roster).map(([id, r]) => [id, r.status]))).toEqual({
      [person.personId]: 'completed', [absent.personId]: 'missed', [undecided.personId]: 'lapsed',
    });
    // The approval time survives the completion, which moves decidedAt.
    expect(roster[person.personId]!.approvedAt as string).toMatch(/^\d{4}-/);
    expect(roster[person.personId]!.approvedAt as string < (roster[person.personId]!.decidedAt as string)).toBe(true);
    expect(roster[undecided.personId]).toMatchObject({ approvedAt: null });
    // The answer's position covers the outcomes: read with it, the class and each person's list show them at once.
    const after = encodeURIComponent(completed.result!.position as string);
    const detail = await call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}?after=${after}`, token: institution.token });
    expect(rosterOf(detail)[absent.personId]).toMatchObject({ status: 'missed' });
    const mine = (await myEnrolments(person, completed.result!.position as string)).find((e) => (e.class as Json).classId === classId);
    expect(mine).toMatchObject({ status: 'completed', approvedAt: roster[person.personId]!.approvedAt, decidedAt: roster[person.personId]!.decidedAt });
    expect((await call(system.server, { method: 'POST', url: `/api/v1/classes/${classId}/complete`, token: institution.token, payload: { attendeePersonIds: [person.personId] } })).statusCode).toBe(409);

    const year = Number(day(-1).slice(0, 4));
    await expect
      .poll(async () => (await call(system.server, { method: 'GET', url: `/api/v1/me/credit-summary?year=${year}`, token: person.token })).result!.completed, { timeout: 15_000 })
      .toMatchObject({ public: 6, total: 6 });
    expect((await myEnrolments(absent, completed.result!.position as string)).find((e) => (e.class as Json).classId === classId)?.status).toBe('missed');
  });

  it('shows an approval in the roster at once when the class is read with ?after= the decision’s position', async () => {
    const classId = await newClass();
    await act(classId, 'open');
    const person = await boundPerson(system.server, unit, '郑十');
    const enrolled = await enrol(person, classId);
    const task = await taskFor(enrolled.result!.enrolmentId as string, enrolled.result!.position as string);
    let asked = false;
    const detail = await withProjectionsPaused(async () => {
      const decided = await decide(task!.taskId as string, 'approve');
      expect(decided.statusCode).toBe(200);
      const read = call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}?after=${encodeURIComponent(decided.result!.position as string)}`, token: institution.token });
      asked = true;
      return read;
    }, async () => asked);
    expect(detail.statusCode, detail.payload).toBe(200);
    expect(rosterOf(detail)[person.personId]).toMatchObject({ status: 'approved', approvedAt: expect.any(String), promotedAt: null });
    // A position no command returned, or no position at all: 400 at once.
    for (const after of ['99999999999999999999:99999999999999999999', 'latest']) {
      const refused = await call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}?after=${after}`, token: institution.token });
      expect(refused.statusCode).toBe(400);
      expect(refused.result).toMatchObject({ details: [{ field: 'after' }] });
    }
  });

  it('shows a person the accepting classes of their city and the whole province, not another city’s', async () => {
    const person = await boundPerson(system.server, unit, '郑三'); // unit in 440106 (Guangzhou)
    const city = await newClass({ regionCode: '440105', title: '广州市海珠区专题班' });
    const province = await newClass({ regionCode: '440000', title: '全省公需科目班' });
    const shenzhen = await newClass({ regionCode: '440300', title: '深圳市专题班' });
    let last = '';
    for (const id of [city, province, shenzhen]) last = (await act(id, 'open')).result!.position as string;
    const catalogue = await call(system.server, { method: 'GET', url: `/api/v1/classes?available=true&limit=200&after=${encodeURIComponent(last)}`, token: person.token });
    const ids = (catalogue.result!.items as Json[]).map((c) => c.classId);
    expect(ids).toEqual(expect.arrayContaining([city, province]));
    expect(ids).not.toContain(shenzhen);
    expect(catalogue.result).toMatchObject({ bound: true, regionCode: '440106' });
    expect((await enrol(person, shenzhen)).statusCode).toBe(404);
    const own = await call(system.server, { method: 'GET', url: `/api/v1/classes?limit=200&after=${encodeURIComponent(last)}`, token: institution.token });
    expect((own.result!.items as Json[]).map((c) => c.classId)).toEqual(expect.arrayContaining([city, province, shenzhen]));
    expect((own.result!.items as Json[])[0]).not.toHaveProperty('myEnrolment');

    // Each class says where the person stands in it: read with the enrolment's position, at once.
    const enrolled = await enrol(person, city);
    const marked = await call(system.server, { method: 'GET', url: `/api/v1/classes?available=true&limit=200&after=${encodeURIComponent(enrolled.result!.position as string)}`, token: person.token });
    const byId = Object.fromEntries((marked.result!.items as Json[]).map((c) => [c.classId, c]));
    expect(byId[city]).toMatchObject({ myEnrolment: { enrolmentId: enrolled.result!.enrolmentId, status: 'pending' } });
    expect(byId[province]).toMatchObject({ myEnrolment: null });
  });

  it('fills two seats, puts the third in line, and promotes them when a seat is cancelled', async () => {
    const classId = await newClass({ capacity: 2 });
    await act(classId, 'open');
    const people = [await boundPerson(system.server, unit, '郑四'), await boundPerson(system.server, unit, '郑五'), await boundPerson(system.server, unit, '郑六')];
    const results: Json[] = [];
    for (const person of people) results.push((await enrol(person, classId)).result!);
    expect(results.map((r) => r.status)).toEqual(['pending', 'pending', 'waitlisted']);
    expect((await enrol(people[0]!, classId)).statusCode).toBe(409); // already enrolled
    const cancelled = await call(system.server, { method: 'POST', url: `/api/v1/enrolments/${results[1]!.enrolmentId as string}/cancel`, token: people[1]!.token });
    expect(cancelled.result).toMatchObject({ status: 'cancelled' });
    // Sent again (a retry whose answer was lost): the same cancellation, answered as the first, nothing more written.
    const head = await system.store.headPosition();
    const again = await call(system.server, { method: 'POST', url: `/api/v1/enrolments/${results[1]!.enrolmentId as string}/cancel`, token: people[1]!.token });
    expect(again.statusCode).toBe(200);
    expect(again.result).toEqual(cancelled.result);
    expect(await system.store.headPosition()).toBe(head);
    // The promotion is written before the cancellation answers: its position covers it.
    const promoted = (await myEnrolments(people[2]!, cancelled.result!.position as string)).find((e) => e.enrolmentId === results[2]!.enrolmentId)!;
    expect(promoted).toMatchObject({ status: 'pending', promotedAt: expect.any(String), approvedAt: null, decidedAt: null });
    expect(promoted.promotedAt as string > (promoted.requestedAt as string)).toBe(true);
    expect((await myEnrolments(people[0]!)).find((e) => e.enrolmentId === results[0]!.enrolmentId)).toMatchObject({ promotedAt: null });
    const task = await taskFor(results[2]!.enrolmentId as string, cancelled.result!.position as string);
    const approved = await decide(task!.taskId as string, 'approve');
    const detail = await call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}?after=${encodeURIComponent(approved.result!.position as string)}`, token: institution.token });
    expect(detail.result).toMatchObject({ seatsTaken: 2, waitlisted: 0 });
    expect((detail.result!.roster as Json[]).map((r) => r.status).sort()).toEqual(['approved', 'cancelled', 'pending']);
    // Both moments stay: promoted, then approved.
    const timeline = (await myEnrolments(people[2]!, approved.result!.position as string)).find((e) => e.enrolmentId === results[2]!.enrolmentId)!;
    expect(timeline).toMatchObject({ status: 'approved', promotedAt: promoted.promotedAt, approvedAt: timeline.decidedAt });
    expect(timeline.approvedAt as string > (promoted.promotedAt as string)).toBe(true);
    expect(rosterOf(detail)[people[2]!.personId]).toMatchObject({ promotedAt: promoted.promotedAt, approvedAt: timeline.approvedAt });
  });

  it('refuses a person without a unit, a closed class, and another institution', async () => {
    const unbound = await registeredPerson(system.server, '郑七');
    const classId = await newClass();
    await act(classId, 'open');
    const refused = await enrol(unbound, classId);
    expect(refused.statusCode).toBe(409);
    expect(refused.result).toMatchObject({ code: 'binding_required' });
    expect(String(refused.result!.message)).toContain('绑定');
    const catalogue = await call(system.server, { method: 'GET', url: '/api/v1/classes?available=true', token: unbound.token });
    expect(catalogue.result).toMatchObject({ items: [], bound: false });

    await act(classId, 'close');
    const person = await boundPerson(system.server, unit, '郑八');
    expect((await enrol(person, classId)).statusCode).toBe(409);

    const rival = await approvedOrg(system.server, { kind: 'institution' });
    expect((await act(classId, 'open', rival)).statusCode).toBe(404);
    expect((await call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}`, token: rival.token })).statusCode).toBe(404);
    expect((await call(system.server, { method: 'POST', url: `/api/v1/classes/${classId}/complete`, token: rival.token, payload: { attendeePersonIds: [] } })).statusCode).toBe(404);
  });

  it('gives the seat a rejection frees to the first in line; another institution cannot decide the task', async () => {
    const classId = await newClass({ capacity: 1 });
    await act(classId, 'open');
    const [first, second] = [await boundPerson(system.server, unit, '郑九'), await boundPerson(system.server, unit, '郑十')];
    const seated = (await enrol(first, classId)).result!;
    const waiting = (await enrol(second, classId)).result!;
    expect([seated.status, waiting.status]).toEqual(['pending', 'waitlisted']);
    const task = await taskFor(seated.enrolmentId as string, seated.position as string);
    const rival = await approvedOrg(system.server, { kind: 'institution' });
    const foreign = await call(system.server, { method: 'POST', url: `/api/v1/tasks/${task!.taskId as string}/decision`, token: rival.token, payload: { decision: 'approve' } });
    expect(foreign.statusCode).toBe(404);
    const rejected = await decide(task!.taskId as string, 'reject', '报名材料不符合要求');
    expect(rejected.statusCode).toBe(200);
    await expect.poll(async () => (await myEnrolments(second)).find((e) => e.enrolmentId === waiting.enrolmentId)?.status, { timeout: 15_000 }).toBe('pending');
    await expect.poll(async () => Boolean(await taskFor(waiting.enrolmentId as string, rejected.result!.position as string)), { timeout: 15_000 }).toBe(true);
    expect((await myEnrolments(first)).find((e) => e.enrolmentId === seated.enrolmentId)).toMatchObject({ status: 'rejected', reason: '报名材料不符合要求' });
  });

  it('refuses a region outside Guangdong (422 naming 行政区划代码, in both languages) for a class and an organisation, writing nothing', async () => {
    const head = await system.store.writtenPosition();
    const payload = { title: '区划错误的培训班', category: 'public', hours: 6, capacity: 10, startDate: day(7), endDate: day(7), regionCode: '450100' };
    const zh = await call(system.server, { method: 'POST', url: '/api/v1/classes', token: institution.token, payload });
    expect(zh.statusCode).toBe(422);
    expect(zh.result).toMatchObject({ details: [{ field: 'regionCode', message: expect.stringContaining('「行政区划代码」必须是广东省内的代码') }] });
    const en = await call(system.server, { method: 'POST', url: '/api/v1/classes', token: institution.token, payload, lang: 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.result).toMatchObject({ details: [{ field: 'regionCode', message: expect.stringContaining('Region code must be a Guangdong code') }] });
    // The same rule where an organisation states its region; checked before the captcha is spent, so the same form,
    // corrected, goes through.
    const org = await orgPayload(system.server, { regionCode: '450100' });
    const refused = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: org });
    expect(refused.statusCode).toBe(422);
    expect(refused.result).toMatchObject({ details: [{ field: 'regionCode', message: expect.stringContaining('行政区划代码') }] });
    expect(await system.store.writtenPosition()).toBe(head);
    expect((await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: { ...org, regionCode: '440300' } })).statusCode).toBe(201);
    // A Guangdong city or the whole province is fine.
    expect((await call(system.server, { method: 'POST', url: '/api/v1/classes', token: institution.token, payload: { ...payload, regionCode: '440000' } })).statusCode).toBe(201);
  });

  it('gives exactly five of five seats when twenty people enrol at once and the institution approves them all', async () => {
    const classId = await newClass({ capacity: 5 });
    await act(classId, 'open');
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => boundPerson(system.server, unit, `并发${i}`)));
    const results = await Promise.all(people.map((person) => enrol(person, classId)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const statuses = results.map((r) => r.result!.status);
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(15);
    const last = results.map((r) => r.result!.position as string).sort().at(-1)!;
    const tasks = (await openTasks(last)).filter((t) => (t.details as Json).classId === classId);
    expect(tasks).toHaveLength(5);
    const decisions = await Promise.all(tasks.map((t) => decide(t.taskId as string, 'approve')));
    expect(decisions.map((d) => d.statusCode)).toEqual(Array(5).fill(200));
    await expect
      .poll(async () => (await call(system.server, { method: 'GET', url: `/api/v1/classes/${classId}`, token: institution.token })).result, { timeout: 15_000 })
      .toMatchObject({ seatsTaken: 5, seatsLeft: 0, waitlisted: 15 });
    const seats = (await system.store.readStream(`class-${classId}`)).filter((e) => e.type === 'SeatConfirmed');
    expect(seats).toHaveLength(5);
  }, 120_000);
});
