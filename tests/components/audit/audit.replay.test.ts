// <jxjy-audit>'s 数据重放: the form in zh and en (axe); POST /audit/replays with the token, as of a position or a moment
// typed in China time; GET /audit/replays/{id} every poll-interval while it runs, then its rows (hours per category
// per person and year) and jxjy-replay-finished; 与当前数据对比 (?diff=live) naming what changed in words and hours; a
// malformed position refused before asking, the server's 422 on its field; a failed replay; a passing 503 while it runs.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { EVENTS, page, pause, pos, render } from './fixtures.js';

afterEach(() => f.stub?.restore());

const START = 'POST /api/v1/audit/replays';
const ID = '5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const REPLAY = `GET /api/v1/audit/replays/${ID}`;
const AS_OF = pos(701);
const running = { replayId: ID, status: 'running', projection: 'credit_totals', asOf: { position: AS_OF }, position: AS_OF };
const rows = [
  { personId: 'p-1', year: 2026, public: 0, professional: 6, elective: 0, total: 6 },
  { personId: 'p-2', year: 2026, public: 12, professional: 0, elective: 2.5, total: 14.5 },
];
const completed = { ...running, status: 'completed', rows, totalRows: 2 };
const differences = [
  { key: { personId: 'p-1', year: 2026, category: 'professional' }, replay: { personId: 'p-1', year: 2026, category: 'professional', halfHours: 12 }, live: { personId: 'p-1', year: 2026, category: 'professional', halfHours: 20 } },
  { key: { personId: 'p-3', year: 2026, category: 'public' }, replay: null, live: { personId: 'p-3', year: 2026, category: 'public', halfHours: 4 } },
];

async function open(routes: Parameters<typeof render>[0], lang = 'zh-CN') {
  const { el, stub } = await render({ [EVENTS]: () => page([]), ...routes }, { lang, tab: 'replay' });
  await waitUntil(() => el.shadowRoot!.querySelector('.replay-form form'), 'replay form');
  return { el, stub };
}

const cells = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

describe('jxjy-audit replay', () => {
  it('replays credit_totals as of a position, follows it until completed, shows its rows and the differences from today; passes axe', async () => {
    const { el, stub } = await open({
      [START]: [json(201, { replayId: ID, status: 'running', asOf: { position: AS_OF }, position: AS_OF })],
      [REPLAY]: [json(200, running), json(200, running), json(200, completed), json(200, { ...completed, differences, totalDifferences: 2 })],
    });
    expect(text(el, 'label[for=projection]')).to.equal('数据视图');
    expect([...el.shadowRoot!.querySelectorAll('#projection option')].map((o) => o.textContent)).to.deep.equal([
      '学时汇总（credit_totals）', '失信记录（dishonesty_records）', '单位与机构（orgs）', '单位绑定（bindings）', '培训班报名（enrolments）', '培训班（classes）', '证书（certificates）',
    ]);
    expect(text(el, 'fieldset.as-of legend')).to.equal('重放至');
    await expect(el).to.be.accessible();

    const finished = oneEvent(el, 'jxjy-replay-finished');
    // Slow enough that its running state is seen between reads.
    el.pollInterval = 150;
    fill(el, { position: AS_OF });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => stub.to(START).length === 1, 'started');
    const call = stub.to(START)[0]!;
    expect(call.body).to.deep.equal({ projection: 'credit_totals', asOf: { position: AS_OF } });
    expect(call.headers.get('Authorization')).to.equal('Bearer auditor-jwt');
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=replay-progress]'), 'running');
    expect(text(el, '#audit-status')).to.equal('已开始重放 学时汇总（credit_totals）。');
    await waitUntil(() => focused(el, $(el, '#replay-title')), 'focus on the report');
    await expect(el).to.be.accessible();

    await waitUntil(() => el.shadowRoot!.querySelector('table.replay-rows'), 'rows', { timeout: 3000 });
    expect(stub.to(REPLAY)).to.have.length(3);
    expect(Object.fromEntries(stub.to(REPLAY)[0]!.query)).to.deep.equal({ limit: '200' });
    expect((await finished).detail).to.deep.equal({ replayId: ID, projection: 'credit_totals', position: AS_OF, status: 'completed' });
    expect(text(el, '#audit-status')).to.equal('学时汇总（credit_totals）已重放完成：共 2 行。');
    expect(text(el, '[part=replay] dl')).to.contain(`至位置 ${AS_OF}`).and.contain('已完成');
    expect(text(el, 'table.replay-rows caption')).to.equal('学时汇总（credit_totals）：截至该位置共 2 行（显示 2 行）');
    expect(cells(el, 'table.replay-rows thead tr')).to.deep.equal([['人员编号', '年度', '公需科目', '专业科目', '选修科目', '合计']]);
    expect(cells(el, 'table.replay-rows tbody tr')).to.deep.equal([
      ['p-1', '2026', '0', '6', '0', '6'],
      ['p-2', '2026', '12', '0', '2.5', '14.5'],
    ]);
    await pause(60);
    expect(stub.to(REPLAY)).to.have.length(3);

    $(el, '[data-action=compare]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.differences'), 'differences');
    expect(Object.fromEntries(stub.to(REPLAY)[3]!.query)).to.deep.equal({ diff: 'live', limit: '200' });
    expect(text(el, 'table.differences caption')).to.equal('与当前数据相比：2 处不同（显示 2 处）');
    expect(cells(el, 'table.differences tbody tr')).to.deep.equal([
      ['p-1', '2026', '专业科目', '学时：6', '学时：10'],
      ['p-3', '2026', '公需科目', '（无此行）', '学时：2'],
    ]);
    await waitUntil(() => focused(el, $(el, '#replay-diff')), 'focus on the differences');
    await expect(el).to.be.accessible();

    // Another language is the same caller: the report stays, in the new words.
    el.lang = 'en';
    await waitUntil(() => text(el, 'table.differences caption') === 'Compared with today’s data: 2 differences (2 shown)', 'English report');
    expect(cells(el, 'table.differences tbody tr')[0]).to.deep.equal(['p-1', '2026', 'Professional', 'Hours: 6', 'Hours: 10']);
    expect(stub.to(REPLAY)).to.have.length(4);
  });

  it('replays as of a moment typed in China time (en), and says when the rows equal today’s', async () => {
    const { el, stub } = await open(
      {
        [START]: [json(201, { replayId: ID, status: 'running', asOf: { time: '2026-04-01T02:30:00.000Z' }, position: AS_OF })],
        [REPLAY]: [json(200, { ...completed, asOf: { time: '2026-04-01T02:30:00.000Z' }, rows: [], totalRows: 0 }), json(200, { ...completed, rows: [], totalRows: 0, differences: [], totalDifferences: 0 })],
      },
      'en',
    );
    $<HTMLInputElement>(el, 'input[name=asOfKind][value=time]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#time'), 'the moment field');
    expect(el.shadowRoot!.querySelector('#position')).to.equal(null);
    expect(text(el, 'label[for=time]')).to.equal('Moment (China time)');
    expect($<HTMLInputElement>(el, '#time').type).to.equal('datetime-local');
    await expect(el).to.be.accessible();
    fill(el, { time: '2026-04-01T10:30' });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => stub.to(START).length === 1, 'started');
    expect(stub.to(START)[0]!.body).to.deep.equal({ projection: 'credit_totals', asOf: { time: '2026-04-01T02:30:00.000Z' } });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=no-rows]'), 'no rows');
    expect(text(el, '[part=replay] dl')).to.contain('as of 2026-04-01 10:30:00 (China time)');
    $(el, '[data-action=compare]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=no-differences]'), 'same as today');
    expect(text(el, '[data-testid=no-differences]')).to.equal('The replayed rows equal today’s exactly.');
  });

  it('refuses a malformed position before asking, and puts the server’s 422 on its field', async () => {
    const beyond = '该位置之后尚无可读的事件';
    const { el, stub } = await open({ [START]: [json(422, { statusCode: 422, error: 'Unprocessable Entity', message: beyond, details: [{ field: 'position', message: beyond }] })] });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#position-error'), 'required');
    expect(text(el, '#position-error')).to.equal('请输入事件位置');
    fill(el, { position: '701' });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => text(el, '#position-error') === '事件位置的格式应为 20 位数字:20 位数字', 'malformed');
    expect(stub.to(START)).to.have.length(0);

    fill(el, { position: pos(99999) });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => text(el, '#position-error') === beyond, 'the server’s words on the field');
    expect($(el, '#position').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
    await expect(el).to.be.accessible();
  });

  it('shows a failed replay as an alert, and keeps asking through a passing 503', async () => {
    const { el, stub } = await open({
      [START]: [json(201, { replayId: ID, status: 'running', asOf: { position: AS_OF }, position: AS_OF })],
      [REPLAY]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用' }), json(200, running), json(200, { ...running, status: 'failed', error: 'the fold threw' })],
    });
    // Slow enough to see the note between two reads.
    el.pollInterval = 300;
    fill(el, { position: AS_OF });
    $(el, '.replay-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=poll-error]'), 'passing failure');
    expect(text(el, '[data-testid=poll-error]')).to.equal('暂时无法读取重放状态（服务暂不可用），正在重试…');
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=replay-failed]'), 'failed', { timeout: 3000 });
    expect(text(el, '[data-testid=replay-failed]')).to.equal('重放失败：the fold threw');
    expect(el.shadowRoot!.querySelector('[data-testid=poll-error]')).to.equal(null);
    expect(stub.to(REPLAY)).to.have.length(3);
    await expect(el).to.be.accessible();
  });
});
