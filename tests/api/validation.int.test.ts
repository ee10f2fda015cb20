import type { Plugin } from '@hapi/hapi';
import Joi from 'joi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, createTestServer } from './test-server.js';

const orgs: Plugin<void> = {
  name: 'test-validation',
  register(server) {
    server.route({
      method: 'POST',
      path: '/orgs/{regionCode}',
      options: {
        auth: false,
        validate: {
          params: Joi.object({ regionCode: Joi.string().pattern(/^\d{6}$/).required() }),
          query: Joi.object({ dryRun: Joi.boolean() }),
          payload: Joi.object({
            uscc: Joi.string().length(18).required(),
            kind: Joi.string().valid('unit', 'institution').required(),
            hours: Joi.number().multiple(0.5).min(0.5),
            items: Joi.array().items(Joi.object({ name: Joi.string().required() })),
          }),
        },
        handler: (request) => ({ ok: true, regionCode: request.params.regionCode }),
      },
    });
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ plugins: [orgs] });
});
afterAll(async () => api?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  api.server.inject({ method: 'POST', url, payload: payload as object, headers });

const valid = { uscc: '91440101MA5CXXXX0X', kind: 'unit' };

describe('joi validation failAction', () => {
  it('passes valid input through', async () => {
    const response = await post('/api/v1/orgs/440100', valid);
    expect(response.statusCode).toBe(200);
  });

  it('answers 400 naming every bad field, in zh-CN by default', async () => {
    const response = await post('/api/v1/orgs/440100', { kind: 'school', items: [{}], extra: 1 });
    expect(response.statusCode).toBe(400);
    const body = response.result as { statusCode: number; error: string; message: string; details: { field: string; message: string }[] };
    expect(body.statusCode).toBe(400);
    expect(body.error).toBe('Bad Request');
    expect(body.details.map((d) => d.field).sort()).toEqual(['extra', 'items.0.name', 'kind', 'uscc']);
    const byField = Object.fromEntries(body.details.map((d) => [d.field, d.message]));
    // Fields are named by their label in the reader's language; one without a label keeps its key.
    expect(byField.uscc).toBe('「统一社会信用代码」为必填项');
    expect(byField['items.0.name']).toBe('「名称」为必填项');
    expect(byField.kind).toBe('「类型」必须是以下值之一：[unit, institution]');
    expect(byField.extra).toBe('不允许提供字段"extra"');
    expect(body.message).toContain('「统一社会信用代码」为必填项');
  });

  it('answers in English when Accept-Language prefers en', async () => {
    const response = await post('/api/v1/orgs/440100', { kind: 'unit', uscc: 'short' }, { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' });
    expect(response.statusCode).toBe(400);
    expect(response.result).toMatchObject({
      details: [{ field: 'uscc', message: 'Unified social credit code length must be 18 characters long' }],
    });
  });

  it('validates params and query the same way, without the source prefix in field', async () => {
    const params = await post('/api/v1/orgs/44', valid);
    expect(params.statusCode).toBe(400);
    expect(params.result).toMatchObject({ details: [{ field: 'regionCode', message: '「行政区划代码」的格式不正确' }] });

    const query = await post('/api/v1/orgs/440100?dryRun=perhaps', valid);
    expect(query.statusCode).toBe(400);
    expect(query.result).toMatchObject({ details: [{ field: 'dryRun', message: '"dryRun"必须是布尔值（true 或 false）' }] });
  });

  it('names number rules in zh-CN', async () => {
    const response = await post('/api/v1/orgs/440100', { ...valid, hours: 0.7 });
    expect(response.result).toMatchObject({ details: [{ field: 'hours', message: '「学时」必须是0.5的倍数' }] });
  });

  it('answers malformed JSON with our 400 body', async () => {
    const response = await api.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/440100',
      payload: '{"uscc": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.result).toEqual({ statusCode: 400, error: 'Bad Request', message: '请求参数有误，请检查后重试' });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await api.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/440100',
      payload: 'x',
      headers: { 'content-type': 'application/x-unknown' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.result).toMatchObject({ statusCode: 415, message: '不支持的内容类型' });
  });
});
