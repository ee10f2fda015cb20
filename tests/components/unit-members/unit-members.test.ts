// <jxjy-unit-members> (本单位人员): zh/en with axe, the caller's own unit from GET /me or the unit-id attribute, the
// confirmed / pending tabs (click and arrow keys), this year's hours, paging with nextCursor, the empty states, a
// refused list (404) with retry, a non-unit caller, and no request without a token until one arrives.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/unit-members/unit-members.js';
import type { JxjyUnitMembers } from '../../../components/unit-members/unit-members.component.js';
import type { UnitMember } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const ME = 'GET /api/v1/me';
const LIST = 'GET /api/v1/units/unit-1/members';
const member = (n: number, over: Partial<UnitMember> = {}): UnitMember => ({
  personId: `per-${n}`,
  name: `人员${n}`,
  idNumberMasked: '4401**********123X',
  status: 'confirmed',
  requestedAt: '2026-03-01T02:00:00.000Z',
  boundSince: '2026-03-02T02:00:00.000Z',
  progress: null,
  ...over,
});
const page = (items: UnitMember[], nextCursor: string | null = null) => json(200, { items, nextCursor });
const reviewer = () => json(200, { accountId: 'acc-9', username: 'unit_a', role: 'unit', subjectId: 'acc-9', orgId: 'unit-1', name: '审核人', mustChangePassword: false });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], { lang = 'zh-CN', unitId = '' } = {}) {
  stub = stubFetch(routes);
  const el = await fixture<JxjyUnitMembers>(html`<jxjy-unit-members lang=${lang} unit-id=${unitId} .token=${'unit-jwt'}></jxjy-unit-members>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'settled');
  return el;
}
const tab = (el: JxjyUnitMembers, status: string) => $<HTMLButtonElement>(el, `#tab-${status}`);

describe('jxjy-unit-members', () => {
  it("lists the caller's own unit's confirmed members (zh-CN) with masked ID numbers and binding dates; passes axe", async () => {
    const progress = { year: 2026, public: 12, professional: 30.5, elective: 0, total: 42.5 };
    const el = await render({ [ME]: [reviewer()], [LIST]: [page([member(1, { progress }), member(2)])] });
    expect(stub!.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer unit-jwt');
    expect(Object.fromEntries(stub!.to(LIST)[0]!.query)).to.deep.equal({ status: 'confirmed', limit: '20' });
    expect(text(el, 'caption')).to.equal('本单位已确认人员（已显示 2 人）');
    expect(text(el, 'tr[data-person-id="per-1"] th[scope=row]')).to.equal('人员1');
    expect(text(el, 'tr[data-person-id="per-1"] .id-number')).to.equal('4401**********123X');
    expect($(el, 'tr[data-person-id="per-1"] time').getAttribute('datetime')).to.equal('2026-03-02T02:00:00.000Z');
    expect(text(el, 'tr[data-person-id="per-1"] .progress')).to.equal('共 42.5（公需 12，专业 30.5，选修 0）');
    expect(text(el, 'tr[data-person-id="per-2"] .progress')).to.equal('—');
    expect(tab(el, 'confirmed').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-confirmed');
    await expect(el).to.be.accessible();
  });

  it('renders in English with the unit-id attribute, asking nothing of GET /me; passes axe', async () => {
    const el = await render({ [LIST]: [page([member(1)])] }, { lang: 'en', unitId: 'unit-1' });
    expect(stub!.to(ME)).to.have.length(0);
    expect(text(el, 'caption')).to.equal('Confirmed members of this unit (1 shown)');
    expect(text(el, '#tab-pending')).to.equal('Pending requests');
    await expect(el).to.be.accessible();
  });

  it('switches to pending requests by click and back by arrow key, showing the request date', async () => {
    const pending = member(3, { status: 'pending', boundSince: null, requestedAt: '2026-04-01T02:00:00.000Z' });
    const el = await render({ [ME]: [reviewer()], [LIST]: [page([member(1)]), page([pending]), page([member(1)])] });
    tab(el, 'pending').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-person-id="per-3"]'), 'pending list');
    expect(stub!.to(LIST)[1]!.query.get('status')).to.equal('pending');
    expect(text(el, 'caption')).to.equal('待本单位确认的绑定申请（已显示 1 条）');
    expect(text(el, 'thead')).to.contain('申请时间').and.not.contain('本年度学时');
    expect($(el, 'tr[data-person-id="per-3"] time').getAttribute('datetime')).to.equal('2026-04-01T02:00:00.000Z');
    expect(tab(el, 'pending').getAttribute('tabindex')).to.equal('0');
    await expect(el).to.be.accessible();
    tab(el, 'pending').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-person-id="per-1"]'), 'confirmed again');
    expect(focused(el, tab(el, 'confirmed'))).to.equal(true);
    expect(stub!.to(LIST)).to.have.length(3);
  });

  it('loads more with nextCursor and hides the button on the last page', async () => {
    const el = await render({ [LIST]: [page([member(1)], 'c-2'), page([member(2)])] }, { unitId: 'unit-1' });
    $(el, '.pager button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-person-id="per-2"]'), 'second page');
    expect(stub!.to(LIST)[1]!.query.get('cursor')).to.equal('c-2');
    expect(stub!.to(LIST)[1]!.query.get('status')).to.equal('confirmed');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pager')).to.equal(null);
    expect(text(el, 'caption')).to.equal('本单位已确认人员（已显示 2 人）');
  });

  it('shows the empty state of each tab', async () => {
    const el = await render({ [LIST]: [page([]), page([])] }, { unitId: 'unit-1' });
    expect(text(el, '.empty')).to.equal('本单位暂无已确认人员');
    await expect(el).to.be.accessible();
    tab(el, 'pending').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.empty')?.textContent?.trim() === '暂无待确认的绑定申请', 'pending empty');
  });

  it("shows another unit's 404 as an alert with a retry", async () => {
    const el = await render({
      [LIST]: [json(404, { statusCode: 404, error: 'Not Found', message: '未找到' }), page([member(1)])],
    }, { unitId: 'unit-1' });
    expect(text(el, '.load-error p')).to.equal('未找到');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'list after retry');
  });

  it('says the list is for unit reviewers when the caller belongs to no unit', async () => {
    stub = stubFetch({ [ME]: [json(200, { accountId: 'a', username: 'p', role: 'person', subjectId: 'per-1', name: '张三', mustChangePassword: false })] });
    const el = await fixture<JxjyUnitMembers>(html`<jxjy-unit-members .token=${'jwt'}></jxjy-unit-members>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.status')?.textContent?.trim() === '本单位人员仅供法人单位审核人查看。', 'not a unit');
    expect(stub.calls.filter((c) => c.path.includes('/members'))).to.have.length(0);
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    stub = stubFetch({ [ME]: [reviewer()], [LIST]: [page([member(1)])] });
    const el = await fixture<JxjyUnitMembers>(html`<jxjy-unit-members></jxjy-unit-members>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-person-id="per-1"]'), 'list after the token');
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
