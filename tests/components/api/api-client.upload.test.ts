// ApiClient.upload (multipart through XMLHttpRequest, for its progress): the same bearer token, Accept-Language,
// api-base joining, sign-in rule, one host-driven token refresh and ApiError parsing as every other request; progress
// reported as a fraction; a network failure and an abort kept apart.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiError, isSignInRequired } from '../../../components/api/api-client.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { stubXhr, type XhrStub } from '../xhr-stub.js';

let xhr: XhrStub;
beforeEach(() => {
  xhr = stubXhr();
});
afterEach(() => xhr.restore());

const body = () => {
  const data = new FormData();
  data.append('file', new File(['%PDF-1.4'], '证书.pdf', { type: 'application/pdf' }));
  return data;
};

function clientWith(token: { value: string | undefined }, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const host = document.createElement('div');
  document.body.append(host);
  return new ApiClient({ apiBase: 'https://api.example.gov.cn/api/v1/', lang, getToken: () => token.value, host });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the upload to fail');
}

describe('ApiClient.upload', () => {
  it('POSTs the form with bearer and Accept-Language to api-base, reports progress, and parses the 201 body', async () => {
    const seen: number[] = [];
    const sent = clientWith({ value: 'jwt-1' }, 'en').upload<{ attachmentId: string }>('/api/v1/credit-records/r-1/attachments', body(), {
      onProgress: (f) => seen.push(f),
    });
    const call = await xhr.next();
    expect(call.method).to.equal('POST');
    expect(call.url.href).to.equal('https://api.example.gov.cn/api/v1/credit-records/r-1/attachments');
    expect(call.headers.get('Authorization')).to.equal('Bearer jwt-1');
    expect(call.headers.get('Accept-Language')).to.equal('en');
    expect(call.headers.has('Content-Type')).to.equal(false); // the browser writes the multipart boundary
    expect((call.body as FormData).get('file')).to.be.instanceOf(File);
    call.progress(1, 4);
    call.progress(4, 4);
    call.respond(201, { attachmentId: 'a-1' });
    expect(await sent).to.deep.equal({ attachmentId: 'a-1' });
    expect(seen).to.deep.equal([0.25, 1]);
  });

  it('sends nothing without a token', async () => {
    const err = await rejection(clientWith({ value: undefined }).upload('/api/v1/x', body()));
    expect(isSignInRequired(err)).to.equal(true);
    expect(xhr.calls).to.have.length(0);
  });

  it('on 401 asks the host for a fresh token and sends again with it, once', async () => {
    const token = { value: 'old' as string | undefined };
    const listener = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) =>
      e.detail.waitFor.push(Promise.resolve().then(() => (token.value = 'new')));
    document.addEventListener('jxjy-token-expired', listener);
    try {
      const sent = clientWith(token).upload<{ ok: boolean }>('/api/v1/x', body());
      (await xhr.next()).respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' });
      const again = await xhr.next();
      expect(again.headers.get('Authorization')).to.equal('Bearer new');
      again.respond(201, { ok: true });
      expect(await sent).to.deep.equal({ ok: true });
    } finally {
      document.removeEventListener('jxjy-token-expired', listener);
    }
    expect(xhr.calls.map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer old', 'Bearer new']);
  });

  it('turns 413 and 415 into ApiErrors with the details naming the file field', async () => {
    const sent = clientWith({ value: 't' }).upload('/api/v1/x', body());
    (await xhr.next()).respond(413, { statusCode: 413, error: 'Payload Too Large', message: '附件不能超过 10 MB', details: [{ field: 'file', message: '附件不能超过 10 MB' }] });
    const err = (await rejection(sent)) as ApiError;
    expect(err).to.be.instanceOf(ApiError);
    expect(err).to.include({ status: 413, message: '附件不能超过 10 MB' });
    expect(err.details).to.deep.equal([{ field: 'file', message: '附件不能超过 10 MB' }]);
  });

  it('turns a network failure into ApiError status 0, and an abort into an AbortError', async () => {
    const failed = clientWith({ value: 't' }).upload('/api/v1/x', body());
    (await xhr.next()).fail();
    const err = (await rejection(failed)) as ApiError;
    expect(err).to.include({ status: 0, message: '网络连接失败，请检查网络后重试' });

    const controller = new AbortController();
    const aborted = clientWith({ value: 't' }).upload('/api/v1/x', body(), { signal: controller.signal });
    const call = await xhr.next();
    controller.abort();
    expect(call.aborted).to.equal(true);
    expect(((await rejection(aborted)) as DOMException).name).to.equal('AbortError');
  });
});
