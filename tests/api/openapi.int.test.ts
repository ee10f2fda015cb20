import type { Plugin } from '@hapi/hapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import Joi from 'joi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../api/openapi.js';
import { type TestServer, createTestServer } from './test-server.js';

const orgs: Plugin<void> = {
  name: 'test-orgs',
  register(server) {
    server.route({
      method: 'POST',
      path: '/orgs',
      options: {
        auth: false,
        description: 'Register an organisation',
        notes: 'Opens an org-approval task for admin.',
        tags: ['orgs'],
        plugins: { jxjy: { successStatus: 201 } },
        validate: {
          payload: Joi.object({
            kind: Joi.string().valid('unit', 'institution').required(),
            uscc: Joi.string().pattern(/^[0-9A-HJ-NPQRTUWXY]{18}$/).required().description('统一社会信用代码'),
            contacts: Joi.array().items(Joi.object({ name: Joi.string().required() })),
          }),
        },
        response: { schema: Joi.object({ orgId: Joi.string().guid().required(), status: Joi.string().valid('pending') }) },
        handler: (_request, h) => h.response({ orgId: '5b0b6f7e-8c1e-4c2a-9a55-3f1f0f3f7a10', status: 'pending' }).code(201),
      },
    });
    server.route({
      method: 'GET',
      path: '/orgs/{orgId}',
      options: {
        auth: { access: { scope: ['admin', 'auditor'] } },
        validate: {
          params: Joi.object({ orgId: Joi.string().guid().required().description('organisation id') }),
          query: Joi.object({ after: Joi.string(), limit: Joi.number().integer().min(1).max(200).default(20) }),
        },
        handler: () => ({}),
      },
    });
  },
};

let api: TestServer;
let doc: OpenApiDocument;
beforeAll(async () => {
  api = await createTestServer({ plugins: [orgs] });
  doc = (await api.server.inject('/openapi.json')).result as OpenApiDocument;
});
afterAll(async () => api?.close());

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.0.3 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.0.3');
  });

  it('documents a feature route with its joi payload and response schemas', () => {
    const op = doc.paths['/api/v1/orgs']?.post;
    expect(op).toMatchObject({ summary: 'Register an organisation', description: 'Opens an org-approval task for admin.', tags: ['orgs'], security: [] });
    expect(op?.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: ['kind', 'uscc'],
      properties: {
        kind: { type: 'string', enum: ['unit', 'institution'] },
        uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码' },
        contacts: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    });
    expect(op?.responses['201']?.content?.['application/json']?.schema).toMatchObject({
      properties: { orgId: { type: 'string', format: 'uuid' } },
    });
  });

  it('documents params, query, bearer security and scopes', () => {
    const op = doc.paths['/api/v1/orgs/{orgId}']?.get;
    expect(op?.security).toEqual([{ bearerAuth: [] }]);
    expect(op?.['x-scopes']).toEqual(['admin', 'auditor']);
    expect(op?.parameters).toEqual(
      expect.arrayContaining([
        { name: 'orgId', in: 'path', required: true, description: 'organisation id', schema: { type: 'string', format: 'uuid' } },
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
      ]),
    );
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('includes /health and leaves out the static and docs routes', () => {
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(Object.keys(doc.paths).filter((path) => path === '/' || path.startsWith('/components') || path.startsWith('/docs') || path === '/openapi.json')).toEqual([]);
  });

  it('renders /docs as self-contained HTML listing the operations', async () => {
    const response = await api.server.inject('/docs');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.payload).toContain('/api/v1/orgs/{orgId}');
    expect(response.payload).toContain('uscc');
    expect(response.payload).toContain('统一社会信用代码');
    expect(response.payload).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});
