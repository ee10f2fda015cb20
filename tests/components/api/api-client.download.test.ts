// ApiClient.download: the bytes exactly as sent and the server's file name from Content-Disposition (else the
// caller's fallback, else 'download'), with the bearer token, the sign-in rule, one host-driven token refresh and
// errors as ApiError like every other request; the abort signal reaches fetch.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiError, isSignInRequired } from '../../../components/api/api-client.js';
import { afterEach, describe, it } from '../mocha.js';
import { json, stubFetch, type FetchStub } from '../fetch-stub.js';

const PDF = 'GET /api/v1/certificates/c-1/pdf';
const NAME = '2026年度继续教育证书-JX2026AB12CD34EF.pdf';
const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x0a, 0x00, 0xff, 0x80, 0xe2]);
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const file = (headers: Record<string, string> = {}) => new Response(BYTES, { headers: { 'Content-Type': 'application/pdf', ...headers } });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

function client(token: { value: string | undefined }) {
  const host = document.createElement('div');
  document.body.append(host);
  return new ApiClient({ apiBase: 'https://api.example.gov.cn/api/v1', lang: 'en', getToken: () => token.value, host });
}

describe('ApiClient.download', () => {
  it("answers the exact bytes and the server's UTF-8 name, fetched with the token", async () => {
    stub = stubFetch({ [PDF]: [file({ 'Content-Disposition': disposition(NAME) })] });
    const { blob, filename } = await client({ value: 'jwt-1' }).download('/api/v1/certificates/c-1/pdf', { fallbackFilename: 'other.pdf' });
    expect(filename).to.equal(NAME);
    expect(blob.type).to.equal('application/pdf');
    expect([...new Uint8Array(await blob.arrayBuffer())]).to.deep.equal([...BYTES]);
    const call = stub.to(PDF)[0]!;
    expect(call.url.origin).to.equal('https://api.example.gov.cn');
    expect(call.headers.get('Authorization')).to.equal('Bearer jwt-1');
    expect(call.headers.get('Accept-Language')).to.equal('en');
  });

  it("falls back to the caller's name, then to 'download', when the response names none", async () => {
    stub = stubFetch({ [PDF]: [file(), file({ 'Content-Disposition': 'attachment' })] });
    const api = client({ value: 'jwt-1' });
    expect((await api.download('/api/v1/certificates/c-1/pdf', { fallbackFilename: '培训证书.pdf' })).filename).to.equal('培训证书.pdf');
    expect((await api.download('/api/v1/certificates/c-1/pdf')).filename).to.equal('download');
  });

  it('sends nothing without a token, and retries once with the refreshed token after a 401', async () => {
    stub = stubFetch({ [PDF]: [json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' }), file({ 'Content-Disposition': disposition(NAME) })] });
    const token = { value: undefined as string | undefined };
    const api = client(token);
    const refused = await api.download('/api/v1/certificates/c-1/pdf').catch((err: unknown) => err);
    expect(isSignInRequired(refused)).to.equal(true);
    expect(stub.calls).to.have.length(0);

    token.value = 'old';
    const refresh = (e: Event) => (e as CustomEvent<{ waitFor: Promise<unknown>[] }>).detail.waitFor.push(Promise.resolve().then(() => (token.value = 'new')));
    document.addEventListener('jxjy-token-expired', refresh);
    try {
      expect((await api.download('/api/v1/certificates/c-1/pdf')).filename).to.equal(NAME);
    } finally {
      document.removeEventListener('jxjy-token-expired', refresh);
    }
    expect(stub.to(PDF).map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer old', 'Bearer new']);
  });

  it("turns an error answer into ApiError with the server's message and facts", async () => {
    stub = stubFetch({ [PDF]: [json(404, { statusCode: 404, error: 'Not Found', message: 'No such certificate', code: 'unknown', valid: false })] });
    const err = await client({ value: 'jwt-1' }).download('/api/v1/certificates/c-1/pdf').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ApiError);
    expect(err).to.include({ status: 404, message: 'No such certificate', code: 'unknown' });
    expect((err as ApiError).facts).to.deep.equal({ valid: false });
  });

  it('passes the abort signal to fetch', async () => {
    let seen: AbortSignal | null | undefined;
    const real = window.fetch;
    window.fetch = (_input, init) => {
      seen = init?.signal;
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    };
    const controller = new AbortController();
    controller.abort();
    try {
      const err = await client({ value: 'jwt-1' }).download('/api/v1/certificates/c-1/pdf', { signal: controller.signal }).catch((e: unknown) => e);
      expect((err as Error).name).to.equal('AbortError');
      expect(seen).to.equal(controller.signal);
    } finally {
      window.fetch = real;
    }
  });
});
