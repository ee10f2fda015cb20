/**
 * The authorisation matrix of every protected route: no token, an expired token and a tampered token → 401; a
 * restricted (must-change-password) token → 403 except on the password change; the wrong role → 403; the wrong
 * organisation → 404 (not visible). Public routes are listed so a new route cannot slip through unlisted.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, issueAccessToken } from '../../api/auth.js';
import { SAMPLE_PDF, multipart } from './actors.js';
import { ADMIN, type TestSystem, call as callJson, orgPayload, signIn, startTestSystem } from './system.js';

const PUBLIC = ['GET /api/v1/captcha', 'POST /api/v1/accounts', 'POST /api/v1/sessions', 'POST /api/v1/orgs', 'GET /api/v1/orgs', 'GET /api/v1/orgs/{orgId}', 'GET /api/v1/verify/{code}'];
// The key that verifies the log's seals is published to anyone.
PUBLIC.push('GET /api/v1/audit/public-key');
const taskId = crypto.randomUUID();
const orgId = crypto.randomUUID();
const recordId = crypto.randomUUID();
const declaration = { year: 2026, category: 'public', title: '公需科目培训', mode: 'training', startDate: '2026-03-02', endDate: '2026-03-02', hours: 8 };
const PROTECTED: Array<{ route: string; url: string; payload?: object; multipart?: boolean; roles: Role[] }> = [
  { route: 'GET /api/v1/me', url: '/api/v1/me', roles: ['person', 'unit', 'institution', 'admin', 'auditor'] },
  { route: 'PUT /api/v1/accounts/me/password', url: '/api/v1/accounts/me/password', payload: { currentPassword: 'Whatever2026', newPassword: 'Another2026x' }, roles: ['person', 'unit', 'institution', 'admin', 'auditor'] },
  { route: 'GET /api/v1/tasks', url: '/api/v1/tasks', roles: ['admin', 'unit', 'institution'] },
  { route: 'POST /api/v1/tasks/{taskId}/decision', url: `/api/v1/tasks/${taskId}/decision`, payload: { decision: 'approve' }, roles: ['admin', 'unit', 'institution'] },
  {
    route: 'POST /api/v1/orgs/{orgId}/applications',
    url: `/api/v1/orgs/${orgId}/applications`,
    payload: { name: '某单位', uscc: '91440101MA59XXXX0X', regionCode: '440100', contactName: '张三', contactPhone: '13800138000' },
    roles: ['unit', 'institution'],
  },
  { route: 'PUT /api/v1/me/profile', url: '/api/v1/me/profile', payload: { name: '张三' }, roles: ['person'] },
  { route: 'POST /api/v1/me/binding', url: '/api/v1/me/binding', payload: { unitId: orgId }, roles: ['person'] },
  { route: 'DELETE /api/v1/me/binding/pending', url: '/api/v1/me/binding/pending', roles: ['person'] },
  { route: 'GET /api/v1/me/binding', url: '/api/v1/me/binding', roles: ['person'] },
  { route: 'GET /api/v1/units/{unitId}/members', url: `/api/v1/units/${orgId}/members`, roles: ['unit', 'admin', 'auditor'] },
  { route: 'POST /api/v1/credit-records', url: '/api/v1/credit-records', payload: declaration, roles: ['person'] },
  { route: 'PATCH /api/v1/credit-records/{recordId}', url: `/api/v1/credit-records/${recordId}`, payload: { hours: 2 }, roles: ['person'] },
  { route: 'GET /api/v1/credit-records', url: '/api/v1/credit-records', roles: ['person'] },
  { route: 'GET /api/v1/credit-records/{recordId}', url: `/api/v1/credit-records/${recordId}`, roles: ['person', 'unit', 'admin', 'auditor'] },
  { route: 'POST /api/v1/credit-records/{recordId}/attachments', url: `/api/v1/credit-records/${recordId}/attachments`, multipart: true, roles: ['person'] },
  { route: 'DELETE /api/v1/credit-records/{recordId}/attachments/{attachmentId}', url: `/api/v1/credit-records/${recordId}/attachments/${taskId}`, roles: ['person'] },
  { route: 'GET /api/v1/credit-records/{recordId}/attachments/{attachmentId}', url: `/api/v1/credit-records/${recordId}/attachments/${taskId}`, roles: ['person', 'unit', 'admin', 'auditor'] },
  { route: 'POST /api/v1/credit-records/{recordId}/submit', url: `/api/v1/credit-records/${recordId}/submit`, roles: ['person'] },
  { route: 'POST /api/v1/credit-records/{recordId}/withdraw', url: `/api/v1/credit-records/${recordId}/withdraw`, roles: ['person'] },
  { route: 'POST /api/v1/credit-records/{recordId}/revoke', url: `/api/v1/credit-records/${recordId}/revoke`, payload: { reason: '材料造假' }, roles: ['admin'] },
  { route: 'GET /api/v1/me/credit-summary', url: '/api/v1/me/credit-summary', roles: ['person'] },
  { route: 'GET /api/v1/requirements/{year}', url: '/api/v1/requirements/2026', roles: ['person', 'unit', 'institution', 'admin', 'auditor'] },
  { route: 'PUT /api/v1/requirements/{year}', url: '/api/v1/requirements/2026', payload: { public: 30, professional: 42, elective: 18 }, roles: ['admin'] },
  { route: 'POST /api/v1/classes', url: '/api/v1/classes', payload: { title: '专题培训班', category: 'public', hours: 6, capacity: 10, startDate: '2026-12-10', endDate: '2026-12-10' }, roles: ['institution'] },
  { route: 'POST /api/v1/classes/{classId}/open', url: `/api/v1/classes/${recordId}/open`, roles: ['institution'] },
  { route: 'POST /api/v1/classes/{classId}/close', url: `/api/v1/classes/${recordId}/close`, roles: ['institution'] },
  { route: 'POST /api/v1/classes/{classId}/complete', url: `/api/v1/classes/${recordId}/complete`, payload: { attendeePersonIds: [] }, roles: ['institution'] },
  { route: 'GET /api/v1/classes', url: '/api/v1/classes', roles: ['person', 'institution', 'admin', 'auditor'] },
  { route: 'GET /api/v1/classes/{classId}', url: `/api/v1/classes/${recordId}`, roles: ['person', 'institution', 'admin', 'auditor'] },
  { route: 'POST /api/v1/classes/{classId}/enrolments', url: `/api/v1/classes/${recordId}/enrolments`, roles: ['person'] },
  { route: 'POST /api/v1/enrolments/{enrolmentId}/cancel', url: `/api/v1/enrolments/${recordId}/cancel`, roles: ['person'] },
  { route: 'GET /api/v1/me/enrolments', url: '/api/v1/me/enrolments', roles: ['person'] },
  {
    route: 'POST /api/v1/dishonesty-records', url: '/api/v1/dishonesty-records',
    payload: { personId: recordId, reason: '提供虚假学时证明', basis: '《专业技术人员继续教育规定》第二十八条', startDate: '2026-01-01', blocksCertificate: true }, roles: ['admin'],
  },
  { route: 'POST /api/v1/dishonesty-records/{recordId}/revoke', url: `/api/v1/dishonesty-records/${recordId}/revoke`, payload: { reason: '复核撤销' }, roles: ['admin'] },
  { route: 'GET /api/v1/me/dishonesty-records', url: '/api/v1/me/dishonesty-records', roles: ['person'] },
  { route: 'GET /api/v1/dishonesty-records', url: `/api/v1/dishonesty-records?personId=${recordId}`, roles: ['admin', 'auditor', 'unit'] },
  { route: 'GET /api/v1/me/certificates', url: '/api/v1/me/certificates', roles: ['person'] },
  { route: 'POST /api/v1/me/certificates/{year}', url: '/api/v1/me/certificates/2026', roles: ['person'] },
  { route: 'GET /api/v1/certificates/{certificateId}/pdf', url: `/api/v1/certificates/${recordId}/pdf`, roles: ['person', 'admin', 'auditor'] },
  { route: 'POST /api/v1/certificates/{certificateId}/revoke', url: `/api/v1/certificates/${recordId}/revoke`, payload: { reason: '学时造假' }, roles: ['admin'] },
  { route: 'POST /api/v1/statistics/runs', url: '/api/v1/statistics/runs', roles: ['admin'] },
  { route: 'GET /api/v1/statistics/runs', url: '/api/v1/statistics/runs', roles: ['admin', 'auditor'] },
  { route: 'POST /api/v1/legacy/imports', url: '/api/v1/legacy/imports?kind=records', multipart: true, roles: ['admin'] },
  { route: 'GET /api/v1/legacy/imports', url: '/api/v1/legacy/imports', roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/legacy/imports/{importId}', url: `/api/v1/legacy/imports/${recordId}`, roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/legacy/imports/{importId}/rejected', url: `/api/v1/legacy/imports/${recordId}/rejected`, roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/me/history/records', url: '/api/v1/me/history/records?period=2018', roles: ['person'] },
  { route: 'GET /api/v1/me/history/certificates', url: '/api/v1/me/history/certificates', roles: ['person'] },
  { route: 'GET /api/v1/me/history/certificates/{certificateNo}/pdf', url: '/api/v1/me/history/certificates/GD2018000001/pdf', roles: ['person'] },
  { route: 'POST /api/v1/staff', url: '/api/v1/staff', payload: { username: 'auditor_x1', name: '审计员', role: 'auditor' }, roles: ['admin'] },
  { route: 'GET /api/v1/audit/events', url: '/api/v1/audit/events', roles: ['auditor', 'admin'] },
  { route: 'GET /api/v1/audit/streams/{streamId}', url: `/api/v1/audit/streams/credit-${recordId}`, roles: ['auditor', 'admin'] },
  { route: 'POST /api/v1/audit/verify', url: '/api/v1/audit/verify', roles: ['auditor', 'admin'] },
  { route: 'POST /api/v1/audit/replays', url: '/api/v1/audit/replays', payload: { projection: 'credit_totals', asOf: { time: '2026-01-01T00:00:00Z' } }, roles: ['auditor', 'admin'] },
  { route: 'GET /api/v1/audit/replays/{replayId}', url: `/api/v1/audit/replays/${recordId}`, roles: ['auditor', 'admin'] },
  { route: 'GET /api/v1/audit/access-log', url: '/api/v1/audit/access-log', roles: ['admin'] },
  { route: 'GET /api/v1/credit-records/{recordId}/history', url: `/api/v1/credit-records/${recordId}/history`, roles: ['person', 'unit', 'admin', 'auditor'] },
  { route: 'GET /api/v1/bindings/{personId}/history', url: `/api/v1/bindings/${recordId}/history`, roles: ['person', 'unit', 'admin', 'auditor'] },
  { route: 'GET /api/v1/enrolments/{enrolmentId}/history', url: `/api/v1/enrolments/${recordId}/history`, roles: ['person', 'institution', 'admin', 'auditor'] },
  { route: 'GET /api/v1/certificates/{certificateId}/history', url: `/api/v1/certificates/${recordId}/history`, roles: ['person', 'admin', 'auditor'] },
  { route: 'GET /api/v1/dishonesty-records/{recordId}/history', url: `/api/v1/dishonesty-records/${recordId}/history`, roles: ['person', 'unit', 'admin', 'auditor'] },
  { route: 'GET /api/v1/statistics/runs/{runId}', url: '/api/v1/statistics/runs/statistics-admin-x', roles: ['admin', 'auditor'] },
  { route: 'POST /api/v1/audit/seals', url: '/api/v1/audit/seals', roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/audit/seals', url: '/api/v1/audit/seals', roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/audit/seals/{sealId}/proof', url: `/api/v1/audit/seals/${recordId}/proof?eventId=${taskId}`, roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/audit/seals/consistency', url: `/api/v1/audit/seals/consistency?from=${recordId}&to=${taskId}`, roles: ['admin', 'auditor'] },
  { route: 'GET /api/v1/audit/export', url: '/api/v1/audit/export', roles: ['admin', 'auditor'] },
];

describe('authorisation of every route', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  const mint = (role: Role, extra: { expiredAt?: number; restricted?: boolean; orgId?: string } = {}) =>
    issueAccessToken(
      system.config,
      { accountId: crypto.randomUUID(), role, subjectId: crypto.randomUUID(), ...(extra.orgId ? { orgId: extra.orgId } : {}), mustChangePassword: extra.restricted ?? false },
      extra.expiredAt ?? Date.now(),
    ).accessToken;
  const method = (route: string) => route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  // hapi parses the payload before it checks the scope, so an upload route is probed with a real upload.
  const upload = multipart('file', 'a.pdf', SAMPLE_PDF);
  const call = (server: TestSystem['server'], request: Parameters<typeof callJson>[1] & { multipart?: boolean }) =>
    request.multipart
      ? (server.inject({ method: request.method, url: request.url, payload: upload.payload, headers: { ...upload.headers, ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) } }) as ReturnType<typeof callJson>)
      : callJson(server, request);

  it('covers every route the server has: each is either public or in the matrix', () => {
    const routes = system.server.table().filter((r) => r.path.startsWith('/api/v1')).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(routes.sort()).toEqual([...PUBLIC, ...PROTECTED.map((p) => p.route)].sort());
    for (const r of system.server.table().filter((x) => PUBLIC.includes(`${x.method.toUpperCase()} ${x.path}`))) {
      // hapi stores `auth: false` as false at run time, which its typings do not admit.
      const auth: unknown = r.settings.auth;
      expect(auth === false || (auth as { mode?: string } | undefined)?.mode === 'optional', r.path).toBe(true);
    }
  });

  for (const { route, url, payload, multipart: isUpload, roles } of PROTECTED) {
    describe(route, () => {
      it('401 without a token, with an expired token and with a tampered token', async () => {
        expect((await call(system.server, { method: method(route), url, payload, multipart: isUpload })).statusCode).toBe(401);
        const expired = mint(roles[0]!, { expiredAt: Date.now() - 3_600_000 });
        expect((await call(system.server, { method: method(route), url, payload, multipart: isUpload, token: expired })).statusCode).toBe(401);
        const good = mint(roles[0]!);
        const tampered = good.slice(0, -3) + (good.endsWith('aaa') ? 'bbb' : 'aaa');
        expect((await call(system.server, { method: method(route), url, payload, multipart: isUpload, token: tampered })).statusCode).toBe(401);
        const [header, body, signature] = good.split('.');
        const forged = JSON.parse(Buffer.from(body!, 'base64url').toString());
        forged.role = forged.role === 'admin' ? 'unit' : 'admin'; // a claim changed without re-signing
        const escalated = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
        expect((await call(system.server, { method: method(route), url, payload, multipart: isUpload, token: escalated })).statusCode).toBe(401);
      });

      it('403 for a restricted token unless it is the password change', async () => {
        const response = await call(system.server, { method: method(route), url, payload, multipart: isUpload, token: mint(roles[0]!, { restricted: true }) });
        // The password change lets the restricted token through to its handler, which then finds no account behind
        // this minted token (401); every other route stops it at the gate (403). The full flow is in login.int.test.ts.
        if (route === 'PUT /api/v1/accounts/me/password') expect(response.statusCode).toBe(401);
        else expect(response.statusCode).toBe(403);
      });

      const refused = (['person', 'unit', 'institution', 'admin', 'auditor'] as Role[]).filter((role) => !roles.includes(role));
      it.runIf(refused.length > 0)(`403 for the roles it does not serve (${refused.join(', ')})`, async () => {
        for (const role of refused) {
          const response = await call(system.server, { method: method(route), url, payload, multipart: isUpload, token: mint(role, { orgId: crypto.randomUUID() }) });
          expect(response.statusCode, role).toBe(403);
        }
      });
    });
  }

  it('404 for the wrong organisation: another unit’s tasks, another org’s application', async () => {
    const { server } = system;
    const adminToken = await signIn(server, ADMIN.username, ADMIN.password);
    const approve = async () => {
      const payload = await orgPayload(server);
      const registered = await call(server, { method: 'POST', url: '/api/v1/orgs', payload });
      const id = registered.result!.orgId as string;
      const inbox = await call(server, { method: 'GET', url: `/api/v1/tasks?status=open&after=${encodeURIComponent(registered.result!.position as string)}`, token: adminToken });
      const task = (inbox.result!.items as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === id)!;
      expect((await call(server, { method: 'POST', url: `/api/v1/tasks/${task.taskId}/decision`, token: adminToken, payload: { decision: 'approve' } })).statusCode).toBe(200);
      return { id, token: await signIn(server, payload.reviewerUsername, payload.reviewerPassword), payload };
    };
    const a = await approve();
    const b = await approve();
    const other = await call(server, {
      method: 'POST',
      url: `/api/v1/orgs/${a.id}/applications`,
      token: b.token,
      payload: { name: '冒名单位', uscc: b.payload.uscc, regionCode: '440100', contactName: '王五', contactPhone: '13800138000' },
    });
    expect(other.statusCode).toBe(404);
    // An org's full record (with its USCC) is for admin and its own reviewers; another org sees public fields only.
    const full = await call(server, { method: 'GET', url: `/api/v1/orgs/${a.id}`, token: a.token });
    expect(full.result).toHaveProperty('uscc');
    const publicView = await call(server, { method: 'GET', url: `/api/v1/orgs/${a.id}`, token: b.token });
    expect(publicView.result).not.toHaveProperty('uscc');
  });
});
