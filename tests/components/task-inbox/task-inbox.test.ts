// <jxjy-task-inbox>: the table in zh and en, empty and error states, filters, paging, approve (after a
// confirmation) and reject-with-reason flows (reason required, focus moves on, the decided row leaves the open
// list), the overdue/reminded tag, org_not_approved, and the decided event with the decision's position. Token and
// configuration: *.config.test.ts.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/task-inbox/task-inbox.js';
import type { JxjyTaskInbox } from '../../../components/task-inbox/task-inbox.component.js';
import type { TaskItem } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const LIST = 'GET /api/v1/tasks';
const task = (n: number, over: Partial<TaskItem> = {}): TaskItem => ({
  taskId: `t-${n}`,
  kind: 'org-approval',
  status: 'open',
  subject: { type: 'org', id: `org-${n}`, title: `示例单位${n}` },
  requestedBy: { id: `acc-${n}`, name: `联系人${n}` },
  createdAt: '2026-03-01T02:30:00.000Z',
  dueAt: '2026-03-31T00:00:00.000Z',
  escalated: false,
  ...over,
});
const page = (items: TaskItem[], nextCursor: string | null = null) => json(200, { items, nextCursor });
const decided = (n: number, decision: 'approve' | 'reject') =>
  json(200, { taskId: `t-${n}`, status: 'closed', decision, subject: task(n).subject, position: `${40 + n}` });

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox lang=${lang} .token=${'reviewer-jwt'}></jxjy-task-inbox>`);
  await waitUntil(() => stub!.to(LIST).length > 0 && el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  await el.updateComplete;
  return el;
}

const row = (el: JxjyTaskInbox, n: number) => $(el, `tr[data-task-id="t-${n}"]`);
const button = (el: JxjyTaskInbox, n: number, action: string) => $<HTMLButtonElement>(el, `tr[data-task-id="t-${n}"] [data-action=${action}]`);
const gone = (el: JxjyTaskInbox, n: number) => !el.shadowRoot!.querySelector(`tr[data-task-id="t-${n}"]`);
const confirmFocused = (el: JxjyTaskInbox) => el.shadowRoot!.activeElement?.id === 'approve-confirm';

/** Approve the way a person does: 通过, then 确认通过 in the confirmation step. */
async function approve(el: JxjyTaskInbox, n: number) {
  button(el, n, 'approve').click();
  await waitUntil(() => confirmFocused(el), 'confirmation focused');
  $(el, '#approve-confirm').click();
}

describe('jxjy-task-inbox', () => {
  it('lists open tasks in a captioned table with scoped headers (zh-CN) and passes axe', async () => {
    const el = await render({ [LIST]: [page([task(1), task(2, { kind: 'credit-review', escalated: true })])] });
    const [call] = stub!.to(LIST);
    expect(call!.query.get('status')).to.equal('open');
    expect(call!.query.get('limit')).to.equal('20');
    expect(call!.query.has('kind')).to.equal(false);
    expect(call!.headers.get('Authorization')).to.equal('Bearer reviewer-jwt');
    expect(text(el, 'caption')).to.equal('待办事项（已显示 2 条）');
    expect([...el.shadowRoot!.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect(text(el, 'tr[data-task-id="t-1"] th[scope=row]')).to.equal('示例单位1');
    expect(row(el, 1).textContent).to.contain('单位/机构注册审核').and.contain('联系人1').and.contain('待办理');
    expect(row(el, 2).textContent).to.contain('学时申报审核').and.contain('已升级');
    expect($(el, 'tr[data-task-id="t-1"] time').getAttribute('datetime')).to.equal('2026-03-01T02:30:00.000Z');
    expect(button(el, 1, 'approve').getAttribute('aria-label')).to.equal('通过 示例单位1');
    expect(button(el, 1, 'reject').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const el = await render({ [LIST]: [page([task(1)])] }, 'en');
    expect(text(el, 'caption')).to.equal('Open tasks (1 shown)');
    expect(row(el, 1).textContent).to.contain('Organisation registration');
    expect(text(el, 'label[for=status-filter]')).to.equal('Status');
    expect(button(el, 1, 'approve').textContent!.trim()).to.equal('Approve');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state', async () => {
    const el = await render({ [LIST]: [page([])] });
    expect(text(el, '.empty')).to.equal('暂无待办');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry that reloads', async () => {
    const el = await render({
      [LIST]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用' }), page([task(1)])],
    });
    expect(text(el, '.load-error p')).to.equal('服务暂不可用');
    expect($(el, '.load-error').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table after retry');
    expect(stub!.to(LIST)).to.have.length(2);
  });

  it('filters by status and kind with native selects', async () => {
    const el = await render({ [LIST]: [page([task(1)]), page([task(3, { status: 'closed', decision: 'reject', reason: '材料不全' })]), page([])] });
    const status = $<HTMLSelectElement>(el, '#status-filter');
    status.value = 'closed';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-task-id="t-3"]'), 'closed list');
    expect(stub!.to(LIST)[1]!.query.get('status')).to.equal('closed');
    expect(row(el, 3).textContent).to.contain('已驳回').and.contain('材料不全');
    expect(el.shadowRoot!.querySelector('tr[data-task-id="t-3"] button')).to.equal(null);
    const kind = $<HTMLSelectElement>(el, '#kind-filter');
    kind.value = 'enrolment-review';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'filtered empty');
    expect(stub!.to(LIST)[2]!.query.get('kind')).to.equal('enrolment-review');
    expect(text(el, '.empty')).to.equal('暂无已办事项');
  });

  it('loads more with nextCursor and hides the button on the last page', async () => {
    const el = await render({ [LIST]: [page([task(1)], 'cursor-2'), page([task(2)], null)] });
    $(el, '.pager button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-task-id="t-2"]'), 'second page');
    expect(stub!.to(LIST)[1]!.query.get('cursor')).to.equal('cursor-2');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pager')).to.equal(null);
  });

  it('asks for confirmation before approving: 通过 alone sends nothing; cancel and Escape back out', async () => {
    const el = await render({ [LIST]: [page([task(1)])] });
    button(el, 1, 'approve').click();
    await waitUntil(() => confirmFocused(el), 'confirm button focused');
    expect(button(el, 1, 'approve').getAttribute('aria-expanded')).to.equal('true');
    expect(button(el, 1, 'approve').getAttribute('aria-controls')).to.equal('approve-form');
    expect(text(el, '#approve-question')).to.equal('确定通过“示例单位1”吗？通过后不能撤销。');
    expect($(el, '#approve-confirm').getAttribute('aria-describedby')).to.equal('approve-question');
    expect(stub!.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();

    $(el, '#approve-form button[type=button]').click();
    await waitUntil(() => focused(el, button(el, 1, 'approve')), 'focus back on approve after cancel');
    expect(el.shadowRoot!.querySelector('#approve-form')).to.equal(null);
    expect(button(el, 1, 'approve').getAttribute('aria-expanded')).to.equal('false');

    button(el, 1, 'approve').click();
    await waitUntil(() => confirmFocused(el), 'confirm button focused again');
    $(el, '#approve-confirm').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => focused(el, button(el, 1, 'approve')), 'focus back on approve after Escape');
    expect(el.shadowRoot!.querySelector('#approve-form')).to.equal(null);
    expect(stub!.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('asks for confirmation in English too, and passes axe', async () => {
    const el = await render({ [LIST]: [page([task(1)])] }, 'en');
    button(el, 1, 'approve').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#approve-form'), 'confirmation');
    expect(text(el, '#approve-question')).to.equal('Approve “示例单位1”? This cannot be undone.');
    expect(text(el, '#approve-confirm')).to.equal('Confirm approval');
    await expect(el).to.be.accessible();
  });

  it('approves after confirmation: posts, the row leaves the open list, the event fires, focus goes to the next task', async () => {
    const el = await render({ [LIST]: [page([task(1), task(2)])], 'POST /api/v1/tasks/t-1/decision': [decided(1, 'approve')] });
    setTimeout(() => void approve(el, 1));
    const event = await oneEvent(el, 'jxjy-task-decided');
    // With the decision's position, for a host to read the subject's outcome with ?after=.
    expect(event.detail).to.deep.equal({ taskId: 't-1', decision: 'approve', subject: task(1).subject, position: '41' });
    expect(stub!.to('POST /api/v1/tasks/t-1/decision')[0]!.body).to.deep.equal({ decision: 'approve' });
    await waitUntil(() => focused(el, button(el, 2, 'approve')), 'focus on the next row');
    expect(gone(el, 1), 'decided row left the open list').to.equal(true);
    expect(text(el, 'caption')).to.equal('待办事项（已显示 1 条）');
    expect(text(el, '#inbox-status')).to.equal('已通过：示例单位1（已移入已办）');
    expect($(el, '#inbox-status').getAttribute('role')).to.equal('status');
    // Without a refresh: the list was fetched once.
    expect(stub!.to(LIST)).to.have.length(1);
  });

  it('moves focus to the status message after deciding the last open task, and shows the empty state', async () => {
    const el = await render({ [LIST]: [page([task(1)])], 'POST /api/v1/tasks/t-1/decision': [decided(1, 'approve')] });
    await approve(el, 1);
    await waitUntil(() => focused(el, $(el, '#inbox-status')), 'focus on the status message');
    expect(text(el, '#inbox-status')).to.equal('已通过：示例单位1（已移入已办）');
    expect(text(el, '.empty')).to.equal('暂无待办');
    await expect(el).to.be.accessible();
  });

  it('shows the overdue / reminded tag on a task whose due date passed (zh and en)', async () => {
    const overdue = task(1, { remindedAt: '2026-04-01T00:00:00.000Z', dueAt: '2026-03-31T00:00:00.000Z' });
    const el = await render({ [LIST]: [page([overdue, task(2, { remindedAt: null })])] });
    expect(text(el, 'tr[data-task-id="t-1"] [data-tag=reminded]')).to.equal('已超期·已催办');
    expect(row(el, 2).querySelector('[data-tag=reminded]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-tag=reminded]')?.textContent === 'Overdue, reminded', 'English tag');
  });

  it("shows a binding request's person, masked ID number and the job-change tag (zh and en); passes axe", async () => {
    const binding = (n: number, jobChange: boolean) =>
      task(n, {
        kind: 'binding-confirmation',
        subject: { type: 'binding', id: `per-${n}`, title: `人员${n}` },
        details: { personName: `人员${n}`, idNumberMasked: '4401**********123X', jobChange },
      });
    const el = await render({ [LIST]: [page([binding(1, false), binding(2, true)])] });
    expect(text(el, 'tr[data-task-id="t-1"] th[scope=row]')).to.equal('人员1 身份证号 4401**********123X');
    expect(row(el, 1).textContent).to.contain('人员绑定确认');
    expect(row(el, 1).querySelector('[data-tag=job-change]')).to.equal(null);
    expect(text(el, 'tr[data-task-id="t-2"] [data-tag=job-change]')).to.equal('工作变更');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-tag=job-change]')?.textContent === 'Job change', 'English tag');
    expect(text(el, 'tr[data-task-id="t-1"] .id-number')).to.equal('ID number 4401**********123X');
    await expect(el).to.be.accessible();
  });

  it('requires a reason to reject: an empty reason shows an error and calls nothing', async () => {
    const el = await render({ [LIST]: [page([task(1), task(2)])], 'POST /api/v1/tasks/t-1/decision': [decided(1, 'reject')] });
    button(el, 1, 'reject').click();
    await el.updateComplete;
    expect(button(el, 1, 'reject').getAttribute('aria-expanded')).to.equal('true');
    expect(button(el, 1, 'reject').getAttribute('aria-controls')).to.equal('reason-form');
    await waitUntil(() => focused(el, $(el, '#reason-input')), 'reason textarea focused');
    await expect(el).to.be.accessible();

    $(el, '#reason-form button[type=submit]').click();
    await el.updateComplete;
    expect(text(el, '#reason-error')).to.equal('请填写驳回理由');
    expect($(el, '#reason-input').getAttribute('aria-invalid')).to.equal('true');
    expect(stub!.to('POST /api/v1/tasks/t-1/decision')).to.have.length(0);

    fill(el, { 'reason-input': '  营业执照已过期  ' });
    setTimeout(() => $(el, '#reason-form button[type=submit]').click());
    const event = await oneEvent(el, 'jxjy-task-decided');
    expect([event.detail.decision, event.detail.position]).to.deep.equal(['reject', '41']);
    expect(stub!.to('POST /api/v1/tasks/t-1/decision')[0]!.body).to.deep.equal({ decision: 'reject', reason: '营业执照已过期' });
    await waitUntil(() => focused(el, button(el, 2, 'approve')), 'focus on the next row');
    expect(gone(el, 1), 'rejected row left the open list').to.equal(true);
    expect(text(el, '#inbox-status')).to.equal('已驳回：示例单位1（已移入已办）');
    expect(el.shadowRoot!.querySelector('#reason-form')).to.equal(null);
  });

  it('closes the reason form on cancel and returns focus to the reject button', async () => {
    const el = await render({ [LIST]: [page([task(1)])] });
    button(el, 1, 'reject').click();
    await el.updateComplete;
    $(el, '#reason-form button[type=button]').click();
    await waitUntil(() => focused(el, button(el, 1, 'reject')), 'focus back on reject');
    expect(button(el, 1, 'reject').getAttribute('aria-expanded')).to.equal('false');
  });

  it("shows the server's org_not_approved message prominently", async () => {
    const message = '您所在的单位尚未通过审核，暂不能办理业务';
    const el = await render({
      [LIST]: [page([task(1)])],
      'POST /api/v1/tasks/t-1/decision': [json(403, { statusCode: 403, error: 'Forbidden', message, code: 'org_not_approved' })],
    });
    await approve(el, 1);
    await waitUntil(() => el.shadowRoot!.querySelector('.blocked'), 'blocked notice');
    expect(text(el, '.blocked')).to.equal(message);
    expect($(el, '.blocked').getAttribute('role')).to.equal('alert');
    await waitUntil(() => focused(el, $(el, '.blocked')), 'blocked notice focused');
    expect(row(el, 1).textContent).to.contain('待办理');
    await expect(el).to.be.accessible();
  });

  it('lists a rejected organisation\'s 403 (org_rejected) as the prominent notice with a retry', async () => {
    const el = await render({
      [LIST]: [json(403, { statusCode: 403, error: 'Forbidden', message: '单位注册未通过审核', code: 'org_rejected' })],
    });
    expect($(el, '.load-error').classList.contains('blocked')).to.equal(true);
    expect(text(el, '.load-error p')).to.equal('单位注册未通过审核');
    await expect(el).to.be.accessible();
  });

  it('shows a conflict (already decided) as an alert and keeps the row', async () => {
    const el = await render({
      [LIST]: [page([task(1)])],
      'POST /api/v1/tasks/t-1/decision': [json(409, { statusCode: 409, error: 'Conflict', message: '该事项已办结' })],
    });
    await approve(el, 1);
    await waitUntil(() => !$(el, '.failure').hidden, 'failure shown');
    expect(text(el, '.failure')).to.equal('该事项已办结');
    expect(button(el, 1, 'approve').textContent!.trim()).to.equal('通过');
  });

  it('shows a server 422 on reject next to the reason', async () => {
    const el = await render({
      [LIST]: [page([task(1)])],
      'POST /api/v1/tasks/t-1/decision': [
        json(422, { statusCode: 422, error: 'Unprocessable Entity', message: '驳回须填写理由', details: [{ field: 'reason', message: '理由过短' }] }),
      ],
    });
    button(el, 1, 'reject').click();
    await el.updateComplete;
    fill(el, { 'reason-input': '短' });
    $(el, '#reason-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#reason-error'), 'reason error');
    expect(text(el, '#reason-error')).to.equal('理由过短');
  });

  it('refuses a control character in the reason before calling the API', async () => {
    const el = await render({ [LIST]: [page([task(1)])] });
    button(el, 1, 'reject').click();
    await el.updateComplete;
    fill(el, { 'reason-input': '材料\u0007不全' });
    $(el, '#reason-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#reason-error'), 'reason error');
    expect(text(el, '#reason-error')).to.equal('理由不能包含控制字符');
    expect(stub!.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });
});
