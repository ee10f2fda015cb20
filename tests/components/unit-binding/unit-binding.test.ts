// <jxjy-unit-binding> (单位绑定): zh/en with axe; search → request → pending shown (read again with ?after=) → withdraw;
// the rejection's reason; a job change asks first and says what it ends; refused requests (409, 422 unitId) shown
// as alerts; paging the results; the region-code check; no request without a token until one arrives.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/unit-binding/unit-binding.js';
import type { JxjyUnitBinding } from '../../../components/unit-binding/unit-binding.component.js';
import type { Binding, OrgListItem } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const STATUS = 'GET /api/v1/me/binding';
const ORGS = 'GET /api/v1/orgs';
const REQUEST = 'POST /api/v1/me/binding';
const CANCEL = 'DELETE /api/v1/me/binding/pending';
const unit = (n: number): OrgListItem => ({ orgId: `unit-${n}`, kind: 'unit', name: `广州市示例单位${n}`, regionCode: '440106', status: 'approved' });
const bindingUnit = (n: number) => ({ unitId: `unit-${n}`, name: `广州市示例单位${n}`, regionCode: '440106' });
const binding = (over: Partial<Binding> = {}): Binding => ({ current: null, pending: null, lastRejection: null, latest: null, ...over });
const bound = (n: number) => ({ bindingId: `b-${n}`, unit: bindingUnit(n), since: '2026-03-01T02:00:00.000Z' });
const pending = (n: number, previousUnitId?: string) => ({
  bindingId: `b-${n}`,
  unit: bindingUnit(n),
  requestedAt: '2026-04-01T02:00:00.000Z',
  ...(previousUnitId ? { previousUnitId } : {}),
});
const page = (items: OrgListItem[], nextCursor: string | null = null) => json(200, { items, nextCursor });
const POSITION = '00000000000000000042:00000000000000000042';

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyUnitBinding>(html`<jxjy-unit-binding lang=${lang} .token=${'person-jwt'}></jxjy-unit-binding>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=current-unit], .load-error'), 'status shown');
  return el;
}

async function search(el: JxjyUnitBinding, values: { q?: string; regionCode?: string } = {}) {
  const asked = stub!.to(ORGS).length;
  fill(el, { q: values.q ?? '示例', regionCode: values.regionCode ?? '' });
  $(el, 'form button[type=submit]').click();
  await waitUntil(() => stub!.to(ORGS).length > asked, 'searched');
  await waitUntil(() => el.shadowRoot!.querySelector('.search table, .search .empty, .search .failure'), 'results');
}
const requestButton = (el: JxjyUnitBinding, n: number) => $<HTMLButtonElement>(el, `tr[data-unit-id="unit-${n}"] [data-action=request]`);

describe('jxjy-unit-binding', () => {
  it('shows that no unit is bound and the search (zh-CN), reading GET /me/binding with the token; passes axe', async () => {
    const el = await render({ [STATUS]: [json(200, binding())] });
    expect(stub!.to(STATUS)[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(stub!.to(STATUS)[0]!.query.has('after')).to.equal(false);
    expect(text(el, '#current-title')).to.equal('当前工作单位');
    expect(text(el, '[data-testid=current-unit] .empty')).to.contain('尚未绑定工作单位');
    expect(text(el, '#search-title')).to.equal('查找并绑定工作单位');
    expect(text(el, 'label[for=q]')).to.equal('单位名称或统一社会信用代码');
    expect($(el, '#q').hasAttribute('required')).to.equal(false);
    expect(text(el, 'form button[type=submit]')).to.equal('查询');
    await expect(el).to.be.accessible();
  });

  it('renders the current unit and its results in English; passes axe', async () => {
    const el = await render({ [STATUS]: [json(200, binding({ current: bound(1), latest: { ...bound(1), status: 'confirmed', at: bound(1).since } }))], [ORGS]: [page([unit(1), unit(2)])] }, 'en');
    expect(text(el, '[data-testid=current-unit]')).to.contain('广州市示例单位1').and.contain('Bound since').and.contain('440106');
    expect($(el, '[data-testid=current-unit] time').getAttribute('datetime')).to.equal('2026-03-01T02:00:00.000Z');
    expect(text(el, '#search-title')).to.equal('Change employer unit');
    await search(el);
    expect(text(el, 'caption')).to.equal('Results (2 units shown)');
    expect(text(el, 'tr[data-unit-id="unit-1"] [data-tag=current]')).to.equal('Current unit');
    expect(el.shadowRoot!.querySelector('tr[data-unit-id="unit-1"] button')).to.equal(null);
    expect(requestButton(el, 2).getAttribute('aria-label')).to.equal('Request binding to “广州市示例单位2”');
    await expect(el).to.be.accessible();
  });

  it('searches, requests, shows the pending request read with ?after=, then withdraws it', async () => {
    const requested = { bindingId: 'b-2', unitId: 'unit-2', status: 'pending', taskId: 'task-9', position: POSITION };
    const el = await render({
      [STATUS]: [
        json(200, binding()),
        json(200, binding({ pending: pending(2), latest: { bindingId: 'b-2', unit: bindingUnit(2), status: 'pending', at: '2026-04-01T02:00:00.000Z' } })),
        json(200, binding({ latest: { bindingId: 'b-2', unit: bindingUnit(2), status: 'cancelled', at: '2026-04-01T03:00:00.000Z' } })),
      ],
      [ORGS]: [page([unit(1), unit(2)])],
      [REQUEST]: [json(202, requested)],
      [CANCEL]: [json(200, { bindingId: 'b-2', status: 'cancelled', position: '00000000000000000043:00000000000000000043' })],
    });
    await search(el, { q: '示例', regionCode: '440100' });
    const query = stub!.to(ORGS)[0]!.query;
    expect(Object.fromEntries(query)).to.deep.equal({ kind: 'unit', limit: '20', q: '示例', regionCode: '440100' });

    setTimeout(() => requestButton(el, 2).click());
    const event = await oneEvent(el, 'jxjy-binding-requested');
    expect(event.detail).to.deep.equal({ bindingId: 'b-2', unitId: 'unit-2' });
    expect(stub!.to(REQUEST)[0]!.body).to.deep.equal({ unitId: 'unit-2' });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=pending-request]'), 'pending shown');
    expect(stub!.to(STATUS)[1]!.query.get('after')).to.equal(POSITION);
    expect(text(el, '[data-testid=pending-request]')).to.contain('已向“广州市示例单位2”提交绑定申请，等待单位确认。');
    expect(text(el, '#binding-status')).to.equal('绑定申请已提交。');
    expect(text(el, '.search .hint')).to.contain('请先撤回该申请');
    expect(el.shadowRoot!.querySelector('.search form')).to.equal(null);
    await waitUntil(() => focused(el, $(el, '[data-testid=pending-request]')), 'pending panel focused');
    await expect(el).to.be.accessible();

    setTimeout(() => $(el, '[data-action=cancel]').click());
    expect((await oneEvent(el, 'jxjy-binding-cancelled')).detail).to.deep.equal({ bindingId: 'b-2' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[data-testid=pending-request]'), 'pending gone');
    expect(stub!.to(STATUS)[2]!.query.get('after')).to.equal('00000000000000000043:00000000000000000043');
    expect(text(el, '#binding-status')).to.equal('已撤回向“广州市示例单位2”提交的绑定申请。');
    expect(el.shadowRoot!.querySelector('.search form')).to.not.equal(null);
  });

  it("shows the last rejection and the unit's reason", async () => {
    const rejectedAt = '2026-04-02T02:00:00.000Z';
    const el = await render({
      [STATUS]: [
        json(200, binding({
          lastRejection: { unit: bindingUnit(3), reason: '查无此人，请核对单位', rejectedAt },
          latest: { bindingId: 'b-3', unit: bindingUnit(3), status: 'rejected', at: rejectedAt, reason: '查无此人，请核对单位' },
        })),
      ],
    });
    expect(text(el, '#rejected-title')).to.equal('绑定申请未通过');
    expect(text(el, '[data-testid=rejection]')).to.contain('“广州市示例单位3”未通过您的绑定申请。');
    expect(text(el, '[data-testid=rejection] .reason')).to.equal('查无此人，请核对单位');
    await expect(el).to.be.accessible();
  });

  it('asks before a job change, says the old binding ends on confirmation, and then sends it', async () => {
    const el = await render({
      [STATUS]: [
        json(200, binding({ current: bound(1) })),
        json(200, binding({ current: bound(1), pending: pending(2, 'unit-1') })),
      ],
      [ORGS]: [page([unit(1), unit(2)])],
      [REQUEST]: [json(202, { bindingId: 'b-2', unitId: 'unit-2', status: 'pending', taskId: 't', position: POSITION })],
    });
    await search(el);
    requestButton(el, 2).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'job-change-confirm', 'confirm focused');
    expect(requestButton(el, 2).getAttribute('aria-expanded')).to.equal('true');
    expect(text(el, '#job-change-question')).to.contain('这是工作单位变更').and.contain('与“广州市示例单位1”的绑定关系将自动解除');
    expect(stub!.to(REQUEST)).to.have.length(0);
    await expect(el).to.be.accessible();

    $(el, '#job-change-form button[type=button]').click();
    await waitUntil(() => focused(el, requestButton(el, 2)), 'back on the request button');
    expect(el.shadowRoot!.querySelector('#job-change-form')).to.equal(null);

    requestButton(el, 2).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'job-change-confirm', 'confirm focused again');
    $(el, '#job-change-confirm').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=pending-request]'), 'pending job change');
    expect(stub!.to(REQUEST)[0]!.body).to.deep.equal({ unitId: 'unit-2' });
    expect(text(el, '[data-testid=pending-request] [data-tag=job-change]')).to.equal('工作单位变更');
    expect(text(el, '[data-testid=pending-request] .hint')).to.equal('单位确认后，您与“广州市示例单位1”的绑定关系将自动解除。');
    expect(text(el, '[data-testid=current-unit]')).to.contain('广州市示例单位1');
  });

  it('shows a refused request as an alert: 409 with its message, 422 with the unitId detail', async () => {
    const el = await render({
      [STATUS]: [json(200, binding())],
      [ORGS]: [page([unit(1)])],
      [REQUEST]: [
        json(409, { statusCode: 409, error: 'Conflict', message: '已有一条待确认的绑定申请' }),
        json(422, { statusCode: 422, error: 'Unprocessable Entity', message: '请求无法处理', details: [{ field: 'unitId', message: '该单位不存在或尚未通过人社部门审核，不能绑定' }] }),
      ],
    });
    await search(el);
    requestButton(el, 1).click();
    await waitUntil(() => !$(el, '.failure').hidden, 'conflict shown');
    expect(text(el, '.failure')).to.equal('已有一条待确认的绑定申请');
    await waitUntil(() => focused(el, $(el, '.failure')), 'failure focused');
    requestButton(el, 1).click();
    await waitUntil(() => text(el, '.failure') === '该单位不存在或尚未通过人社部门审核，不能绑定', 'unit refused');
    expect(stub!.to(STATUS)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('loads more results with nextCursor, keeping the query, and says when nothing matches', async () => {
    const el = await render({ [STATUS]: [json(200, binding())], [ORGS]: [page([unit(1)], 'c-2'), page([unit(2)]), page([])] });
    await search(el, { q: '示例', regionCode: '440000' });
    $(el, '.pager button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-unit-id="unit-2"]'), 'second page');
    const second = stub!.to(ORGS)[1]!.query;
    expect([second.get('cursor'), second.get('q'), second.get('regionCode')]).to.deep.equal(['c-2', '示例', '440000']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pager')).to.equal(null);
    await search(el, { q: '没有这个单位' });
    expect(text(el, '.search .empty')).to.equal('未找到符合条件的单位，请换个关键词试试。');
  });

  it('refuses a region code that is not 6 digits before searching', async () => {
    const el = await render({ [STATUS]: [json(200, binding())] });
    fill(el, { q: '', regionCode: '4401' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#regionCode-error'), 'region error');
    expect(text(el, '#regionCode-error')).to.equal('行政区划代码应为 6 位数字');
    expect(stub!.to(ORGS)).to.have.length(0);
  });

  it('asks for nothing without a token, shows sign-in is needed (en), and loads when the token arrives', async () => {
    stub = stubFetch({ [STATUS]: [json(200, binding())] });
    const el = await fixture<JxjyUnitBinding>(html`<jxjy-unit-binding lang="en"></jxjy-unit-binding>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('Please sign in to use this.');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=current-unit]'), 'status after the token');
    expect(stub.to(STATUS)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
