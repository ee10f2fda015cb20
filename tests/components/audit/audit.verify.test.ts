// <jxjy-audit>'s 完整性校验: POST /audit/verify asking for NDJSON with the token; progress lines move the bar and its
// words as they arrive (a line split across chunks, two in one chunk), the result line gives the verdict (focused,
// jxjy-audit-verified, the seals that agree); problems by stream, revision and position, and seals that disagree with
// the log, in the reader's words, each chain problem opening its stream; the server's error line, a refusal and an
// answer without the NDJSON framing; English; axe while running and after.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { EVENTS, choose, page, pos, render, streamedBody } from './fixtures.js';

afterEach(() => f.stub?.restore());

const VERIFY = 'POST /api/v1/audit/verify';
const progress = (events: number, streams: number, position: string) => `${JSON.stringify({ progress: { events, streams, position } })}\n`;
const result = (over: Record<string, unknown> = {}) =>
  `${JSON.stringify({ result: { streams: 40, events: 2500, valid: true, problems: [], upTo: pos(2500), seals: 3, sealProblems: [], ...over } })}\n`;

async function start(routes: Parameters<typeof render>[0], lang = 'zh-CN') {
  const { el, stub } = await render({ [EVENTS]: () => page([]), ...routes }, { lang, tab: 'verify' });
  await waitUntil(() => el.shadowRoot!.querySelector('[data-action=verify]'), 'verify panel');
  return { el, stub };
}

describe('jxjy-audit verify', () => {
  it('streams the progress as it arrives, then the verdict; asks with Accept: application/x-ndjson and the token; passes axe', async () => {
    const body = streamedBody();
    const { el, stub } = await start({ [VERIFY]: [body.response] });
    expect(text(el, '[data-action=verify]')).to.equal('开始校验');
    await expect(el).to.be.accessible();
    const verified = oneEvent(el, 'jxjy-audit-verified');
    $(el, '[data-action=verify]').click();
    await waitUntil(() => stub.to(VERIFY).length === 1, 'asked');
    const call = stub.to(VERIFY)[0]!;
    expect([call.headers.get('Accept'), call.headers.get('Authorization'), call.headers.get('Accept-Language')]).to.deep.equal([
      'application/x-ndjson',
      'Bearer auditor-jwt',
      'zh-CN',
    ]);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=verify-progress]'), 'progress shown');
    expect(text(el, '[data-testid=verify-progress]')).to.equal('正在开始校验…');
    expect($(el, '[data-action=verify]').getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.progress-area').getAttribute('role')).to.equal('status');

    // The first line arrives in two pieces: nothing shows until it is whole.
    const first = progress(1000, 12, pos(1000));
    body.write(first.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(text(el, '[data-testid=verify-progress]')).to.equal('正在开始校验…');
    body.write(first.slice(20));
    await waitUntil(() => $(el, '[data-testid=verify-progress]').dataset['events'] === '1000', 'first progress');
    expect(text(el, '[data-testid=verify-progress]')).to.equal(`已校验 1,000 条事件、12 个事件流（至位置 ${pos(1000)}）`);
    expect($<HTMLProgressElement>(el, '[data-testid=verify-progress] progress').getAttribute('aria-label')).to.equal('校验进度');
    await expect(el).to.be.accessible();

    // Two lines in one chunk.
    body.write(progress(2000, 30, pos(2000)) + progress(2500, 40, pos(2500)));
    await waitUntil(() => $(el, '[data-testid=verify-progress]').dataset['events'] === '2500', 'last progress');
    body.write(result());
    body.end();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=verdict]'), 'verdict');
    expect(el.shadowRoot!.querySelector('[data-testid=verify-progress]')).to.equal(null);
    expect($(el, '[part=verdict]').dataset['valid']).to.equal('true');
    expect(text(el, '#verify-result-title')).to.equal('✓ 校验通过：哈希链完整');
    expect(text(el, '[part=verdict] p')).to.equal(`共 2,500 条事件、40 个事件流，全部哈希链完整（截至位置 ${pos(2500)}）。`);
    expect(text(el, '[data-testid=seals-valid]')).to.equal('3 个印章的 Merkle 根与签名均与日志相符。');
    await waitUntil(() => focused(el, $(el, '#verify-result-title')), 'focus on the verdict');
    expect((await verified).detail).to.deep.equal({ valid: true, events: 2500, streams: 40, problems: 0, upTo: pos(2500) });
    expect($(el, '[data-action=verify]').getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('names each problem by stream, revision and position, and each seal that disagrees, in words; 查看事件流 opens the stream in the log (en)', async () => {
    const problems = [
      { streamId: 'credit-r-7', revision: 3, position: pos(77), problem: 'content does not match its hash' },
      { streamId: 'binding-p-2', revision: 1, position: pos(81), problem: 'prevHash does not link to the previous event' },
    ];
    const sealProblems = [{ sealId: 's-1', position: pos(80), problem: 'covers 80 events, but 79 are stored up to its position' }];
    const { el, stub } = await start(
      {
        [VERIFY]: [new Response(progress(90, 9, pos(90)) + result({ valid: false, events: 90, streams: 9, problems, upTo: pos(90), sealProblems }), { headers: { 'Content-Type': 'application/x-ndjson' } })],
        'GET /api/v1/audit/streams/credit-r-7': [json(200, { streamId: 'credit-r-7', events: [], chain: { valid: false, brokenAt: 3, problem: 'content does not match its hash' } })],
      },
      'en',
    );
    $(el, '[data-action=verify]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=verdict]'), 'verdict');
    expect(stub.to(VERIFY)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect($(el, '[part=verdict]').dataset['valid']).to.equal('false');
    expect(text(el, '#verify-result-title')).to.equal('✕ Failed: 3 problems found');
    expect(el.shadowRoot!.querySelector('[data-testid=seals-valid]')).to.equal(null);
    expect(text(el, 'table.seal-problems tr[data-seal-id="s-1"]')).to.equal(`s-1 ${pos(80)} it covers 80 events, but 79 are stored up to its position`);
    const cells = [...el.shadowRoot!.querySelectorAll('table.problems tbody tr')].map((r) => [...r.children].slice(0, 4).map((c) => c.textContent!.trim()));
    expect(cells).to.deep.equal([
      ['credit-r-7', '3', pos(77), 'content does not match its hash'],
      ['binding-p-2', '1', pos(81), 'prevHash does not link to the previous event'],
    ]);
    await expect(el).to.be.accessible();
    $(el, 'tr[data-stream-id="credit-r-7"] [data-action=open-stream]').click();
    await waitUntil(() => el.tab === 'log' && el.shadowRoot!.querySelector('section.stream [data-chain=broken]'), 'stream in the log');
    expect(text(el, '#stream-title')).to.equal('Stream credit-r-7');
  });

  it('says so when the server stops midway (its error line), refuses (403), or answers without NDJSON framing', async () => {
    const { el } = await start({
      [VERIFY]: [
        new Response(progress(10, 2, pos(10)) + JSON.stringify({ error: { message: 'the verification stopped; try again' } }) + '\n'),
        json(403, { statusCode: 403, error: 'Forbidden', message: '无权访问' }),
        json(200, { streams: 2, events: 10, valid: true, problems: [], upTo: pos(10) }),
      ],
    });
    $(el, '[data-action=verify]').click();
    await waitUntil(() => !$(el, '#verify-error').hidden, 'stopped');
    expect(text(el, '#verify-error')).to.equal('校验中途停止，请重试。');
    await waitUntil(() => focused(el, $(el, '#verify-error')), 'focus on the error');
    await expect(el).to.be.accessible();

    $(el, '[data-action=verify]').click();
    await waitUntil(() => text(el, '#verify-error') === '无权访问', 'refused');

    $(el, '[data-action=verify]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=verdict][data-valid=true]'), 'the JSON result');
    expect($(el, '#verify-error').hidden).to.equal(true);
  });

  it('stops a running check and forgets it when the caller changes (a new token)', async () => {
    const body = streamedBody();
    const { el } = await start({ [VERIFY]: [body.response] });
    $(el, '[data-action=verify]').click();
    body.write(progress(5, 1, pos(5)));
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLElement>('[data-testid=verify-progress]')?.dataset['events'] === '5', 'progress');
    el.token = 'another-jwt';
    await waitUntil(() => !el.shadowRoot!.querySelector('[data-testid=verify-progress]'), 'stopped');
    expect($(el, '[data-action=verify]').getAttribute('aria-busy')).to.equal('false');
    await choose(el, 'log');
  });
});
