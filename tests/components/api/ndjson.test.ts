// readNdjson (the verification's streamed answer): lines split across chunks and several in one chunk come out whole
// and in order, a last line without its newline counts, blank lines are skipped; a connection lost midway is a network
// error in the reader's language, while an abort stays an abort; ApiClient.open asks with the Accept it is given.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiError } from '../../../components/api/api-client.js';
import { readNdjson } from '../../../components/api/ndjson.js';
import { afterEach, describe, it } from '../mocha.js';
import { stubFetch, type FetchStub } from '../fetch-stub.js';

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

function body(chunks: string[], { fail = false } = {}) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next !== undefined) controller.enqueue(encoder.encode(next));
        else if (fail) controller.error(new TypeError('network error'));
        else controller.close();
      },
    }),
  );
}

describe('readNdjson', () => {
  it('hands over whole lines in order, however the chunks cut them', async () => {
    const seen: unknown[] = [];
    await readNdjson(body(['{"a":', '1}\n{"b":2}\n\n{"c"', ':"中文"}']), (line) => seen.push(line), { lang: 'zh-CN' });
    expect(seen).to.deep.equal([{ a: 1 }, { b: 2 }, { c: '中文' }]);
  });

  it('turns a connection lost midway into a network error, and keeps an abort an abort', async () => {
    const seen: unknown[] = [];
    const lost = await readNdjson(body(['{"a":1}\n'], { fail: true }), (line) => seen.push(line), { lang: 'en' }).catch((err: unknown) => err);
    expect(seen).to.deep.equal([{ a: 1 }]);
    expect(lost).to.be.instanceOf(ApiError);
    expect([(lost as ApiError).status, (lost as ApiError).message]).to.deep.equal([0, 'Network connection failed. Check your connection and try again.']);

    const abort = new AbortController();
    abort.abort();
    const aborted = await readNdjson(body([], { fail: true }), () => undefined, { lang: 'en', signal: abort.signal }).catch((err: unknown) => err);
    expect(aborted).to.be.instanceOf(TypeError);
  });

  it('ApiClient.open sends the Accept it is given with the token, and answers the response unread', async () => {
    stub = stubFetch({ 'POST /api/v1/audit/verify': [body(['{"result":{"valid":true}}\n'])] });
    const api = new ApiClient({ apiBase: 'https://api.example.gov.cn/api/v1', lang: 'en', getToken: () => 'jwt' });
    const res = await api.open('POST', '/api/v1/audit/verify', undefined, { accept: 'application/x-ndjson' });
    const call = stub.calls[0]!;
    expect(call.url.href).to.equal('https://api.example.gov.cn/api/v1/audit/verify');
    expect([call.headers.get('Accept'), call.headers.get('Authorization')]).to.deep.equal(['application/x-ndjson', 'Bearer jwt']);
    expect(res.bodyUsed).to.equal(false);
  });
});
