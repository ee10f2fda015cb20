import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../events/store/database.js';
import { openTestDatabase } from '../support/databases.js';
import { type TestServer, createTestServer } from './test-server.js';

const PORTAL = 'https://portal.example.gov.cn';
let api: TestServer | undefined;
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase('pglite');
});
afterAll(async () => db?.close());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const preflight = (origin: string) =>
  api!.server.inject({
    method: 'OPTIONS',
    url: '/health',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

describe('security headers and CORS', () => {
  it('sets CSP, nosniff, X-Frame-Options DENY and no-referrer on every response, no HSTS outside production', async () => {
    api = await createTestServer({ db });
    for (const url of ['/health', '/', '/api/v1/nothing-here']) {
      const { headers } = await api.server.inject(url);
      expect(headers['content-security-policy'], url).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
      );
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      expect(headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends no CORS headers when no portal origin is configured', async () => {
    api = await createTestServer({ db });
    const response = await api.server.inject({ url: '/health', headers: { origin: PORTAL } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from a configured portal origin, and not from others', async () => {
    api = await createTestServer({ db, config: { corsOrigins: [PORTAL] } });
    const allowed = await preflight(PORTAL);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');

    const refused = await preflight('https://evil.example.com');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const actual = await api.server.inject({ url: '/health', headers: { origin: PORTAL } });
    expect(actual.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(String(actual.headers['access-control-expose-headers'])).toContain('X-Request-Id');
    expect(String(actual.headers['access-control-expose-headers'])).toContain('Retry-After');
    expect(String(actual.headers['access-control-expose-headers'])).toContain('Content-Disposition');
  });

  it('lets configured portals frame us through frame-ancestors instead of X-Frame-Options', async () => {
    api = await createTestServer({ db, config: { corsOrigins: [PORTAL, 'https://hr.example.cn'] } });
    const { headers } = await api.server.inject('/');
    expect(headers['content-security-policy']).toContain(`frame-ancestors ${PORTAL} https://hr.example.cn;`);
    expect(headers['x-frame-options']).toBeUndefined();
  });

  it('adds HSTS in production', async () => {
    api = await createTestServer({ db, config: { production: true } });
    const { headers } = await api.server.inject('/health');
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
