import crypto from 'node:crypto';
import type { Plugin } from '@hapi/hapi';
import Joi from 'joi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterQuery, waitForPosition } from '../../api/read-your-writes.js';
import { withTemporal } from '../../api/temporal-client.js';
import { type TestServer, createTestServer } from './test-server.js';

const routes: Plugin<void> = {
  name: 'test-dependencies',
  register(server) {
    server.route({
      method: 'GET',
      path: '/totals',
      options: { auth: false, validate: { query: Joi.object({ ...afterQuery }) } },
      handler: async (request) => {
        await waitForPosition(request, typeof request.query.after === 'string' ? request.query.after : undefined, ['totals'], 50);
        return { ok: true };
      },
    });
    server.route({
      method: 'POST',
      path: '/commands',
      options: { auth: false },
      handler: (request) => withTemporal(request, async () => ({ ok: true })),
    });
  },
};

let api: TestServer;
const waited: string[] = [];
// Real positions (a position beyond anything written is refused before any wait): the projections have passed the
// first, not the second.
let applied: string;
let pending: string;
beforeAll(async () => {
  api = await createTestServer({
    plugins: [routes],
    projections: {
      waitFor: async (position, _timeoutMs, names) => {
        waited.push(`${position} ${names?.join(',')}`);
        return position <= applied;
      },
    },
  });
  const event = () => [{ eventId: crypto.randomUUID(), type: 'Tested', data: {} }];
  ({ position: applied } = await api.deps.store.append(`test-${crypto.randomUUID()}`, event()));
  ({ position: pending } = await api.deps.store.append(`test-${crypto.randomUUID()}`, event()));
});
afterAll(async () => api?.close());

describe('read-your-writes and Temporal availability', () => {
  it('answers a query once the projections have passed ?after', async () => {
    const response = await api.server.inject(`/api/v1/totals?after=${applied}`);
    expect(response.statusCode).toBe(200);
    expect(waited).toContain(`${applied} totals`);
  });

  it('refuses an ?after that is not a position (400), without waiting', async () => {
    const response = await api.server.inject('/api/v1/totals?after=~');
    expect(response.statusCode).toBe(400);
    expect(response.result).toMatchObject({ details: [{ field: 'after' }] });
  });

  it('answers 503 when the projections do not catch up in time', async () => {
    const response = await api.server.inject(`/api/v1/totals?after=${pending}`);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.result).toMatchObject({ message: '数据仍在更新中，请稍后刷新' });
  });

  it('answers 503 when Temporal is not connected', async () => {
    const response = await api.server.inject({ method: 'POST', url: '/api/v1/commands', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.result).toMatchObject({ message: 'The workflow service is temporarily unavailable; try again later' });
  });
});
