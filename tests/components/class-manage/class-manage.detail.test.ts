// <jxjy-class-manage> (培训班管理), one class: its facts and roster in zh and en with axe; 开放报名 and 截止报名 (the
// request, the event, the status, the list and the class read again with ?after=, so the roster is current without
// 刷新) and a 409 as a focused alert; 结业 — only once closed and started (no form before), the approved enrollees
// ticked (全选 / 全不选), a confirmation naming what it grants, the exact attendees sent, the roster read again with
// ?after= showing who completed and who was absent, a refusal shown as an alert that returns to the ticks; nothing
// asked for without a token.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { JxjyClassManage } from '../../../components/class-manage/class-manage.component.js';
import { classProblems } from '../../../components/class-manage/class-manage.rules.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text } from '../fetch-stub.js';
import { day, entry, klass, P1, P2, page, problem } from '../class-fixtures.js';
import * as f from './fixtures.js';
import { LIST, commandRoute, detailRoute, openClass, render } from './fixtures.js';

afterEach(() => f.stub?.restore());

const roster = [
  entry(1),
  entry(2),
  entry(3, { status: 'pending', decidedAt: null }),
  entry(4, { status: 'waitlisted', decidedAt: null }),
  entry(5, { status: 'rejected', reason: '非工程技术岗位' }),
];
const started = klass(7, { status: 'closed', startDate: day(-2), endDate: day(-1), hours: 6, category: 'public', roster });

const ticked = (el: JxjyClassManage) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.attendees input')].filter((i) => i.checked).map((i) => i.value);

describe('jxjy-class-manage: one class', () => {
  it('shows the class and its roster with masked ID numbers, statuses and reasons (zh-CN); passes axe', async () => {
    const el = await render({ [LIST]: [page([klass(1)])], [detailRoute(1)]: [json(200, { ...klass(1), roster })] });
    await openClass(el, 1);
    expect(f.stub!.to(detailRoute(1))[0]!.headers.get('Authorization')).to.equal('Bearer institution-jwt');
    expect(text(el, '#screen-title')).to.contain('人工智能应用专题培训班1').and.contain('接受报名');
    expect(text(el, '[data-testid=status-hint]')).to.contain('正在接受报名');
    expect(text(el, '.facts')).to.contain('剩余 18 个名额 · 共 30 个名额').and.contain('面向全市工程技术人员');
    expect(text(el, '[data-testid=roster-counts]')).to.equal('报名成功 2 人 · 待审核 1 人 · 候补 1 人');
    expect(text(el, 'caption')).to.equal('报名人员（5 人）');
    expect(text(el, 'tr[data-person-id="p-1"]')).to.contain('学员1').and.contain('4401**********1201').and.contain('报名成功');
    expect(text(el, 'tr[data-person-id="p-5"]')).to.contain('未通过').and.contain('理由：非工程技术岗位');
    expect(text(el, '[data-action=close]')).to.equal('截止报名');
    expect(el.shadowRoot!.querySelector('.completion')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render({ [LIST]: [page([started])], [detailRoute(7)]: [json(200, started)] }, 'en');
    await openClass(el, 7);
    expect(text(el, '#screen-title')).to.contain('Enrolment closed');
    expect(text(el, '[data-testid=roster-counts]')).to.equal('2 enrolled · 1 awaiting review · 1 waiting');
    expect(text(el, '.completion legend')).to.equal('Who attended (approved enrollees only)');
    expect(text(el, '[data-action=open]')).to.equal('Open again');
    await expect(el).to.be.accessible();
  });

  it('opens and closes enrolment: POSTs, fires the events, shows the new status and reads the list and the class again', async () => {
    const draft = klass(2, { status: 'draft', roster: [] });
    const { roster: _none, ...body } = draft;
    const joined = [entry(8, { status: 'pending', decidedAt: null })];
    const el = await render({
      [LIST]: [page([draft]), page([klass(2)]), page([klass(2, { status: 'closed' })])],
      [detailRoute(2)]: [json(200, draft), json(200, { ...body, status: 'accepting', roster: [] }), json(200, { ...body, status: 'closed', roster: joined })],
      [commandRoute(2, 'open')]: [json(200, { ...body, status: 'accepting', position: P1 })],
      [commandRoute(2, 'close')]: [problem(409, '只有接受报名中的培训班可以截止报名'), json(200, { ...body, status: 'closed', position: P2 })],
    });
    await openClass(el, 2);
    setTimeout(() => $(el, '[data-action=open]').click());
    expect((await oneEvent(el, 'jxjy-class-opened')).detail).to.deep.equal({ classId: 'c-2' });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=close]'), 'accepting');
    expect(text(el, '#manage-status')).to.equal('已开放报名。');
    expect(text(el, '#screen-title')).to.contain('接受报名');
    await waitUntil(() => f.stub!.to(LIST).length === 2 && f.stub!.to(detailRoute(2)).length === 2, 'list and class read again');
    expect(f.stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    expect(f.stub!.to(detailRoute(2)).map((c) => c.query.get('after'))).to.deep.equal([null, P1]);
    await waitUntil(() => focused(el, $(el, '#manage-status')), 'status focused');

    $(el, '[data-action=close]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'refusal shown');
    expect(text(el, '.failure')).to.equal('只有接受报名中的培训班可以截止报名');
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    await expect(el).to.be.accessible();

    setTimeout(() => $(el, '[data-action=close]').click());
    expect((await oneEvent(el, 'jxjy-class-closed')).detail).to.deep.equal({ classId: 'c-2' });
    await waitUntil(() => text(el, '#screen-title').includes('报名截止'), 'closed');
    expect($(el, '.failure').hidden).to.equal(true);
    expect(text(el, '[data-action=open]')).to.equal('重新开放报名');
    // The command's answer carries no roster: the class read with its position brings the current one, unasked.
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-person-id="p-8"]'), 'roster current');
    expect(f.stub!.to(detailRoute(2))[2]!.query.get('after')).to.equal(P2);
    expect(text(el, 'tr[data-person-id="p-8"]')).to.contain('待机构审核');
    expect(f.stub!.to(detailRoute(2))).to.have.length(3); // the refused close read nothing
  });

  it('offers no completion before the class starts (no request possible)', async () => {
    const early = klass(3, { status: 'closed', roster: [entry(1)] });
    const el = await render({ [LIST]: [page([early])], [detailRoute(3)]: [json(200, early)] });
    await openClass(el, 3);
    expect(text(el, '[data-testid=not-started]')).to.equal(`培训班 ${early.startDate} 开始，开始后方可办理结业。`);
    expect(el.shadowRoot!.querySelector('[data-action=complete]')).to.equal(null);
    expect(f.stub!.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('completes: ticks the approved who attended, confirms what it grants, sends exactly them, fires the event and reads the roster again', async () => {
    const done = { ...started, status: 'completed', roster: roster.map((r) => (r.personId === 'p-1' ? { ...r, status: 'completed' } : r)), position: P1 };
    const outcomes = { completed: 'p-1', missed: 'p-2', lapsed: 'p-3' } as const;
    const settled = roster.map((r) => {
      const status = (Object.keys(outcomes) as Array<keyof typeof outcomes>).find((s) => outcomes[s] === r.personId);
      return status ? { ...r, status } : r;
    });
    const el = await render({
      [LIST]: [page([started]), page([{ ...started, status: 'completed' }])],
      [detailRoute(7)]: [json(200, started), json(200, { ...started, status: 'completed', roster: settled })],
      [commandRoute(7, 'complete')]: [json(200, done)],
    });
    await openClass(el, 7);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.attendees input')].map((i) => i.value)).to.deep.equal(['p-1', 'p-2']);
    expect(text(el, 'label[for=attendee-p-1]')).to.equal('学员1（4401**********1201）');
    expect(text(el, '.completion .panel.warning')).to.contain('尚有 1 人待审核、1 人候补');
    $(el, '[data-action=tick-all]').click();
    await el.updateComplete;
    expect(ticked(el)).to.deep.equal(['p-1', 'p-2']);
    $(el, '[data-action=tick-none]').click();
    await el.updateComplete;
    expect(ticked(el)).to.deep.equal([]);
    $<HTMLInputElement>(el, '#attendee-p-1').click();
    await el.updateComplete;

    $(el, '[data-action=complete]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'complete-confirm', 'confirmation focused');
    expect(text(el, '#complete-question')).to.equal(
      `确认结业“人工智能应用专题培训班7”吗？已勾选的 1 人将获得 6 学时（公需科目，计入 ${started.startDate.slice(0, 4)} 年度），其余 1 名审核通过的人员记为缺勤。结业后不能修改。`,
    );
    expect($<HTMLFieldSetElement>(el, '.completion fieldset').disabled).to.equal(true);
    expect(f.stub!.to(commandRoute(7, 'complete'))).to.have.length(0);
    await expect(el).to.be.accessible();

    // 返回修改 goes back to the ticks without sending.
    $(el, '[data-action=keep]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-action') === 'complete', 'back to the button');
    $(el, '[data-action=complete]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#complete-confirm'), 'confirmation again');
    setTimeout(() => $(el, '#complete-confirm').click());
    expect((await oneEvent(el, 'jxjy-class-completed')).detail).to.deep.equal({ classId: 'c-7', attendees: 1 });
    expect(f.stub!.to(commandRoute(7, 'complete'))[0]!.body).to.deep.equal({ attendeePersonIds: ['p-1'] });
    await waitUntil(() => text(el, '#screen-title').includes('已结业'), 'completed');
    expect(text(el, '#manage-status')).to.equal('已结业：1 人获得 6 学时。');
    expect(text(el, '[data-testid=status-hint]')).to.contain('6 学时已计入');
    expect(el.shadowRoot!.querySelector('.completion')).to.equal(null);
    expect(text(el, 'tr[data-person-id="p-1"]')).to.contain('已结业');
    await waitUntil(() => f.stub!.to(LIST).length === 2, 'list read again');
    expect(f.stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    // Read again with the completion's position: the absent and the never-approved show their outcome, unasked.
    await waitUntil(() => text(el, 'tr[data-person-id="p-2"]').includes('缺勤'), 'roster read again');
    expect(f.stub!.to(detailRoute(7))[1]!.query.get('after')).to.equal(P1);
    expect(text(el, 'tr[data-person-id="p-3"]')).to.contain('已失效');
    expect(text(el, 'tr[data-person-id="p-1"]')).to.contain('已结业');
  });

  it('shows a refused completion as a focused alert and returns to the ticks', async () => {
    const el = await render({
      [LIST]: [page([started])],
      [detailRoute(7)]: [json(200, started)],
      [commandRoute(7, 'complete')]: [problem(422, '参训人员必须是已审核通过的报名人员', { details: [{ field: 'attendeePersonIds', message: '参训人员必须是已审核通过的报名人员' }] })],
    });
    await openClass(el, 7);
    $(el, '[data-action=tick-all]').click();
    $(el, '[data-action=complete]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#complete-confirm'), 'confirmation');
    $(el, '#complete-confirm').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'alert');
    expect(text(el, '.failure')).to.equal('参训人员必须是已审核通过的报名人员');
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(el.shadowRoot!.querySelector('#complete-confirm')).to.equal(null);
    expect($<HTMLFieldSetElement>(el, '.completion fieldset').disabled).to.equal(false);
    expect(ticked(el)).to.deep.equal(['p-1', 'p-2']);
  });

  it('refuses a date that does not exist, for browsers without a date picker', () => {
    expect(classProblems({ hours: '8', capacity: '10', startDate: '2026-02-30', endDate: '2026-03-01' })).to.deep.equal({
      startDate: { key: 'dateFormat', params: { field: 'startDate' } },
    });
  });

  it('asks for nothing without a token and loads when the token arrives', async () => {
    const stub = stubFetch({ [LIST]: [page([klass(1)])] });
    try {
      const el = await fixture<JxjyClassManage>(html`<jxjy-class-manage lang="en"></jxjy-class-manage>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stub.calls).to.have.length(0);
      expect(text(el, '.sign-in-needed')).to.equal('Please sign in to use this.');
      await expect(el).to.be.accessible();
      el.token = 'late-jwt';
      await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-1"]'), 'list after the token');
      expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    } finally {
      stub.restore();
    }
  });
});
