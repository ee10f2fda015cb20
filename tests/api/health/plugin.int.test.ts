import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../events/store/database.js';
import { openTestDatabase } from '../../support/databases.js';
import { type TestServer, createTestServer } from '../test-server.js';

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

describe('GET /health', () => {
  it('answers 200 with every check ok, publicly', async () => {
    api = await createTestServer({ db, projections: { status: async () => ({ position: '0000000000000042', lag: 3 }) } });
    const response = await api.server.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.result).toEqual({
      status: 'ok',
      checks: {
        store: { status: 'ok' },
        temporal: { status: 'ok' },
        projections: { status: 'ok', lag: 3, position: '0000000000000042' },
      },
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 naming the failing check, the others still reported', async () => {
    api = await createTestServer({
      db,
      temporal: {
        check: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:7233');
        },
      },
    });
    const response = await api.server.inject('/health');
    expect(response.statusCode).toBe(503);
    expect(response.result).toMatchObject({
      status: 'error',
      checks: {
        store: { status: 'ok' },
        temporal: { status: 'error', message: 'connect ECONNREFUSED 127.0.0.1:7233' },
        projections: { status: 'ok' },
      },
    });
  });

  it('marks a closed store as failing', async () => {
    api = await createTestServer({ db });
    await api.deps.store.close();
    const response = await api.server.inject('/health');
    expect(response.statusCode).toBe(503);
    expect(response.result).toMatchObject({ checks: { store: { status: 'error' }, temporal: { status: 'ok' } } });
  });

  it('times out a hanging check instead of hanging the probe', async () => {
    api = await createTestServer({ db, healthTimeoutMs: 100, projections: { status: () => new Promise(() => {}) } });
    const started = Date.now();
    const response = await api.server.inject('/health');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.statusCode).toBe(503);
    expect(response.result).toMatchObject({ checks: { projections: { status: 'error', message: 'no answer within 100 ms' } } });
  });

  it('hides failure reasons in production (the log keeps them)', async () => {
    api = await createTestServer({
      db,
      config: { production: true },
      temporal: {
        check: async () => {
          throw new Error('connect ECONNREFUSED 10.1.2.3:7233');
        },
      },
    });
    const response = await api.server.inject('/health');
    expect(response.payload).not.toContain('10.1.2.3');
    expect(response.result).toMatchObject({ checks: { temporal: { status: 'error', message: 'unavailable' } } });
  });
});
