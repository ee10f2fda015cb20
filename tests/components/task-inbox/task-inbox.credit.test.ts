// <jxjy-task-inbox> credit-review rows: the record's title, the person (name, masked ID number), what is declared,
// the evidence as download buttons fetching the file with the token (saved under its name, the server's when it gives
// one), and a clear warning
// for a duplicate or overlapping declaration naming the other record and its dates; zh and en with axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/task-inbox/task-inbox.js';
import type { JxjyTaskInbox } from '../../../components/task-inbox/task-inbox.component.js';
import type { CreditTaskDetails, TaskItem } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const LIST = 'GET /api/v1/tasks';
const details = (over: Partial<CreditTaskDetails> = {}): CreditTaskDetails => ({
  personName: '李明',
  idNumberMasked: '4401**********1234',
  year: 2025,
  category: 'professional',
  mode: 'training',
  startDate: '2025-03-01',
  endDate: '2025-03-02',
  hours: 15.5,
  attachments: [
    { attachmentId: 'a-1', filename: '培训证书.pdf', contentType: 'application/pdf', size: 20480 },
    { attachmentId: 'a-2', filename: '签到表.png', contentType: 'image/png', size: 4096 },
  ],
  overlaps: [],
  ...over,
});
const task = (n: number, d: CreditTaskDetails): TaskItem => ({
  taskId: `t-${n}`,
  kind: 'credit-review',
  status: 'open',
  subject: { type: 'credit', id: `rec-${n}`, title: `建筑工程新技术培训${n}` },
  requestedBy: { id: 'person-1', name: d.personName },
  createdAt: '2025-03-05T02:30:00.000Z',
  dueAt: '2025-03-12T02:30:00.000Z',
  escalated: false,
  details: d as unknown as Record<string, unknown>,
});
const overlapping = details({
  overlaps: [
    { recordId: 'rec-9', title: '建筑工程新技术培训（重复）', startDate: '2025-03-01', endDate: '2025-03-02', status: 'approved', duplicate: true },
    { recordId: 'rec-8', title: '安全生产继续教育', startDate: '2025-03-02', endDate: '2025-03-02', status: 'submitted', duplicate: false },
  ],
});

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox lang=${lang} .token=${'reviewer-jwt'}></jxjy-task-inbox>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  return el;
}

describe('jxjy-task-inbox credit-review rows', () => {
  it('shows the record, the person with the masked ID number, what is declared and its evidence (zh-CN); passes axe', async () => {
    const el = await render({ [LIST]: [json(200, { items: [task(1, details())], nextCursor: null })] });
    expect(text(el, 'tr[data-task-id="t-1"] th[scope=row]')).to.contain('建筑工程新技术培训1').and.contain('李明').and.contain('身份证号 4401**********1234');
    expect(el.shadowRoot!.querySelector('[data-tag=overlap]')).to.equal(null);
    const facts = text(el, 'tr[data-details-for="t-1"]');
    expect(facts).to.contain('年度2025 年').and.contain('科目类别专业科目').and.contain('学习形式培训').and.contain('学时15.5').and.contain('起止日期2025-03-01 – 2025-03-02');
    const buttons = [...el.shadowRoot!.querySelectorAll('tr[data-details-for="t-1"] [data-action=download]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['下载 培训证书.pdf', '下载 签到表.png']);
    expect(el.shadowRoot!.querySelector('[data-testid=overlap-warning]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('warns clearly of a duplicate or overlapping declaration, naming the other records and their dates (zh and en); passes axe', async () => {
    const el = await render({ [LIST]: [json(200, { items: [task(2, overlapping)], nextCursor: null })] });
    expect(text(el, 'tr[data-task-id="t-2"] [data-tag=overlap]')).to.equal('重复/重叠申报');
    const warning = $(el, 'tr[data-details-for="t-2"] [data-testid=overlap-warning]');
    expect(warning.getAttribute('role')).to.equal('note');
    expect(text(el, '[data-testid=overlap-warning] .overlap-title')).to.contain('该申报与申请人的其他记录重复或时间重叠');
    expect(text(el, '[data-overlap-id="rec-9"]')).to.equal('重复申报：与“建筑工程新技术培训（重复）”（2025-03-01 – 2025-03-02，已通过）内容相同');
    expect(text(el, '[data-overlap-id="rec-8"]')).to.equal('时间重叠：与“安全生产继续教育”（2025-03-02，待单位审核）的日期重叠');
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-tag=overlap]')?.textContent === 'Duplicate / overlap', 'English');
    expect(text(el, '[data-overlap-id="rec-9"]')).to.equal('Duplicate: the same as “建筑工程新技术培训（重复）” (2025-03-01 – 2025-03-02, Approved)');
    expect(text(el, '[data-overlap-id="rec-8"]')).to.equal('Overlap: its dates overlap “安全生产继续教育” (2025-03-02, Awaiting the unit)');
    expect(text(el, 'tr[data-details-for="t-2"]')).to.contain('CategoryProfessional').and.contain('Hours15.5');
    await expect(el).to.be.accessible();
  });

  it('downloads an attachment with the token and saves it under its name', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(3, details())], nextCursor: null })],
      'GET /api/v1/credit-records/rec-3/attachments/a-2': [new Response(new Blob(['PNG!'], { type: 'image/png' }))],
    });
    const saved = new Promise<HTMLAnchorElement>((resolve) => {
      el.shadowRoot!.addEventListener('click', (e) => {
        if (e.target instanceof HTMLAnchorElement && e.target.download) {
          e.preventDefault(); // the test reads the link instead of letting the browser save the file
          resolve(e.target);
        }
      });
    });
    $(el, '[data-attachment-id="a-2"]').click();
    const link = await saved;
    const call = stub!.to('GET /api/v1/credit-records/rec-3/attachments/a-2')[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer reviewer-jwt');
    expect(link.download).to.equal('签到表.png');
    stub!.restore();
    expect(await (await fetch(link.href)).text()).to.equal('PNG!');
  });

  it("saves an attachment under the server's name for it when the response gives one", async () => {
    const served = '签到表（服务器命名）.png';
    const el = await render({
      [LIST]: [json(200, { items: [task(3, details())], nextCursor: null })],
      'GET /api/v1/credit-records/rec-3/attachments/a-2': [
        new Response('PNG!', { headers: { 'Content-Type': 'image/png', 'Content-Disposition': `attachment; filename="x.png"; filename*=UTF-8''${encodeURIComponent(served)}` } }),
      ],
    });
    const saved = new Promise<HTMLAnchorElement>((resolve) => {
      el.shadowRoot!.addEventListener('click', (e) => {
        if (e.target instanceof HTMLAnchorElement && e.target.download) {
          e.preventDefault();
          resolve(e.target);
        }
      });
    });
    $(el, '[data-attachment-id="a-2"]').click();
    expect((await saved).download).to.equal(served);
  });

  it('shows a failed download as an alert', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(4, details())], nextCursor: null })],
      'GET /api/v1/credit-records/rec-4/attachments/a-1': [json(404, { statusCode: 404, error: 'Not Found', message: '不存在或无权查看' })],
    });
    $(el, '[data-attachment-id="a-1"]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'failure shown');
    expect(text(el, '.failure')).to.equal('不存在或无权查看');
    await waitUntil(() => focused(el, $(el, '.failure')), 'failure focused');
  });

  it('approves a credit task like any other: the row and its details leave the open list', async () => {
    const el = await render({
      [LIST]: [json(200, { items: [task(5, details())], nextCursor: null })],
      'POST /api/v1/tasks/t-5/decision': [json(200, { taskId: 't-5', status: 'closed', decision: 'approve', subject: task(5, details()).subject, position: '1' })],
    });
    $(el, 'tr[data-task-id="t-5"] [data-action=approve]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'approve-confirm', 'confirmation');
    $(el, '#approve-confirm').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('tr[data-task-id="t-5"]'), 'row gone');
    expect(el.shadowRoot!.querySelector('tr[data-details-for="t-5"]')).to.equal(null);
  });
});
