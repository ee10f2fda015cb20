/** GET /orgs: the public catalogue of approved organisations, its filters and its cursor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestSystem, call, orgPayload, signIn, startTestSystem } from '../system.js';

describe('GET /orgs', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  it('lists approved organisations only, filtered by kind, name and city, page by page', async () => {
    const { server } = system;
    const adminToken = await signIn(server, ADMIN.username, ADMIN.password);
    const register = async (overrides: Record<string, unknown>, approve: boolean) => {
      const registered = await call(server, { method: 'POST', url: '/api/v1/orgs', payload: await orgPayload(server, overrides) });
      const orgId = registered.result!.orgId as string;
      if (!approve) return { orgId, position: registered.result!.position as string };
      const inbox = await call(server, { method: 'GET', url: `/api/v1/tasks?status=open&after=${encodeURIComponent(registered.result!.position as string)}`, token: adminToken });
      const task = (inbox.result!.items as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === orgId)!;
      const decided = await call(server, { method: 'POST', url: `/api/v1/tasks/${task.taskId}/decision`, token: adminToken, payload: { decision: 'approve' } });
      return { orgId, position: decided.result!.position as string };
    };
    const hospital = await register({ name: '广州市第一人民医院', regionCode: '440104' }, true);
    const school = await register({ kind: 'institution', name: '深圳职业培训学院', regionCode: '440305' }, true);
    const pending = await register({ name: '广州市待审单位', regionCode: '440103' }, false);
    const last = await register({ name: '广州市第二人民医院', regionCode: '440106' }, true);

    const all = await call(server, { method: 'GET', url: `/api/v1/orgs?after=${encodeURIComponent(last.position)}` });
    const ids = (all.result!.items as Array<{ orgId: string }>).map((o) => o.orgId);
    expect(ids).toEqual(expect.arrayContaining([hospital.orgId, school.orgId, last.orgId]));
    expect(ids).not.toContain(pending.orgId);
    expect(all.result!.items).toEqual(expect.arrayContaining([{ orgId: school.orgId, kind: 'institution', name: '深圳职业培训学院', regionCode: '440305', status: 'approved' }]));

    const guangzhou = await call(server, { method: 'GET', url: '/api/v1/orgs?regionCode=440100&kind=unit&q=%E5%8C%BB%E9%99%A2' });
    expect((guangzhou.result!.items as Array<{ orgId: string }>).map((o) => o.orgId).sort()).toEqual([hospital.orgId, last.orgId].sort());

    const first = await call(server, { method: 'GET', url: '/api/v1/orgs?regionCode=440000&limit=2' });
    expect(first.result!.items).toHaveLength(2);
    const second = await call(server, { method: 'GET', url: `/api/v1/orgs?regionCode=440000&limit=2&cursor=${first.result!.nextCursor as string}` });
    const paged = [...(first.result!.items as Array<{ orgId: string }>), ...(second.result!.items as Array<{ orgId: string }>)].map((o) => o.orgId);
    expect(new Set(paged).size).toBe(3);
  });

  it('answers 400 naming cursor for a forged cursor, and for an over-large limit', async () => {
    const forged = await call(system.server, { method: 'GET', url: '/api/v1/orgs?cursor=bm90LWEtY3Vyc29y' });
    expect(forged.statusCode).toBe(400);
    expect(forged.result).toMatchObject({ details: [{ field: 'cursor' }] });
    const tooMany = await call(system.server, { method: 'GET', url: '/api/v1/orgs?limit=500' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.result).toMatchObject({ details: [{ field: 'limit' }] });
  });
});
