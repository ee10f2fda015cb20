import type { Plugin } from '@hapi/hapi';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../api/errors.js';
import { t } from '../../api/i18n.js';
import { StoreUnavailableError, WrongExpectedVersionError } from '../../events/store/event-store.js';
import { type TestServer, createTestServer } from './test-server.js';

const throwing: Record<string, () => Error> = {
  validation: () => new ValidationError(undefined, { details: [{ field: 'uscc', message: 'bad uscc' }] }),
  unprocessable: () => new UnprocessableError({ zh: '驳回时必须填写原因', en: 'a reason is required to reject' }, { details: [{ field: 'reason', message: { zh: '必填', en: 'required' } }] }),
  unauthorized: () => new UnauthorizedError(),
  forbidden: () => new ForbiddenError(),
  'not-found': () => new NotFoundError(),
  conflict: () => new ConflictError(),
  'too-large': () => new PayloadTooLargeError(),
  'unsupported-media': () => new UnsupportedMediaTypeError(),
  'rate-limited': () => new RateLimitedError(120),
  unavailable: () => new UnavailableError(),
  'store-unavailable': () => new StoreUnavailableError('connect ECONNREFUSED 10.0.0.7:5432'),
  'wrong-version': () => new WrongExpectedVersionError('credit-1', 3n, 4n),
  'workflow-invalid-transition': () =>
    new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type: 'InvalidTransition', message: 'already submitted' })),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'secretColumn')"),
};

const testErrors: Plugin<void> = {
  name: 'test-errors',
  register(server) {
    server.route({
      method: 'GET',
      path: '/errors/{kind}',
      options: {
        auth: false,
        handler: (request) => {
          const make = throwing[String(request.params.kind)];
          if (!make) return { ok: true };
          throw make();
        },
      },
    });
    server.route({
      method: 'GET',
      path: '/localized-conflict',
      options: {
        auth: false,
        handler: (request) => {
          throw new ConflictError(t(request, { zh: '该记录已提交', en: 'The record was already submitted' }));
        },
      },
    });
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await createTestServer({ plugins: [testErrors] });
});
afterAll(async () => api?.close());

const get = (url: string, headers: Record<string, string> = {}) => api.server.inject({ method: 'GET', url, headers });

describe('error taxonomy → HTTP', () => {
  it.each([
    ['validation', 400, 'Bad Request'],
    ['unprocessable', 422, 'Unprocessable Entity'],
    ['unauthorized', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'],
    ['not-found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['too-large', 413, 'Payload Too Large'],
    ['unsupported-media', 415, 'Unsupported Media Type'],
    ['rate-limited', 429, 'Too Many Requests'],
    ['unavailable', 503, 'Service Unavailable'],
    ['store-unavailable', 503, 'Service Unavailable'],
    ['wrong-version', 409, 'Conflict'],
    ['workflow-invalid-transition', 409, 'Conflict'],
    ['bug', 500, 'Internal Server Error'],
  ])('%s → %i', async (kind, statusCode, error) => {
    const response = await get(`/api/v1/errors/${kind}`);
    expect(response.statusCode).toBe(statusCode);
    const body = response.result as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode, error });
    expect(typeof body.message).toBe('string');
    expect(String(body.message).length).toBeGreaterThan(0);
    expect(Object.keys(body).every((key) => ['statusCode', 'error', 'message', 'details', 'code'].includes(key))).toBe(true);
  });

  it('uses the generic message of the status in zh-CN by default and English on request', async () => {
    expect((await get('/api/v1/errors/unauthorized')).result).toMatchObject({ message: '未登录或登录已过期' });
    expect((await get('/api/v1/errors/unauthorized', { 'accept-language': 'en-US,en;q=0.9' })).result).toMatchObject({
      message: 'Not signed in or the session has expired',
    });
  });

  it('resolves {zh, en} messages and details in the caller language', async () => {
    expect((await get('/api/v1/errors/unprocessable')).result).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: '驳回时必须填写原因',
      details: [{ field: 'reason', message: '必填' }],
    });
    expect((await get('/api/v1/errors/unprocessable', { 'accept-language': 'en' })).result).toMatchObject({
      message: 'a reason is required to reject',
      details: [{ field: 'reason', message: 'required' }],
    });
  });

  it('lets a route localize its own message with t()', async () => {
    expect((await get('/api/v1/localized-conflict')).result).toMatchObject({ statusCode: 409, message: '该记录已提交' });
    expect((await get('/api/v1/localized-conflict', { 'accept-language': 'en' })).result).toMatchObject({
      message: 'The record was already submitted',
    });
  });

  it('sends Retry-After with 429', async () => {
    const response = await get('/api/v1/errors/rate-limited');
    expect(response.headers['retry-after']).toBe('120');
  });

  it('never leaks internals of a 500 and logs it with the request id', async () => {
    const response = await get('/api/v1/errors/bug', { 'x-request-id': 'trace-500-check' });
    expect(response.payload).not.toContain('secretColumn');
    expect(response.payload).not.toMatch(/at .*\.ts:\d+/);
    expect(response.result).toMatchObject({ message: '服务器内部错误，请稍后再试' });
    const logged = api.logs.find((line) => line.reqId === 'trace-500-check' && line.msg === 'request failed');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('secretColumn');
  });

  it('does not leak the store address of a 503', async () => {
    const response = await get('/api/v1/errors/store-unavailable');
    expect(response.payload).not.toContain('10.0.0.7');
  });

  it("reshapes hapi's own errors (unknown route)", async () => {
    const missing = await get('/api/v1/no-such-route');
    expect(missing.statusCode).toBe(404);
    expect(missing.result).toEqual({ statusCode: 404, error: 'Not Found', message: '未找到所请求的内容' });
  });

  it('answers 405 with Allow for a method the path does not take, TRACE included', async () => {
    const wrong = await api.server.inject({ method: 'DELETE', url: '/api/v1/errors/conflict' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD');
    expect(wrong.result).toEqual({ statusCode: 405, error: 'Method Not Allowed', message: '不支持该请求方法' });
    for (const url of ['/api/v1/errors/conflict', '/health', '/api/v1/no-such-route']) {
      const trace = await api.server.inject({ method: 'TRACE', url });
      expect(trace.statusCode, url).toBe(405);
    }
    // A method the path does take is untouched, and an unknown path is still a 404.
    expect((await api.server.inject({ method: 'HEAD', url: '/health' })).statusCode).toBe(200);
    expect((await api.server.inject({ method: 'POST', url: '/api/v1/no-such-route' })).statusCode).toBe(404);
  });

  it('warns at start when the captcha reveals its answers', async () => {
    const revealing = await createTestServer({ config: { captcha: 'reveal' } });
    const quiet = await createTestServer({ config: { captcha: 'on' } });
    try {
      expect(revealing.logs.some((line) => line.level === 40 && String(line.msg).includes('JXJY_CAPTCHA=reveal'))).toBe(true);
      expect(quiet.logs.some((line) => String(line.msg).includes('JXJY_CAPTCHA=reveal'))).toBe(false);
    } finally {
      await revealing.close();
      await quiet.close();
    }
  });
});
