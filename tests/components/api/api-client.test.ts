// ApiClient against a stubbed window.fetch: headers, URL joining (api-base with or without /api/v1), no protected
// request without a token, one host-driven token refresh, ApiError parsing (the body's extra fields as facts).
import { expect } from '@open-wc/testing';
import {
  ApiClient,
  ApiError,
  isSignInRequired,
  normalizeApiBase,
  type ApiClientOptions,
} from '../../../components/api/api-client.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

let calls: Call[];
let replies: (Response | Error)[];
const realFetch = window.fetch;

beforeEach(() => {
  calls = [];
  replies = [];
  window.fetch = (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body });
    const reply = replies.shift();
    if (!reply) return Promise.reject(new Error('test made an unexpected request'));
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
});
afterEach(() => {
  window.fetch = realFetch;
});

const status = (code: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status: code,
    headers: { 'Content-Type': 'application/json' },
  });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the request to fail');
}

/** A host element in the document, so events must bubble to reach the listener on `document`. */
function clientWith(token: { value: string | undefined }, opts: ApiClientOptions = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  return new ApiClient({ getToken: () => token.value, host, ...opts });
}

describe('ApiClient', () => {
  it('sends bearer, Accept-Language, JSON body, and joins api-base without a double slash', async () => {
    replies.push(status(200, { id: 'a' }));
    const api = clientWith({ value: 't1' }, { apiBase: 'https://api.test/', lang: 'en' });
    expect(await api.post('/api/v1/things', { n: 1 })).to.deep.equal({ id: 'a' });
    const [call] = calls;
    expect(call!.url).to.equal('https://api.test/api/v1/things');
    expect(call!.method).to.equal('POST');
    expect(call!.headers.get('Authorization')).to.equal('Bearer t1');
    expect(call!.headers.get('Accept-Language')).to.equal('en');
    expect(call!.headers.get('Content-Type')).to.equal('application/json');
    expect(call!.body).to.equal('{"n":1}');
  });

  it('accepts api-base with or without the /api/v1 prefix and trailing slashes (CONTRACT.md Components)', async () => {
    const bases = ['https://api.test', 'https://api.test/', 'https://api.test/api/v1', 'https://api.test/api/v1/', ' https://api.test/api/v1// '];
    for (const apiBase of bases) {
      replies.push(status(200, {}));
      await clientWith({ value: 't' }, { apiBase }).get('/api/v1/me');
    }
    expect(calls.map((c) => c.url)).to.deep.equal(bases.map(() => 'https://api.test/api/v1/me'));
    expect(['/api/v1', '/api/v1/', '', undefined].map(normalizeApiBase)).to.deep.equal(['', '', '', '']);
    expect(normalizeApiBase('https://gw.test/jxjy/api/v1')).to.equal('https://gw.test/jxjy');
  });

  it('sends no protected request without a token: it fails with a localized sign-in-required error instead', async () => {
    for (const [lang, message] of [['zh-CN', '请先登录后再使用此功能。'], ['en', 'Please sign in to use this.']] as const) {
      const err = await rejection(clientWith({ value: undefined }, { lang }).get('/api/v1/tasks'));
      expect(isSignInRequired(err), 'sign-in required').to.equal(true);
      expect(err).to.include({ status: 401, code: 'sign_in_required', message });
    }
    expect(await rejection(clientWith({ value: '' }).get('/api/v1/tasks'))).to.include({ code: 'sign_in_required' });
    expect(calls).to.have.length(0);
  });

  it('defaults to same origin and zh-CN, sends a public request (auth: false) with no Authorization, and maps 204 to undefined', async () => {
    replies.push(new Response(null, { status: 204 }));
    expect(await new ApiClient().delete('/api/v1/things/1', { auth: false })).to.equal(undefined);
    expect(calls[0]!.url).to.equal('/api/v1/things/1');
    expect(calls[0]!.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(calls[0]!.headers.has('Authorization')).to.equal(false);
  });

  it('on 401 fires jxjy-token-expired, waits for the host refresh, and retries with the new bearer', async () => {
    replies.push(status(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' }), status(200, { ok: true }));
    const token = { value: 'old' as string | undefined };
    const events: CustomEvent[] = [];
    const listener = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) => {
      events.push(e);
      e.detail.waitFor.push(
        new Promise((resolve) => setTimeout(resolve, 20)).then(() => {
          token.value = 'new';
        }),
      );
    };
    document.addEventListener('jxjy-token-expired', listener);
    try {
      expect(await clientWith(token).get('/api/v1/me')).to.deep.equal({ ok: true });
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ bubbles: true, composed: true, cancelable: true });
    expect(calls.map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer old', 'Bearer new']);
  });

  it('does not retry when the host calls preventDefault()', async () => {
    replies.push(status(401, { statusCode: 401, error: 'Unauthorized', message: '令牌已失效' }));
    const listener = (e: Event) => e.preventDefault();
    document.addEventListener('jxjy-token-expired', listener);
    try {
      const err = await rejection(clientWith({ value: 'old' }).get('/api/v1/me'));
      expect(err).to.include({ status: 401, message: '令牌已失效' });
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(calls).to.have.length(1);
  });

  it('retries only once, even if the refreshed token is rejected too', async () => {
    replies.push(status(401, {}), status(401, {}), status(200, {}));
    let fired = 0;
    const listener = () => fired++;
    document.addEventListener('jxjy-token-expired', listener);
    try {
      const err = await rejection(clientWith({ value: 'old' }, { lang: 'en' }).get('/api/v1/me'));
      expect(err.status).to.equal(401);
      expect(err.message).to.equal('Your session has expired. Please sign in again.');
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(fired).to.equal(1);
    expect(calls).to.have.length(2);
  });

  it('does not retry when the host refresh fails', async () => {
    replies.push(status(401, {}));
    const listener = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) =>
      e.detail.waitFor.push(Promise.reject(new Error('refresh failed')));
    document.addEventListener('jxjy-token-expired', listener);
    try {
      expect((await rejection(clientWith({ value: 'old' }).get('/api/v1/me'))).status).to.equal(401);
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(calls).to.have.length(1);
  });

  it('treats a 401 to a request without a token (wrong password) as a plain error, with no event', async () => {
    replies.push(status(401, { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' }));
    let fired = 0;
    const listener = () => fired++;
    document.addEventListener('jxjy-token-expired', listener);
    try {
      const err = await rejection(clientWith({ value: undefined }).post('/api/v1/sessions', {}, { auth: false }));
      expect(err.message).to.equal('用户名或密码错误');
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(fired).to.equal(0);
  });

  it('parses the server error body, validation details included, into an ApiError', async () => {
    const details = [{ field: 'hours', message: '学时须为 0.5 的倍数' }];
    replies.push(status(422, { statusCode: 422, error: 'Unprocessable Entity', message: '输入有误', details }));
    const err = await rejection(clientWith({ value: 't' }).put('/api/v1/credits/1', { hours: 0.3 }));
    expect(err).to.be.instanceOf(Error);
    expect(err).to.include({ name: 'ApiError', status: 422, error: 'Unprocessable Entity', message: '输入有误' });
    expect(err.details).to.deep.equal(details);
  });

  it('gives a localized message when the error body is not JSON', async () => {
    replies.push(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = await rejection(new ApiClient({ lang: 'en' }).get('/api/v1/x', { auth: false }));
    expect(err).to.include({ status: 502, error: 'Bad Gateway', message: 'Request failed (502)' });
    expect(err.details).to.equal(undefined);
  });

  it('turns a network failure into ApiError status 0 with a localized message', async () => {
    replies.push(new TypeError('Failed to fetch'));
    const err = await rejection(new ApiClient().get('/api/v1/x', { auth: false }));
    expect(err).to.include({ status: 0, message: '网络连接失败，请检查网络后重试' });
  });

  it('passes the abort signal to fetch and lets an abort stay an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    replies.push(new DOMException('aborted', 'AbortError'));
    try {
      await new ApiClient().get('/api/v1/x', { signal: controller.signal, auth: false });
      expect.fail('should have rejected');
    } catch (err) {
      expect(err).to.not.be.instanceOf(ApiError);
      expect((err as Error).name).to.equal('AbortError');
    }
  });

  it("exposes the body's code and Retry-After (seconds or HTTP date) on ApiError", async () => {
    replies.push(
      new Response(JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'locked' }), {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '900' },
      }),
      new Response(JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'later' }), {
        status: 503,
        headers: { 'Retry-After': new Date(Date.now() + 120_000).toUTCString() },
      }),
      status(403, { statusCode: 403, error: 'Forbidden', message: 'not yet', code: 'org_not_approved' }),
    );
    const api = new ApiClient({ getToken: () => 't' });
    const locked = await rejection(api.post('/api/v1/sessions', {}, { auth: false }));
    expect([locked.status, locked.retryAfter, locked.code]).to.deep.equal([429, 900, undefined]);
    const later = await rejection(api.get('/api/v1/health', { auth: false }));
    expect(later.retryAfter).to.be.within(115, 120);
    const forbidden = await rejection(api.post('/api/v1/tasks/t/decision', {}));
    expect([forbidden.code, forbidden.retryAfter]).to.deep.equal(['org_not_approved', undefined]);
  });

  it("keeps the error body's other fields as facts, beside the envelope (api/on-pre-response.ts)", async () => {
    const missing = { public: 30, professional: 2, elective: 0, total: 32 };
    const blockedBy = [{ recordId: 'd-1', reason: '提供虚假学时证明材料', endDate: null }];
    const details = [{ field: 'public', message: '还差 30 学时' }];
    replies.push(
      status(409, { statusCode: 409, error: 'Conflict', message: '学时未达到要求', code: 'not_eligible', details, missing, required: missing }),
      status(409, { statusCode: 409, error: 'Conflict', message: '失信', code: 'dishonesty_blocks', blockedBy }),
      status(404, { statusCode: 404, error: 'Not Found', message: 'none' }),
      new Response('[1, 2]', { status: 500 }),
    );
    const api = new ApiClient({ getToken: () => 't' });
    const short = await rejection(api.post('/api/v1/me/certificates/2026'));
    expect(short.facts).to.deep.equal({ missing, required: missing });
    expect([short.code, short.details]).to.deep.equal(['not_eligible', details]);
    expect((await rejection(api.post('/api/v1/me/certificates/2026'))).facts).to.deep.equal({ blockedBy });
    expect((await rejection(api.get('/api/v1/x'))).facts).to.deep.equal({});
    expect((await rejection(api.get('/api/v1/x'))).facts).to.deep.equal({});
    // Errors made here, not by the server, have none either.
    replies.push(new TypeError('Failed to fetch'));
    expect((await rejection(api.get('/api/v1/x'))).facts).to.deep.equal({});
  });
});
