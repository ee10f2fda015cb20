// <jxjy-enrolments> (我的报名): each enrolment's class and progress in zh and en with axe — the waiting list and the
// promotion off it (with its time), the institution's review, approval with its own time (kept after completion or a
// cancellation), a rejection's reason and time, a cancellation, completion with the hours, absence;
// 取消报名 after a confirmation (the request, the event, the list read again with ?after=), refused once the class has
// started (no request), a 409 shown as a focused alert; the empty list pointing to the catalogue; paging; no token.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/enrolments/enrolments.js';
import type { JxjyEnrolments } from '../../../components/enrolments/enrolments.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import { day, enrolment, P1, page, problem } from '../class-fixtures.js';

const LIST = 'GET /api/v1/me/enrolments';
const CANCEL = (n: number) => `POST /api/v1/enrolments/e-${n}/cancel`;

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyEnrolments>(html`<jxjy-enrolments lang=${lang} .token=${'person-jwt'}></jxjy-enrolments>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.cards, .empty, .load-error'), 'list settled');
  return el;
}

const card = (el: JxjyEnrolments, n: number) => `article[data-enrolment-id="e-${n}"]`;
const steps = (el: JxjyEnrolments, n: number) =>
  [...el.shadowRoot!.querySelectorAll(`${card(el, n)} .step`)].map((s) => `${s.getAttribute('data-step')}:${[...s.classList].find((c) => c !== 'step')}`);

const PROMOTED = '2026-03-03T06:30:00.000Z';
const APPROVED = '2026-03-05T02:00:00.000Z';
const ENDED = '2026-04-01T08:00:00.000Z';
const mixed = [
  enrolment(1, { status: 'waitlisted' }),
  enrolment(2, { status: 'pending' }),
  enrolment(3, { status: 'approved', approvedAt: APPROVED, decidedAt: APPROVED }),
  enrolment(4, { status: 'rejected', decidedAt: '2026-03-06T02:00:00.000Z', reason: '报名人员须从事工程技术工作' }),
  enrolment(5, { status: 'completed', promotedAt: PROMOTED, approvedAt: APPROVED, decidedAt: ENDED }, { category: 'public', hours: 6, startDate: '2026-03-20', endDate: '2026-03-20' }),
  enrolment(6, { status: 'cancelled', decidedAt: '2026-03-07T02:00:00.000Z' }),
  enrolment(7, { status: 'missed', approvedAt: APPROVED, decidedAt: ENDED }, { startDate: '2026-03-20', endDate: '2026-03-21' }),
  enrolment(8, { status: 'pending', promotedAt: PROMOTED }),
  enrolment(9, { status: 'cancelled', promotedAt: PROMOTED, approvedAt: APPROVED, decidedAt: '2026-03-07T02:00:00.000Z' }),
];
const timeOf = (el: JxjyEnrolments, n: number, step: string) => $(el, `${card(el, n)} [data-step=${step}] time`).getAttribute('datetime');

describe('jxjy-enrolments', () => {
  it('shows each enrolment’s class and its progress step by step (zh-CN) and passes axe', async () => {
    const el = await render({ [LIST]: [page(mixed)] });
    const call = stub!.to(LIST)[0]!;
    expect(Object.fromEntries(call.query)).to.deep.equal({ limit: '20' });
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(text(el, '.count')).to.equal('共显示 9 条报名记录');
    expect(text(el, `${card(el, 1)} h3`)).to.equal('人工智能应用专题培训班1 候补中');
    expect(text(el, `${card(el, 1)} .facts`)).to.contain('广东省专业技术人员继续教育基地').and.contain('专业科目').and.contain('12 学时');

    expect(steps(el, 1)).to.deep.equal(['requested:done', 'waitlisted:current', 'review:upcoming', 'attend:upcoming']);
    expect($(el, `${card(el, 1)} [data-step=waitlisted]`).getAttribute('aria-current')).to.equal('step');
    expect(text(el, `${card(el, 1)} [data-step=waitlisted]`)).to.contain('按报名先后递补').and.contain('（当前步骤）');
    expect($(el, `${card(el, 1)} [data-step=requested] time`).getAttribute('datetime')).to.equal('2026-03-01T02:00:00.000Z');
    expect(steps(el, 2)).to.deep.equal(['requested:done', 'review:current', 'attend:upcoming']);
    expect(steps(el, 3)).to.deep.equal(['requested:done', 'approved:done', 'attend:current']);
    expect(timeOf(el, 3, 'approved')).to.equal(APPROVED);
    // Moved up from the waiting list: the promotion is a step of its own, with its time.
    expect(steps(el, 8)).to.deep.equal(['requested:done', 'promoted:done', 'review:current', 'attend:upcoming']);
    expect(timeOf(el, 8, 'promoted')).to.equal(PROMOTED);
    expect(text(el, `${card(el, 8)} [data-step=promoted]`)).to.contain('已从候补名单递补').and.contain('（已完成）');

    expect(steps(el, 4)).to.deep.equal(['requested:done', 'rejected:ended']);
    expect(text(el, `${card(el, 4)} [data-step=rejected]`)).to.contain('审核未通过').and.contain('理由：报名人员须从事工程技术工作');
    expect($(el, `${card(el, 4)} [data-step=rejected] time`).getAttribute('datetime')).to.equal('2026-03-06T02:00:00.000Z');
    // Completed after a promotion: every step keeps its own time; the approval is not the completion's.
    expect(steps(el, 5)).to.deep.equal(['requested:done', 'promoted:done', 'approved:done', 'completed:done']);
    expect([timeOf(el, 5, 'requested'), timeOf(el, 5, 'promoted'), timeOf(el, 5, 'approved'), timeOf(el, 5, 'completed')]).to.deep.equal([
      '2026-03-01T02:00:00.000Z', PROMOTED, APPROVED, ENDED,
    ]);
    expect(text(el, `${card(el, 5)} [data-step=completed]`)).to.contain('已结业，获得 6 学时').and.contain('已计入 2026 年度公需科目');
    expect(steps(el, 6)).to.deep.equal(['requested:done', 'cancelled:ended']);
    expect(steps(el, 7)).to.deep.equal(['requested:done', 'approved:done', 'missed:ended']);
    expect(timeOf(el, 7, 'approved')).to.equal(APPROVED);
    expect(text(el, `${card(el, 7)} [data-step=missed]`)).to.contain('缺勤，不计学时');
    // Cancelled after it was approved: the approval stays in the story.
    expect(steps(el, 9)).to.deep.equal(['requested:done', 'promoted:done', 'approved:done', 'cancelled:ended']);

    // Cancel is offered while a seat is held or awaited and the class has not started; never for an ended enrolment.
    for (const n of [1, 2, 3, 8]) expect(el.shadowRoot!.querySelector(`${card(el, n)} [data-action=cancel]`), `e-${n}`).to.not.equal(null);
    for (const n of [4, 5, 6, 7, 9]) expect(el.shadowRoot!.querySelector(`${card(el, n)} [data-action=cancel]`), `e-${n}`).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render({ [LIST]: [page(mixed)] }, 'en');
    expect(text(el, '.count')).to.equal('9 enrolment(s) shown');
    expect(text(el, `${card(el, 8)} [data-step=promoted]`)).to.contain('Moved up from the waiting list').and.contain('(Done)');
    expect(text(el, `${card(el, 2)} h3`)).to.contain('Awaiting the institution');
    expect(text(el, `${card(el, 2)} [data-step=review]`)).to.contain('Awaiting the institution’s review').and.contain('(Current step)');
    expect(text(el, `${card(el, 5)} [data-step=completed]`)).to.contain('Completed: 6 hours granted').and.contain('Counted in 2026 as Public');
    expect(text(el, `${card(el, 3)} [data-action=cancel]`)).to.equal('Cancel enrolment');
    expect(stub!.to(LIST)[0]!.headers.get('Accept-Language')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('cancels after a confirmation: POSTs, fires the event, says so, and reads the list again with ?after=', async () => {
    const el = await render({
      [LIST]: [page([enrolment(2, { status: 'pending' })]), page([enrolment(2, { status: 'cancelled', decidedAt: '2026-03-08T02:00:00.000Z' })])],
      [CANCEL(2)]: [json(200, { enrolmentId: 'e-2', status: 'cancelled', position: P1 })],
    });
    const cancel = $(el, `${card(el, 2)} [data-action=cancel]`);
    expect(cancel.getAttribute('aria-label')).to.equal('取消报名“人工智能应用专题培训班2”');
    cancel.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-action') === 'confirm-cancel', 'confirmation focused');
    expect(cancel.getAttribute('aria-expanded')).to.equal('true');
    expect(text(el, '.confirm-form p')).to.contain('确定取消“人工智能应用专题培训班2”的报名吗');
    expect(stub!.to(CANCEL(2))).to.have.length(0);
    await expect(el).to.be.accessible();

    // Escape backs out, and focus returns to the button.
    $(el, '.confirm-form').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitUntil(() => focused(el, $(el, `${card(el, 2)} [data-action=cancel]`)), 'back on the button');
    expect(el.shadowRoot!.querySelector('.confirm-form')).to.equal(null);

    $(el, `${card(el, 2)} [data-action=cancel]`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=confirm-cancel]'), 'confirmation again');
    setTimeout(() => $(el, '[data-action=confirm-cancel]').click());
    expect((await oneEvent(el, 'jxjy-enrolment-cancelled')).detail).to.deep.equal({ enrolmentId: 'e-2', classId: 'c-2' });
    await waitUntil(() => stub!.to(LIST).length === 2, 'read again');
    expect(stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => el.shadowRoot!.querySelector(`${card(el, 2)} [data-step=cancelled] time`), 'cancelled with its time');
    expect(text(el, '#enrolments-status')).to.equal('已取消“人工智能应用专题培训班2”的报名。');
    expect(el.shadowRoot!.querySelector(`${card(el, 2)} [data-action=cancel]`)).to.equal(null);
    await waitUntil(() => focused(el, $(el, '#enrolments-status')), 'status focused');
  });

  it('shows a refused cancellation (409) as a focused alert', async () => {
    const el = await render({
      [LIST]: [page([enrolment(3, { status: 'approved' })])],
      [CANCEL(3)]: [problem(409, '培训班已开始，不能取消报名')],
    });
    $(el, '[data-action=cancel]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=confirm-cancel]'), 'confirmation');
    $(el, '[data-action=confirm-cancel]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'alert');
    expect(text(el, '.failure')).to.equal('培训班已开始，不能取消报名');
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(el.shadowRoot!.querySelector('.confirm-form')).to.equal(null);
    expect(text(el, `${card(el, 3)} h3`)).to.contain('报名成功');
    await expect(el).to.be.accessible();
  });

  it('offers no cancellation once the class has started, and says why (no request possible)', async () => {
    const el = await render({ [LIST]: [page([enrolment(8, { status: 'approved' }, { startDate: day(-1), endDate: day(1) })])] });
    expect(el.shadowRoot!.querySelector('[data-action=cancel]')).to.equal(null);
    expect(text(el, `${card(el, 8)} .hint`)).to.equal('培训班已开始，不能再取消报名。');
    expect(stub!.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('points an empty list to the catalogue, and pages with 加载更多', async () => {
    const el = await render({ [LIST]: [page([])] });
    expect(text(el, '[data-testid=empty] p')).to.equal('您还没有报名培训班。');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el, '[data-action=find]').click());
    expect((await oneEvent(el, 'jxjy-navigate')).detail).to.deep.equal({ to: 'classes' });

    stub!.restore();
    const paged = await render({ [LIST]: [page([enrolment(1)], 'cur-1'), page([enrolment(2)])] });
    $(paged, '[data-action=more]').click();
    await waitUntil(() => paged.shadowRoot!.querySelector(card(paged, 2)), 'second page');
    expect(stub!.to(LIST)[1]!.query.get('cursor')).to.equal('cur-1');
    await paged.updateComplete;
    expect(paged.shadowRoot!.querySelector('[data-action=more]')).to.equal(null);
  });

  it('asks for nothing without a token and loads when the token arrives', async () => {
    stub = stubFetch({ [LIST]: [page([enrolment(1)])] });
    const el = await fixture<JxjyEnrolments>(html`<jxjy-enrolments></jxjy-enrolments>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector(card(el, 1)), 'list after the token');
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
