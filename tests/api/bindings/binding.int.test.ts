/**
 * Individuals and their units, end to end through the API on the real system: the journey from registration to a
 * confirmed binding, a rejection the person can read, a cancellation, a job change that ends the first binding, the
 * bad inputs that write nothing, and a cancellation racing the unit's confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingStream } from '../../../events/binding.js';
import { maskIdNumber } from '../../../events/vocabulary/index.js';
import { type Person, type Reviewer, admin, approvedOrg, decideTaskAbout, registeredPerson } from '../actors.js';
import { type TestSystem, call, captcha, orgPayload, randomIdNumber, startTestSystem, uniqueName } from '../system.js';

type Json = Record<string, unknown>;

describe('profile and unit binding', () => {
  let system: TestSystem;
  let unit: Reviewer;
  let other: Reviewer;
  beforeAll(async () => {
    system = await startTestSystem();
    [unit, other] = [await approvedOrg(system.server), await approvedOrg(system.server, { regionCode: '440300' })];
  });
  afterAll(async () => {
    await system?.close();
  });

  const request = (person: Person, unitId: string) => call(system.server, { method: 'POST', url: '/api/v1/me/binding', token: person.token, payload: { unitId } });
  const inbox = async (reviewer: Reviewer, after: string) =>
    (await call(system.server, { method: 'GET', url: `/api/v1/tasks?status=open&kind=binding-confirmation&after=${encodeURIComponent(after)}`, token: reviewer.token })).result!.items as Json[];
  const decide = (reviewer: Reviewer, taskId: string, decision: 'approve' | 'reject', reason?: string) =>
    call(system.server, { method: 'POST', url: `/api/v1/tasks/${taskId}/decision`, token: reviewer.token, payload: { decision, ...(reason ? { reason } : {}) } });
  const me = async (person: Person) => (await call(system.server, { method: 'GET', url: '/api/v1/me', token: person.token })).result!;
  const members = async (reviewer: Reviewer, after: string, status = 'confirmed') =>
    (await call(system.server, { method: 'GET', url: `/api/v1/units/${reviewer.orgId}/members?status=${status}&after=${encodeURIComponent(after)}`, token: reviewer.token })).result!;
  const streamTypes = async (person: Person) => (await system.store.readStream(bindingStream(person.personId))).map((e) => e.type);

  it('takes a person from registration to a confirmed binding that the unit sees', async () => {
    const person = await registeredPerson(system.server, '林一');
    const profile = await call(system.server, {
      method: 'PUT', url: '/api/v1/me/profile', token: person.token,
      payload: { name: '林一', gender: 'female', education: 'master', title: '工程师', specialty: '土木工程', phone: '13800138000', email: 'lin@example.cn' },
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.result).toMatchObject({ name: '林一', idNumber: person.idNumber, title: '工程师', specialty: '土木工程' });

    const found = await call(system.server, { method: 'GET', url: `/api/v1/orgs?kind=unit&q=${encodeURIComponent(unit.name.slice(2, 8))}` });
    expect((found.result!.items as Json[]).map((o) => o.orgId)).toContain(unit.orgId);

    const requested = await request(person, unit.orgId);
    expect(requested.statusCode).toBe(202);
    expect(requested.result).toMatchObject({ unitId: unit.orgId, status: 'pending' });
    const tasks = await inbox(unit, requested.result!.position as string);
    const mine = tasks.filter((t) => (t.subject as Json).id === person.personId);
    expect(mine).toEqual([expect.objectContaining({ kind: 'binding-confirmation', subject: { type: 'binding', id: person.personId, title: '林一' }, details: expect.objectContaining({ idNumberMasked: maskIdNumber(person.idNumber) }) })]);
    expect(JSON.stringify(tasks)).not.toContain(person.idNumber); // the unit sees the masked number only
    expect(await inbox(other, requested.result!.position as string)).not.toContainEqual(expect.objectContaining({ subject: expect.objectContaining({ id: person.personId }) }));
    expect((await members(unit, requested.result!.position as string, 'pending')).items).toContainEqual(expect.objectContaining({ personId: person.personId, status: 'pending' }));

    const confirmed = await decide(unit, mine[0]!.taskId as string, 'approve');
    expect(confirmed.statusCode).toBe(200);
    expect((await me(person)).binding).toMatchObject({ current: { unit: { unitId: unit.orgId, name: unit.name } }, pending: null, latest: { status: 'confirmed' } });
    const listed = await members(unit, confirmed.result!.position as string);
    expect(listed.items).toContainEqual({ personId: person.personId, name: '林一', idNumberMasked: maskIdNumber(person.idNumber), status: 'confirmed', requestedAt: expect.any(String), boundSince: expect.any(String), progress: { year: expect.any(Number), public: 0, professional: 0, elective: 0, total: 0 } });
  });

  it('shows a rejection’s reason to the person, who may then ask again', async () => {
    const person = await registeredPerson(system.server, '林二');
    const requested = await request(person, unit.orgId);
    const [task] = (await inbox(unit, requested.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId);
    expect((await decide(unit, task!.taskId as string, 'reject')).statusCode).toBe(422); // a reason is required
    expect((await decide(unit, task!.taskId as string, 'reject', '本单位无此人')).statusCode).toBe(200);
    expect((await me(person)).binding).toMatchObject({ current: null, pending: null, lastRejection: { reason: '本单位无此人', unit: { unitId: unit.orgId } }, latest: { status: 'rejected', reason: '本单位无此人' } });
    expect((await request(person, unit.orgId)).statusCode).toBe(202);
  });

  it('cancels a pending request: the task leaves the unit’s inbox', async () => {
    const person = await registeredPerson(system.server, '林三');
    const requested = await request(person, unit.orgId);
    const cancelled = await call(system.server, { method: 'DELETE', url: '/api/v1/me/binding/pending', token: person.token });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.result).toMatchObject({ status: 'cancelled', bindingId: requested.result!.bindingId });
    expect((await inbox(unit, cancelled.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId)).toEqual([]);
    expect((await call(system.server, { method: 'DELETE', url: '/api/v1/me/binding/pending', token: person.token })).statusCode).toBe(409);
    expect(await streamTypes(person)).toEqual(['BindingRequested', 'ReviewRequested', 'BindingCancelled', 'ReviewWithdrawn']);
  });

  it('moves a person to a new unit: the first binding ends on confirmation and the old unit no longer lists them', async () => {
    const person = await registeredPerson(system.server, '林四');
    const first = await request(person, unit.orgId);
    const [task] = (await inbox(unit, first.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId);
    await decide(unit, task!.taskId as string, 'approve');
    const change = await request(person, other.orgId);
    expect(change.statusCode).toBe(202);
    expect((await me(person)).binding).toMatchObject({ current: { unit: { unitId: unit.orgId } }, pending: { unit: { unitId: other.orgId }, previousUnitId: unit.orgId } });
    const [next] = (await inbox(other, change.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId);
    expect(next!.details).toMatchObject({ jobChange: true });
    const confirmed = await decide(other, next!.taskId as string, 'approve');
    expect((await me(person)).binding).toMatchObject({ current: { unit: { unitId: other.orgId } } });
    expect((await members(unit, confirmed.result!.position as string)).items).not.toContainEqual(expect.objectContaining({ personId: person.personId }));
    expect((await members(other, confirmed.result!.position as string)).items).toContainEqual(expect.objectContaining({ personId: person.personId }));
    expect((await streamTypes(person)).slice(-3)).toEqual(['BindingEnded', 'BindingConfirmed', 'ReviewCompleted']);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const badChecksum = randomIdNumber().slice(0, 17) + 'Z';
    const registration = await call(system.server, {
      method: 'POST', url: '/api/v1/accounts',
      payload: { username: uniqueName('p_'), password: 'Person2026x', name: '王五', idNumber: badChecksum, ...(await captcha(system.server)) },
    });
    expect(registration.statusCode).toBe(400);
    expect(registration.result).toMatchObject({ details: [{ field: 'idNumber' }] });

    const person = await registeredPerson(system.server, '林五');
    const before = await system.store.headPosition();
    const wrongBirth = await call(system.server, { method: 'PUT', url: '/api/v1/me/profile', token: person.token, payload: { name: '林五', birthDate: '1999-12-31' } });
    expect(wrongBirth.statusCode).toBe(422);
    expect(wrongBirth.result).toMatchObject({ details: [{ field: 'birthDate' }] });
    expect(await system.store.headPosition()).toBe(before); // refused: nothing written

    const pendingOrg = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: await orgPayload(system.server) });
    const institution = await approvedOrg(system.server, { kind: 'institution' });
    for (const unitId of [pendingOrg.result!.orgId as string, institution.orgId, '00000000-0000-4000-8000-000000000000']) {
      const refused = await request(person, unitId);
      expect(refused.statusCode, unitId).toBe(422);
      expect(refused.result).toMatchObject({ details: [{ field: 'unitId' }] });
    }
    const rejectedOrg = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: await orgPayload(system.server) });
    const adminToken = await admin(system.server);
    await decideTaskAbout(system.server, adminToken, rejectedOrg.result!.orgId as string, rejectedOrg.result!.position as string, 'reject', '材料不全');
    expect((await request(person, rejectedOrg.result!.orgId as string)).statusCode).toBe(422);
    expect(await system.store.readStream(bindingStream(person.personId))).toEqual([]);

    const first = await request(person, unit.orgId);
    expect(first.statusCode).toBe(202);
    const second = await request(person, other.orgId);
    expect(second.statusCode).toBe(409);
    expect(await streamTypes(person)).toEqual(['BindingRequested', 'ReviewRequested']);

    const [task] = (await inbox(unit, first.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId);
    expect((await decide(other, task!.taskId as string, 'approve')).statusCode).toBe(404); // another unit's reviewer
    expect((await call(system.server, { method: 'GET', url: `/api/v1/units/${unit.orgId}/members`, token: person.token })).statusCode).toBe(403);
    expect((await call(system.server, { method: 'GET', url: `/api/v1/units/${unit.orgId}/members`, token: other.token })).statusCode).toBe(404);
    // Refused decisions and reads wrote nothing to the person's binding.
    expect(await streamTypes(person)).toEqual(['BindingRequested', 'ReviewRequested']);
  });

  it('gives exactly one outcome when the person cancels while the unit confirms, and the events agree with the answers', async () => {
    for (let round = 0; round < 3; round++) {
      const person = await registeredPerson(system.server, `林六${round}`);
      const requested = await request(person, unit.orgId);
      const [task] = (await inbox(unit, requested.result!.position as string)).filter((t) => (t.subject as Json).id === person.personId);
      const [cancel, confirm] = await Promise.all([
        call(system.server, { method: 'DELETE', url: '/api/v1/me/binding/pending', token: person.token }),
        decide(unit, task!.taskId as string, 'approve'),
      ]);
      const statuses = [cancel.statusCode, confirm.statusCode].sort();
      expect(statuses).toEqual([200, 409]);
      const types = await streamTypes(person);
      if (cancel.statusCode === 200) {
        expect(types.slice(2)).toEqual(['BindingCancelled', 'ReviewWithdrawn']);
        expect((await me(person)).binding).toMatchObject({ current: null, latest: { status: 'cancelled' } });
      } else {
        expect(types.slice(2)).toEqual(['BindingConfirmed', 'ReviewCompleted']);
        expect((await me(person)).binding).toMatchObject({ current: { unit: { unitId: unit.orgId } } });
      }
    }
  });
});
