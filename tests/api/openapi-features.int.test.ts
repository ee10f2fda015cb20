/** The OpenAPI document of the real feature plugins (not a test plugin) is valid OpenAPI 3 and lists every route. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featurePlugins } from '../../api/plugins.js';
import { type TestServer, createTestServer } from './test-server.js';

describe('OpenAPI of the feature routes', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await createTestServer({ plugins: featurePlugins });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('is valid and documents every /api/v1 route with its schemas', async () => {
    const doc = (await test.server.inject('/openapi.json')).result as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of test.server.table().filter((r) => r.path.startsWith('/api/v1'))) {
      expect(doc.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    expect(doc.paths['/api/v1/orgs']?.post?.requestBody).toBeDefined();
  });
});
