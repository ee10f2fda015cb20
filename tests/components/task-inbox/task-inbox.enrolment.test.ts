// <jxjy-task-inbox> enrolment-review rows: the class's title, the person (name, masked ID number), the class's dates,
// category, hours and its seats now (each class read once, with the token, and again after a decision on it); approve,
// and reject with the reason required (no request without one); a class that cannot be read says why; zh and en with axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/task-inbox/task-inbox.js';
import type { JxjyTaskInbox } from '../../../components/task-inbox/task-inbox.component.js';
import type { EnrolmentTaskDetails, TaskItem } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import { klass, problem } from '../class-fixtures.js';

const LIST = 'GET /api/v1/tasks';
const CLASS = (n: number) => `GET /api/v1/classes/c-${n}`;
const DECIDE = (n: number) => `POST /api/v1/tasks/t-${n}/decision`;
const details = (n: number, classN = 1): EnrolmentTaskDetails => ({
  personName: `学员${n}`,
  idNumberMasked: `4401**********12${String(n).padStart(2, '0')}`,
  classId: `c-${classN}`,
  classTitle: `人工智能应用专题培训班${classN}`,
  startDate: klass(classN).startDate,
});
const task = (n: number, classN = 1): TaskItem => {
  const d = details(n, classN);
  return {
    taskId: `t-${n}`,
    kind: 'enrolment-review',
    status: 'open',
    subject: { type: 'enrolment', id: `e-${n}`, title: `${d.personName} · ${d.classTitle}` },
    requestedBy: { id: `p-${n}`, name: d.personName },
    createdAt: '2026-03-05T02:30:00.000Z',
    dueAt: '2026-03-12T02:30:00.000Z',
    escalated: false,
    details: d as unknown as Record<string, unknown>,
  };
};
const decided = (n: number, decision: 'approve' | 'reject') => json(200, { taskId: `t-${n}`, status: 'closed', decision, subject: task(n).subject, position: '1' });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox lang=${lang} .token=${'institution-jwt'}></jxjy-task-inbox>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  return el;
}

const seats = (el: JxjyTaskInbox, n: number) => el.shadowRoot!.querySelector(`tr[data-details-for="t-${n}"] [data-cell=seats]`)?.textContent ?? '';

describe('jxjy-task-inbox enrolment-review rows', () => {
  it('shows the class, the person with the masked ID number and the class’s seats now (zh-CN); reads each class once; passes axe', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(1), task(2), task(3, 2)], nextCursor: null })],
      [CLASS(1)]: [json(200, klass(1, { seatsTaken: 29, seatsLeft: 1, waitlisted: 2 }))],
      [CLASS(2)]: [json(200, klass(2, { seatsTaken: 30, seatsLeft: 0, category: 'public', hours: 6 }))],
    });
    await waitUntil(() => seats(el, 1) && seats(el, 3), 'seats read');
    expect(stub!.to(CLASS(1))).to.have.length(1);
    expect(stub!.to(CLASS(1))[0]!.headers.get('Authorization')).to.equal('Bearer institution-jwt');
    expect(text(el, 'tr[data-task-id="t-1"] th[scope=row]')).to.contain('人工智能应用专题培训班1').and.contain('学员1').and.contain('身份证号 4401**********1201');
    expect(text(el, 'tr[data-task-id="t-1"]')).to.contain('培训班报名审核');
    expect(seats(el, 1)).to.equal('剩余 1 个名额 · 共 30 个名额 · 候补 2 人');
    expect(seats(el, 2)).to.equal(seats(el, 1));
    expect(seats(el, 3)).to.equal('名额已满 · 共 30 个名额');
    const facts = text(el, 'tr[data-details-for="t-3"]');
    expect(facts).to.contain('公需科目').and.contain('学时6').and.contain(klass(2).startDate).and.contain('驳回后，名额按报名先后让给候补人员');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render({ [LIST]: [json(200, { items: [task(1)], nextCursor: null })], [CLASS(1)]: [json(200, klass(1))] }, 'en');
    await waitUntil(() => seats(el, 1), 'seats read');
    expect(text(el, 'tr[data-task-id="t-1"]')).to.contain('Class enrolment review').and.contain('ID number 4401**********1201');
    expect(seats(el, 1)).to.equal('18 seat(s) left · 30 seats');
    expect(text(el, 'tr[data-details-for="t-1"]')).to.contain('Professional').and.contain('rejecting it gives the seat to the first on the waiting list');
    await expect(el).to.be.accessible();
  });

  it('approves: the row leaves, and the class’s seats are read again for its other tasks', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(1), task(2)], nextCursor: null })],
      [CLASS(1)]: [json(200, klass(1)), json(200, klass(1, { seatsTaken: 13, seatsLeft: 17 }))],
      [DECIDE(1)]: [decided(1, 'approve')],
    });
    await waitUntil(() => seats(el, 2), 'seats read');
    $(el, 'tr[data-task-id="t-1"] [data-action=approve]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'approve-confirm', 'confirmation');
    $(el, '#approve-confirm').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('tr[data-task-id="t-1"]'), 'row gone');
    expect(stub!.to(DECIDE(1))[0]!.body).to.deep.equal({ decision: 'approve' });
    expect(el.shadowRoot!.querySelector('tr[data-details-for="t-1"]')).to.equal(null);
    await waitUntil(() => seats(el, 2).includes('剩余 17'), 'seats read again');
    expect(stub!.to(CLASS(1))).to.have.length(2);
  });

  it('requires a reason to reject (no request without one), then sends it', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(4)], nextCursor: null })],
      [CLASS(1)]: () => json(200, klass(1)),
      [DECIDE(4)]: [decided(4, 'reject')],
    });
    $(el, 'tr[data-task-id="t-4"] [data-action=reject]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'reason-input', 'reason focused');
    $(el, '#reason-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#reason-error'), 'reason required');
    expect(text(el, '#reason-error')).to.equal('请填写驳回理由');
    expect(stub!.to(DECIDE(4))).to.have.length(0);
    fill(el, { 'reason-input': '本期仅面向工程技术人员' });
    $(el, '#reason-form button[type=submit]').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('tr[data-task-id="t-4"]'), 'row gone');
    expect(stub!.to(DECIDE(4))[0]!.body).to.deep.equal({ decision: 'reject', reason: '本期仅面向工程技术人员' });
    expect(text(el, '#inbox-status')).to.contain('已驳回');
  });

  it('reads the seats again when moved in the page (a disconnect drops what was read)', async () => {
    const el = await render({ [LIST]: [json(200, { items: [task(6)], nextCursor: null })], [CLASS(1)]: () => json(200, klass(1)) });
    await waitUntil(() => seats(el, 6), 'seats read');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => stub!.to(CLASS(1)).length === 2 && seats(el, 6), 'read again after the move');
    expect(seats(el, 6)).to.equal('剩余 18 个名额 · 共 30 个名额');
  });

  it('says why a class’s seats cannot be shown', async () => {
    const el = await render({ [LIST]: [json(200, { items: [task(5, 3)], nextCursor: null })], [CLASS(3)]: [problem(404, '培训班不存在或无权查看')] });
    await waitUntil(() => text(el, 'tr[data-details-for="t-5"]').includes('培训班不存在或无权查看'), 'reason shown');
    expect(text(el, 'tr[data-details-for="t-5"]')).to.contain(klass(3).startDate);
  });
});
