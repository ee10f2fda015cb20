import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../events/store/database.js';
import { openTestDatabase } from '../../support/databases.js';
import { type TestServer, createTestServer } from '../test-server.js';

const PORTAL = 'https://portal.example.gov.cn';
let dir: string;
let api: TestServer | undefined;
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-components-'));
  fs.writeFileSync(path.join(dir, 'jxjy.js'), 'export const loaded = true;\n');
  fs.writeFileSync(path.join(dir, '.secret'), 'hidden');
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db?.close();
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('static serving', () => {
  it('serves the demo portal page at /', async () => {
    api = await createTestServer({ db, componentsDir: path.join(dir, 'missing') });
    const response = await api.server.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.payload).toContain('<html lang="zh-CN">');
    expect(response.payload).toContain('广东省专业技术人员继续教育管理系统');
    expect(response.payload).toContain('<script type="module" src="/components/jxjy.js"></script>');
    expect(response.payload).toContain('<jxjy-config api-base="">');
  });

  it('answers 404 with our body when the bundle has not been built', async () => {
    api = await createTestServer({ db, componentsDir: path.join(dir, 'missing') });
    for (const url of ['/components/jxjy.js', '/components/']) {
      const response = await api.server.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.result).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('serves bundle files with short caching and CORS for portal origins', async () => {
    api = await createTestServer({ db, componentsDir: dir, config: { corsOrigins: [PORTAL] } });
    const response = await api.server.inject({ url: '/components/jxjy.js', headers: { origin: PORTAL } });
    expect(response.statusCode).toBe(200);
    expect(response.payload).toContain('loaded = true');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('max-age=300, must-revalidate, public');
    expect(response.headers.etag).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
  });

  it('lists nothing and serves no hidden files or paths outside the bundle', async () => {
    api = await createTestServer({ db, componentsDir: dir });
    for (const url of ['/components/', '/components/.secret', '/components/..%2F..%2Fetc%2Fpasswd']) {
      const response = await api.server.inject(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.payload, url).not.toContain('hidden');
    }
  });
});
