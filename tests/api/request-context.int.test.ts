import crypto from 'node:crypto';
import type { Plugin } from '@hapi/hapi';
import Joi from 'joi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventMetadata } from '../../api/request-context.js';
import { type TestServer, bearer, createTestServer } from './test-server.js';

const routes: Plugin<void> = {
  name: 'test-context',
  register(server) {
    server.route({ method: 'POST', path: '/commands', handler: (request) => eventMetadata(request) });
    server.route({ method: 'POST', path: '/public-commands', options: { auth: false }, handler: (request) => eventMetadata(request) });
    server.route({
      method: 'POST',
      path: '/sessions',
      options: { auth: false, validate: { payload: Joi.object({ username: Joi.string(), password: Joi.string() }) } },
      handler: () => ({ ok: true }),
    });
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ plugins: [routes] });
});
afterAll(async () => api?.close());

describe('request id and event metadata', () => {
  it('gives every response an X-Request-Id and carries it into event metadata with the actor', async () => {
    const accountId = crypto.randomUUID();
    const orgId = crypto.randomUUID();
    const response = await api.server.inject({ method: 'POST', url: '/api/v1/commands', headers: bearer(api.token({ accountId, role: 'unit', orgId })) });
    const requestId = response.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    expect(response.result).toEqual({ correlationId: requestId, actor: { id: accountId, role: 'unit', orgId } });
  });

  it('keeps a sane incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await api.server.inject({ method: 'POST', url: '/api/v1/public-commands', headers: { 'x-request-id': 'portal-7f3a.42' } });
    expect(kept.headers['x-request-id']).toBe('portal-7f3a.42');
    expect(kept.result).toEqual({ actor: { id: 'anonymous', role: 'public' }, correlationId: 'portal-7f3a.42' });

    const replaced = await api.server.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'evil"\\<script>' } });
    expect(replaced.headers['x-request-id']).not.toContain('<');
  });

  it('echoes the id on error responses too', async () => {
    const response = await api.server.inject({ method: 'POST', url: '/api/v1/commands', headers: { 'x-request-id': 'err-1' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('err-1');
  });

  it('logs method, path, status and duration, never tokens or passwords', async () => {
    const token = api.token();
    await api.server.inject({ method: 'POST', url: '/api/v1/commands', headers: { ...bearer(token), 'x-request-id': 'log-1' } });
    await api.server.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'li', password: 'S3cret-pass!' },
      headers: { 'x-request-id': 'log-2' },
    });
    const line = api.logs.find((entry) => entry.reqId === 'log-1');
    expect(line).toMatchObject({ method: 'POST', path: '/api/v1/commands', statusCode: 200 });
    expect(typeof line?.ms).toBe('number');
    const everything = JSON.stringify(api.logs);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('S3cret-pass!');
  });

  it('redacts secrets that code passes to the logger', () => {
    api.deps.logger.info({ payload: { password: 'hunter2' }, authorization: 'Bearer abc.def' }, 'careless');
    const line = api.logs.find((entry) => entry.msg === 'careless');
    expect(JSON.stringify(line)).not.toContain('hunter2');
    expect(JSON.stringify(line)).not.toContain('abc.def');
  });
});
