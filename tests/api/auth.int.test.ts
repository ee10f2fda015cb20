import crypto from 'node:crypto';
import type { Plugin } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../api/auth.js';
import { type TestServer, bearer, createTestServer } from './test-server.js';

const routes: Plugin<void> = {
  name: 'test-auth',
  register(server) {
    server.route({ method: 'GET', path: '/whoami', handler: (request) => request.auth.credentials });
    server.route({ method: 'GET', path: '/admin-only', options: { auth: { access: { scope: ['admin'] } }, handler: () => ({ ok: true }) } });
    server.route({
      method: 'PUT',
      path: '/accounts/me/password',
      options: { plugins: { jxjy: { allowRestricted: true } }, handler: () => ({ changed: true }) },
    });
    server.route({ method: 'GET', path: '/public', options: { auth: false, handler: () => ({ ok: true }) } });
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ plugins: [routes], config: { accessTokenTtl: 600 } });
});
afterAll(async () => api?.close());

const get = (url: string, headers: Record<string, string> = {}) => api.server.inject({ method: 'GET', url, headers });

describe('JWT auth', () => {
  it('maps a valid token to typed credentials with the role as scope', async () => {
    const accountId = crypto.randomUUID();
    const orgId = crypto.randomUUID();
    const response = await get('/api/v1/whoami', bearer(api.token({ accountId, role: 'unit', orgId })));
    expect(response.statusCode).toBe(200);
    expect(response.result).toMatchObject({ accountId, role: 'unit', orgId, restricted: false, scope: ['unit'] });
  });

  it('is the default: no token → 401 with our message', async () => {
    const response = await get('/api/v1/whoami');
    expect(response.statusCode).toBe(401);
    expect(response.result).toEqual({ statusCode: 401, error: 'Unauthorized', message: '未登录或登录已过期' });
    expect(response.headers['www-authenticate']).toContain('Bearer');
  });

  it('lets routes opt out with auth: false', async () => {
    expect((await get('/api/v1/public')).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    const { accessToken } = issueAccessToken(
      api.deps.config,
      { accountId: crypto.randomUUID(), role: 'person', subjectId: crypto.randomUUID() },
      Date.now() - 3600_000,
    );
    const response = await get('/api/v1/whoami', { ...bearer(accessToken), 'accept-language': 'en' });
    expect(response.statusCode).toBe(401);
    expect(response.result).toMatchObject({ message: 'Not signed in or the session has expired' });
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const [header, payload, signature] = api.token({ role: 'person' }).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', scope: ['admin'] })).toString('base64url');
    const response = await get('/api/v1/admin-only', bearer(`${header}.${forged}.${signature}`));
    expect(response.statusCode).toBe(401);
  });

  it('refuses a token signed with another secret', async () => {
    const other = issueAccessToken(
      { jwtSecret: crypto.randomBytes(32).toString('base64url'), accessTokenTtl: 600 },
      { accountId: crypto.randomUUID(), role: 'admin', subjectId: crypto.randomUUID() },
    );
    expect((await get('/api/v1/admin-only', bearer(other.accessToken))).statusCode).toBe(401);
  });

  it('refuses a token whose lifetime exceeds the configured one (maxAgeSec)', async () => {
    const longLived = issueAccessToken(
      { jwtSecret: api.deps.config.jwtSecret, accessTokenTtl: 7 * 86_400 },
      { accountId: crypto.randomUUID(), role: 'person', subjectId: crypto.randomUUID() },
      Date.now() - 3600_000,
    );
    expect((await get('/api/v1/whoami', bearer(longLived.accessToken))).statusCode).toBe(401);
  });

  it('answers a wrong role with 403 and our message', async () => {
    const response = await get('/api/v1/admin-only', bearer(api.token({ role: 'person' })));
    expect(response.statusCode).toBe(403);
    expect(response.result).toEqual({ statusCode: 403, error: 'Forbidden', message: '无权执行此操作' });
    expect((await get('/api/v1/admin-only', bearer(api.token({ role: 'admin' })))).statusCode).toBe(200);
  });

  it('refuses a restricted token everywhere except allowRestricted routes', async () => {
    const token = api.token({ role: 'admin', mustChangePassword: true });
    const whoami = await get('/api/v1/whoami', { ...bearer(token), 'accept-language': 'en' });
    expect(whoami.statusCode).toBe(403);
    expect(whoami.result).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'password change required',
      code: 'password_change_required',
    });
    const zh = await get('/api/v1/admin-only', bearer(token));
    expect(zh.result).toMatchObject({ statusCode: 403, message: '请先修改密码', code: 'password_change_required' });

    const change = await api.server.inject({ method: 'PUT', url: '/api/v1/accounts/me/password', headers: bearer(token) });
    expect(change.statusCode).toBe(200);
  });
});
