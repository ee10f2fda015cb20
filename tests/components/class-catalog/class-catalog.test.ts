// <jxjy-class-catalog> (培训班报名): the classes of the person's region in zh and en with axe, where they already stand
// (each class's `myEnrolment`, with no second request for the person's enrolments), why the list is empty (no unit —
// with the way to bind one — or nothing open, or nothing matching), search and paging; enrolling (pending or
// waitlisted: the request, the event, the notice, the status at once, the list read again with ?after=); a 409 (bind
// first) shown as an alert that takes focus; nothing asked for without a token.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/class-catalog/class-catalog.js';
import type { JxjyClassCatalog } from '../../../components/class-catalog/class-catalog.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import { klass, P1, page, problem } from '../class-fixtures.js';

const LIST = 'GET /api/v1/classes';
const MINE = 'GET /api/v1/me/enrolments';
const ENROL = (n: number) => `POST /api/v1/classes/c-${n}/enrolments`;
const bound = (items: ReturnType<typeof klass>[], nextCursor: string | null = null) => page(items, nextCursor, { bound: true, regionCode: '440106' });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyClassCatalog>(html`<jxjy-class-catalog lang=${lang} .token=${'person-jwt'}></jxjy-class-catalog>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error, [data-testid=unbound]'), 'list settled');
  await el.updateComplete;
  return el;
}

const row = (el: JxjyClassCatalog, n: number) => $(el, `tr[data-class-id="c-${n}"]`);

describe('jxjy-class-catalog', () => {
  it('lists the region’s classes with seats, hours, dates and institution (zh-CN), marks where the person stands, and passes axe', async () => {
    const full = klass(2, { seatsLeft: 0, seatsTaken: 30, waitlisted: 3, regionCode: '440000', category: 'public', hours: 7.5 });
    const mine = klass(3, { myEnrolment: { enrolmentId: 'e-3', status: 'approved' } });
    const el = await render({ [LIST]: [bound([klass(1, { myEnrolment: null }), full, mine])] });
    const call = stub!.to(LIST)[0]!;
    expect(Object.fromEntries(call.query)).to.deep.equal({ available: 'true', limit: '20' });
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    // Where the person stands comes with each class: the list is the only request.
    expect(stub!.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([LIST]);
    expect(text(el, '.intro')).to.equal('以下是您工作单位所在的广州市（440106）及全省正在接受报名的培训班，报名后由施教机构审核。');
    expect(text(el, 'caption')).to.equal('可报名的培训班（已显示 3 个）');
    const first = row(el, 1).textContent!.replace(/\s+/g, ' ');
    expect(first).to.contain('人工智能应用专题培训班1').and.contain('广东省专业技术人员继续教育基地').and.contain('专业科目').and.contain('剩余 18 个名额 · 共 30 个名额').and.contain('广州市');
    expect(text(el, 'tr[data-class-id="c-1"] [data-cell=hours]')).to.equal('12');
    expect($(el, 'tr[data-class-id="c-1"] time').getAttribute('datetime')).to.equal(klass(1).startDate);
    expect($(el, 'tr[data-class-id="c-1"] [data-action=enrol]').getAttribute('aria-label')).to.equal('报名“人工智能应用专题培训班1”');
    expect(text(el, 'tr[data-class-id="c-2"] [data-cell=seats]')).to.contain('名额已满 · 共 30 个名额 · 候补 3 人').and.contain('进入候补名单');
    expect(text(el, 'tr[data-class-id="c-2"] [data-action=enrol]')).to.equal('候补报名');
    expect(row(el, 2).textContent).to.contain('全省').and.contain('公需科目').and.contain('7.5');
    expect(text(el, 'tr[data-class-id="c-3"] .actions')).to.equal('报名成功');
    expect(text(el, 'tr[data-class-id="c-1"] .description')).to.equal(klass(1).description!);
    expect(el.shadowRoot!.querySelector('tr[data-class-id="c-3"] [data-action=enrol]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe; a rejected enrolment may be made again; a long description is folded', async () => {
    const long = `${'本期培训围绕人工智能在建筑、交通和制造中的应用展开。'.repeat(4)}\n地点：广州市天河区。`;
    const el = await render({ [LIST]: [bound([klass(1, { description: long, myEnrolment: { enrolmentId: 'e-1', status: 'rejected' } })])] }, 'en');
    expect(text(el, 'details.description summary')).to.equal('Description');
    expect($<HTMLDetailsElement>(el, 'details.description').open).to.equal(false);
    expect(text(el, 'caption')).to.equal('Classes open for enrolment (1 shown)');
    expect(text(el, 'label[for=q]')).to.equal('Class title');
    expect(row(el, 1).textContent).to.contain('Professional').and.contain('18 seat(s) left · 30 seats');
    expect(text(el, 'tr[data-class-id="c-1"] .actions')).to.contain('Not accepted').and.contain('Enrol again');
    expect(stub!.to(LIST)[0]!.headers.get('Accept-Language')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('explains an empty list when the person has no unit, and offers 单位绑定 (no search form); passes axe', async () => {
    const el = await render({ [LIST]: [page([], null, { bound: false, regionCode: null })] });
    expect(text(el, '[data-testid=unbound]')).to.contain('尚未绑定工作单位').and.contain('按工作单位所在的行政区划提供');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '[data-testid=unbound] [data-action=bind]').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'binding' });
  });

  it('explains an empty region, and an empty search; searches by title and category and loads more', async () => {
    const el = await render({
      [LIST]: [page([], null, { bound: true, regionCode: '440106' }), bound([]), bound([klass(1)], 'cur-2'), bound([klass(2, { myEnrolment: { enrolmentId: 'e-2', status: 'waitlisted' } })])],
    });
    expect(text(el, '[data-testid=empty]')).to.contain('所在的广州市（440106）和全省').and.contain('都没有正在接受报名的培训班');
    fill(el, { q: '人工智能' });
    const category = $<HTMLSelectElement>(el, '#category');
    category.value = 'public';
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => stub!.to(LIST).length === 2 && el.shadowRoot!.querySelector('[data-testid=empty]')?.textContent?.includes('没有符合'), 'empty search');
    expect(Object.fromEntries(stub!.to(LIST)[1]!.query)).to.deep.equal({ available: 'true', limit: '20', q: '人工智能', category: 'public' });

    fill(el, { q: '' });
    category.value = '';
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-1"]'), 'first page');
    $(el, '[data-action=more]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-2"]'), 'second page');
    expect(stub!.to(LIST)[3]!.query.get('cursor')).to.equal('cur-2');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-action=more]')).to.equal(null);
    expect(text(el, 'caption')).to.contain('已显示 2 个');
    // A later page's classes say where the person stands too.
    expect(text(el, 'tr[data-class-id="c-2"] .actions')).to.equal('候补中');
  });

  it('enrols: POSTs, fires the event, says the institution reviews it, shows the status at once and reads the list again with ?after=', async () => {
    let reread: () => void = () => {};
    const held = new Promise<void>((resolve) => (reread = resolve));
    const el = await render({
      [LIST]: [
        bound([klass(1, { myEnrolment: null })]),
        // Held back, so the status the element shows meanwhile is its own.
        held.then(() => bound([klass(1, { seatsTaken: 13, seatsLeft: 17, myEnrolment: { enrolmentId: 'e-9', status: 'pending' } })])),
      ],
      [ENROL(1)]: [json(201, { enrolmentId: 'e-9', status: 'pending', position: P1 })],
    });
    setTimeout(() => $(el, 'tr[data-class-id="c-1"] [data-action=enrol]').click());
    const event = await oneEvent(el, 'jxjy-enrolment-requested');
    expect(event.detail).to.deep.equal({ enrolmentId: 'e-9', classId: 'c-1', status: 'pending' });
    expect(stub!.to(ENROL(1))[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    await waitUntil(() => stub!.to(LIST).length === 2, 'read again');
    expect(stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    await el.updateComplete;
    expect(text(el, 'tr[data-class-id="c-1"] .actions')).to.equal('待机构审核');
    reread();
    await waitUntil(() => text(el, '[data-cell=seats]').includes('剩余 17'), 'seats updated');
    expect(stub!.to(MINE)).to.have.length(0);
    expect(text(el, '#catalog-status')).to.equal('已报名“人工智能应用专题培训班1”，等待施教机构审核。可在“我的报名”中查看进度或取消。');
    expect(text(el, 'tr[data-class-id="c-1"] .actions')).to.equal('待机构审核');
    await waitUntil(() => focused(el, $(el, '#catalog-status')), 'status focused');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '[data-action=my-enrolments]').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'enrolments' });
  });

  it('joins the waiting list of a full class and says so', async () => {
    const el = await render({
      [LIST]: () => bound([klass(4, { seatsLeft: 0, seatsTaken: 30, myEnrolment: null })]),
      [ENROL(4)]: [json(201, { enrolmentId: 'e-4', status: 'waitlisted', position: P1 })],
    });
    expect($(el, '[data-action=enrol]').getAttribute('aria-label')).to.equal('候补报名“人工智能应用专题培训班4”（名额已满）');
    $(el, '[data-action=enrol]').click();
    await waitUntil(() => text(el, '#catalog-status').includes('候补名单'), 'waitlisted notice');
    expect(text(el, '#catalog-status')).to.contain('名额已满，您已进入候补名单');
  });

  it('shows a 409 asking to bind first as an alert with the way to 单位绑定, focused', async () => {
    const el = await render({
      [LIST]: [bound([klass(1)])],
      [ENROL(1)]: [problem(409, '请先在“单位绑定”中与工作单位完成绑定，再报名培训班', { code: 'binding_required' })],
    });
    $(el, '[data-action=enrol]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'alert shown');
    expect(text(el, '.failure p')).to.equal('请先在“单位绑定”中与工作单位完成绑定，再报名培训班');
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(text(el, '#catalog-status')).to.equal('');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '.failure [data-action=bind]').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'binding' });
  });

  it('shows any other refusal (already enrolled) as the alert, without the bind button', async () => {
    const el = await render({ [LIST]: [bound([klass(1)])], [ENROL(1)]: [problem(409, '您已报名该培训班')] });
    $(el, '[data-action=enrol]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'alert shown');
    expect(text(el, '.failure')).to.equal('您已报名该培训班');
    expect(el.shadowRoot!.querySelector('.failure [data-action=bind]')).to.equal(null);
  });

  it('shows a failed load with a retry', async () => {
    const el = await render({ [LIST]: [problem(503, '服务暂时不可用'), bound([klass(1)])] });
    expect(text(el, '.load-error p')).to.equal('服务暂时不可用');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-1"]'), 'loaded on retry');
  });

  it('asks for nothing without a token, shows sign-in is needed (en), and loads when the token arrives', async () => {
    stub = stubFetch({ [LIST]: [bound([klass(1)])] });
    const el = await fixture<JxjyClassCatalog>(html`<jxjy-class-catalog lang="en"></jxjy-class-catalog>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('Please sign in to use this.');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-1"]'), 'list after the token');
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
