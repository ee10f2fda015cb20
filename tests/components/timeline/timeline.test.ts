// <jxjy-timeline>: a subject's history as an ordered list in zh and en (axe) — each entry's time in China time, who
// (role and name, the name once when it is the role's), what and why — under the chain's verdict (链完整, or 链已被篡改
// at a revision, as an alert); each subject's route with the token, and a binding without an id read as the caller's
// own (GET /me first); collapsible: nothing asked until opened, read once, kept while closed, read again when `version`
// moves, closed and forgotten for another subject; 404 as "nothing to show", other failures with 重试; no token.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/timeline/timeline.js';
import type { JxjyTimeline } from '../../../components/timeline/timeline.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import { answer, entries, HISTORY, timeline } from './fixtures.js';

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function render(routes: Parameters<typeof stubFetch>[0], attrs: { lang?: string; subject?: string; subjectId?: string; collapsible?: boolean; token?: string | undefined } = {}) {
  stub = stubFetch(routes);
  const { lang = 'zh-CN', subject = 'credit-record', subjectId = 'r-1', collapsible = false } = attrs;
  const token = 'token' in attrs ? attrs.token : 'person-jwt';
  return fixture<JxjyTimeline>(
    html`<jxjy-timeline lang=${lang} subject=${subject} subject-id=${subjectId} ?collapsible=${collapsible} .token=${token}></jxjy-timeline>`,
  );
}

const settled = (el: JxjyTimeline) => waitUntil(() => el.shadowRoot!.querySelector('ol.events, .empty, .load-error, .sign-in-needed'), 'timeline settled');

describe('jxjy-timeline', () => {
  it('lists who did what, when (China time) and why, oldest first, under 链完整 (zh-CN); passes axe', async () => {
    const el = await render({ [HISTORY]: [answer()] });
    await settled(el);
    const call = stub!.to(HISTORY)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(entries(el)).to.deep.equal([
      ['时间：2026-03-02 02:30:05 北京时间', '操作人：专业技术人员 · 欧阳明', '填写学时申报'],
      ['时间：2026-03-05 10:15:20 北京时间', '操作人：法人单位 · 广州市示例单位', '审核通过，学时计入'],
      ['时间：2026-04-01 09:00:00 北京时间', '操作人：人社部门', '人社部门撤销，学时不再计入', '理由：证明材料与实际不符'],
    ]);
    expect($(el, 'ol.events li time').getAttribute('datetime')).to.equal('2026-03-01T18:30:05.000Z');
    expect($(el, 'ol.events').getAttribute('aria-label')).to.equal('操作记录');
    expect($(el, '[part=chain]').dataset['chain']).to.equal('valid');
    expect(text(el, '[part=chain]')).to.equal('✓ 链完整 共 3 条记录，哈希链校验通过。');
    await expect(el).to.be.accessible();
  });

  it('says the chain was tampered with at its revision, as an alert (en); passes axe', async () => {
    const el = await render({ [HISTORY]: [answer({ chain: { valid: false, brokenAt: 3 } })] }, { lang: 'en' });
    await settled(el);
    expect(stub!.to(HISTORY)[0]!.headers.get('Accept-Language')).to.equal('en');
    const chain = $(el, '[part=chain]');
    expect([chain.dataset['chain'], chain.dataset['brokenAt'], chain.getAttribute('role')]).to.deep.equal(['broken', '3', 'alert']);
    expect(text(el, '[part=chain] .verdict')).to.equal('✕ Chain tampered with at revision 3');
    expect(entries(el)[1]).to.deep.equal(['When: 2026-03-05 10:15:20 China time', 'By: Unit · 广州市示例单位', '审核通过，学时计入']);
    expect(entries(el)[2]!.at(-1)).to.equal('Reason: 证明材料与实际不符');
    await expect(el).to.be.accessible();
  });

  it('reads each subject from its own route; a binding without an id is the caller’s own, from GET /me', async () => {
    const routes = {
      'GET /api/v1/bindings/p-9/history': () => answer({ events: [] }),
      'GET /api/v1/enrolments/e-1/history': () => answer(),
      'GET /api/v1/certificates/c-1/history': () => answer(),
      'GET /api/v1/dishonesty-records/d-1/history': () => answer(),
      'GET /api/v1/me': () => json(200, { accountId: 'a-9', username: 'p9', role: 'person', subjectId: 'p-9', name: '张三', mustChangePassword: false }),
    };
    for (const [subject, id, route] of [
      ['enrolment', 'e-1', 'GET /api/v1/enrolments/e-1/history'],
      ['certificate', 'c-1', 'GET /api/v1/certificates/c-1/history'],
      ['dishonesty', 'd-1', 'GET /api/v1/dishonesty-records/d-1/history'],
      ['binding', 'p-9', 'GET /api/v1/bindings/p-9/history'],
    ] as const) {
      const el = await render(routes, { subject, subjectId: id });
      await settled(el);
      expect(stub!.to(route), subject).to.have.length(1);
      expect(stub!.to('GET /api/v1/me')).to.have.length(0);
      stub!.restore();
    }
    const own = await render(routes, { subject: 'binding', subjectId: '' });
    await settled(own);
    expect(stub!.calls.map((c) => c.path)).to.deep.equal(['/api/v1/me', '/api/v1/bindings/p-9/history']);
    expect(stub!.calls.every((c) => c.headers.get('Authorization') === 'Bearer person-jwt')).to.equal(true);
    expect(text(own, '.empty')).to.equal('暂无可显示的记录。');
  });

  it('collapsible: asks nothing until opened, reads once, keeps it while closed, reads again when `version` moves; another subject starts closed', async () => {
    const el = await render({ [HISTORY]: () => answer(), 'GET /api/v1/credit-records/r-2/history': () => answer() }, { collapsible: true });
    const toggle = $<HTMLButtonElement>(el, '[data-action=toggle]');
    expect(text(el, '[data-action=toggle]')).to.equal('▸查看记录');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('timeline-panel');
    expect($(el, '#timeline-panel').hidden).to.equal(true);
    await pause(50);
    expect(stub!.calls).to.have.length(0);
    await expect(el).to.be.accessible();

    toggle.click();
    await settled(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.open).to.equal(true);
    expect($(el, '#timeline-panel').hidden).to.equal(false);
    expect(stub!.to(HISTORY)).to.have.length(1);
    await expect(el).to.be.accessible();

    toggle.click();
    await el.updateComplete;
    expect($(el, '#timeline-panel').hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    await pause(50);
    expect(stub!.to(HISTORY)).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('ol.events li')).to.have.length(3);

    el.version = 'submitted';
    await waitUntil(() => stub!.to(HISTORY).length === 2, 'read again for the new version');

    el.subjectId = 'r-2';
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect($(el, '#timeline-panel').hidden).to.equal(true);
    await pause(50);
    expect(stub!.to('GET /api/v1/credit-records/r-2/history')).to.have.length(0);
    el.label = '人工智能应用专题培训班';
    await el.updateComplete;
    expect($(el, '[data-action=toggle]').getAttribute('aria-label')).to.equal('查看记录：人工智能应用专题培训班');
    $(el, '[data-action=toggle]').click();
    await waitUntil(() => stub!.to('GET /api/v1/credit-records/r-2/history').length === 1, 'the other subject read when opened');
    await settled(el);
    expect($(el, 'ol.events').getAttribute('aria-label')).to.equal('人工智能应用专题培训班的操作记录');
  });

  it('says there is nothing to show on 404; shows another failure with 重试, which reads again', async () => {
    const missing = await render({ [HISTORY]: [json(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' })] });
    await settled(missing);
    expect(text(missing, '[data-testid=not-found]')).to.equal('没有可显示的记录。');
    expect(missing.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    stub!.restore();

    const el = await render({ [HISTORY]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用，请稍后再试' }), json(200, timeline())] });
    await settled(el);
    expect(text(el, '.load-error p')).to.equal('服务暂不可用，请稍后再试');
    expect($(el, '.load-error').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('ol.events'), 'entries after the retry');
    expect(stub!.to(HISTORY)).to.have.length(2);
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    const el = await render({ [HISTORY]: () => answer() }, { token: undefined });
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await pause(50);
    expect(stub!.calls).to.have.length(0);
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('ol.events'), 'entries after the token');
    expect(stub!.to(HISTORY)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
