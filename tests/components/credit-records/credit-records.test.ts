// <jxjy-credit-records> (继续教育记录申报): the list in zh and en with axe, filters and paging; declaring a record
// (client checks mirroring the server's rules, the server's `details` landing on the fields, the detail read again
// with ?after=); evidence uploaded with a progress bar (413/415 shown at the file input), downloaded with the token
// and removed; 确认送审 (the 409 shown) and 撤回; a rejected record's reason, edit and resubmit; the history.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { JxjyCreditRecords } from '../../../components/credit-records/credit-records.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { CREATE, LIST, P1, P2, THIS_YEAR, YEAR, detailRoute, item, openRecord, page, pdf, record, render, titleFocused } from './fixtures.js';

afterEach(() => f.stub?.restore());

const FORM = { year: String(YEAR), category: 'public', title: '公需科目培训', mode: 'distance', organizer: '', startDate: `${YEAR}-05-10`, endDate: `${YEAR}-05-11`, hours: '12.5' };

async function fillForm(el: JxjyCreditRecords, values: Partial<typeof FORM> = {}) {
  fill(el, { ...FORM, ...values });
}

describe('jxjy-credit-records', () => {
  it('lists the year’s records in a captioned table (zh-CN) with the token, a rejection’s reason, and passes axe', async () => {
    const { el } = await render({ [LIST]: [page([item(1), item(2, { status: 'rejected', reason: '证明材料不清晰', attachmentCount: 1, hours: 7.5 })])] });
    const call = f.stub!.to(LIST)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(Object.fromEntries(call.query)).to.deep.equal({ year: String(YEAR), limit: '20' });
    expect(text(el, 'caption')).to.equal(`${YEAR} 年度学时申报记录（已显示 2 条）`);
    expect(text(el, 'tr[data-record-id="r-1"] th[scope=row]')).to.contain('专业技术培训1').and.contain('广东省继续教育协会');
    const second = $(el, 'tr[data-record-id="r-2"]').textContent!;
    expect(second).to.contain('专业科目').and.contain('培训').and.contain('7.5').and.contain('已驳回').and.contain('驳回理由：证明材料不清晰');
    expect(text(el, 'label[for=year-filter]')).to.equal('年度');
    expect($<HTMLSelectElement>(el, '#year-filter').value).to.equal(String(YEAR));
    expect($(el, 'tr[data-record-id="r-1"] [data-action=open]').getAttribute('aria-label')).to.equal('查看“专业技术培训1”');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe; says when a year has no records', async () => {
    const { el } = await render({ [LIST]: [page([item(1, { status: 'submitted' })]), page([])] }, { lang: 'en' });
    expect(text(el, 'caption')).to.equal(`Credit records of ${YEAR} (1 shown)`);
    expect($(el, 'tr[data-record-id="r-1"]').textContent).to.contain('Professional').and.contain('Training').and.contain('Awaiting the unit');
    expect(f.stub!.to(LIST)[0]!.headers.get('Accept-Language')).to.equal('en');
    await expect(el).to.be.accessible();
    const year = $<HTMLSelectElement>(el, '#year-filter');
    year.value = String(THIS_YEAR);
    year.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'empty year');
    expect(f.stub!.to(LIST)[1]!.query.get('year')).to.equal(String(THIS_YEAR));
    expect(text(el, '.empty')).to.contain(`No records for ${THIS_YEAR} yet`);
  });

  it('filters by status and loads more with nextCursor', async () => {
    const { el } = await render({ [LIST]: [page([item(1)]), page([item(2, { status: 'approved' })], 'c-2'), page([item(3, { status: 'approved' })])] });
    const status = $<HTMLSelectElement>(el, '#status-filter');
    status.value = 'approved';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-record-id="r-2"]'), 'approved list');
    expect(text(el, 'caption')).to.contain('已显示 1 条');
    expect(f.stub!.to(LIST)[1]!.query.get('status')).to.equal('approved');
    $(el, '.pager button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-record-id="r-3"]'), 'second page');
    const more = f.stub!.to(LIST)[2]!.query;
    expect([more.get('cursor'), more.get('status'), more.get('year')]).to.deep.equal(['c-2', 'approved', String(YEAR)]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pager')).to.equal(null);
    expect(el.shadowRoot!.querySelector('tr[data-record-id="r-1"]')).to.equal(null);
  });

  it('checks the rules before sending: dates inside the year, start ≤ end, not after today, 0.5 steps, 8 hours a day', async () => {
    const { el } = await render({ [LIST]: [page([])] });
    $(el, '[data-action=create]').click();
    await waitUntil(() => titleFocused(el), 'form heading focused');
    expect(text(el, '#screen-title')).to.equal('新增学时申报');
    expect($<HTMLSelectElement>(el, '#year').value).to.equal(String(YEAR));
    expect($(el, '#startDate').getAttribute('min')).to.equal(`${YEAR}-01-01`);
    expect($(el, '#startDate').getAttribute('max')).to.equal(`${YEAR}-12-31`);
    const submit = () => $(el, 'form button[type=submit]').click();

    await fillForm(el, { startDate: `${YEAR - 1}-12-31`, endDate: `${YEAR}-05-01`, hours: '7.3' });
    submit();
    await waitUntil(() => el.shadowRoot!.querySelector('#startDate-error'), 'date error');
    expect(text(el, '#startDate-error')).to.equal(`开始日期必须在 ${YEAR} 年内`);
    expect(text(el, '#hours-error')).to.equal('学时必须大于 0，且以 0.5 为单位');
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');

    await fillForm(el, { startDate: `${YEAR}-05-02`, endDate: `${YEAR}-05-01`, hours: '8' });
    submit();
    await waitUntil(() => el.shadowRoot!.querySelector('#endDate-error')?.textContent === '结束日期不能早于开始日期', 'end before start');

    await fillForm(el, { startDate: `${YEAR}-05-01`, endDate: `${YEAR}-05-02`, hours: '16.5' });
    submit();
    await waitUntil(() => el.shadowRoot!.querySelector('#hours-error'), 'per-day error');
    expect(text(el, '#hours-error')).to.equal('每天最多 8 学时：2 天最多 16 学时');
    expect(el.shadowRoot!.querySelector('#endDate-error')).to.equal(null);

    const year = $<HTMLSelectElement>(el, '#year');
    year.value = String(THIS_YEAR);
    year.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#endDate').getAttribute('max')).to.equal(`${THIS_YEAR}-12-31`);
    await fillForm(el, { year: String(THIS_YEAR), startDate: `${THIS_YEAR}-01-01`, endDate: `${THIS_YEAR}-12-31`, hours: '8' });
    submit();
    await waitUntil(() => el.shadowRoot!.querySelector('#endDate-error'), 'future error');
    expect(text(el, '#endDate-error')).to.equal('结束日期不能晚于今天');

    expect(f.stub!.to(CREATE)).to.have.length(0);
    expect([...$<HTMLSelectElement>(el, '#year').options].map((o) => o.value).at(-1)).to.equal('2019');
    await expect(el).to.be.accessible();
  });

  it('refuses a year before first-year (the old system’s history) when the portal asks for one (en); passes axe', async () => {
    const { el } = await render({ [LIST]: [page([])] }, { year: 2018, lang: 'en' });
    $(el, '[data-action=create]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
    expect(text(el, '#screen-title')).to.equal('New credit record');
    expect(text(el, 'label[for=hours]')).to.equal('Hours');
    await fillForm(el, { year: '2018', startDate: '2018-05-01', endDate: '2018-05-01', hours: '8' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#year-error'), 'year error');
    expect(text(el, '#year-error')).to.equal('Years before 2019 come from the old system’s history and cannot be declared here');
    expect(f.stub!.to(CREATE)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('declares a record: POSTs it, fires saved, shows the draft read again with ?after=, and lists it on return', async () => {
    const created = record(7, { title: '公需科目培训', category: 'public', mode: 'distance', startDate: `${YEAR}-05-10`, endDate: `${YEAR}-05-11`, hours: 12.5, position: P1 });
    delete created.organizer;
    const { el } = await render({
      [LIST]: [page([]), page([item(7, { title: '公需科目培训' })])],
      [CREATE]: [json(201, created)],
      [detailRoute(7)]: [json(200, { ...created, history: [{ event: 'drafted', at: `${YEAR}-05-12T01:00:00.000Z`, by: { id: 'person-1', role: 'person' } }] })],
    });
    $(el, '[data-action=create]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
    await fillForm(el);
    setTimeout(() => $(el, 'form button[type=submit]').click());
    const saved = await oneEvent(el, 'jxjy-credit-record-saved');
    expect(saved.detail).to.deep.equal({ recordId: 'r-7' });
    expect(f.stub!.to(CREATE)[0]!.body).to.deep.equal({
      year: YEAR, category: 'public', title: '公需科目培训', mode: 'distance', startDate: `${YEAR}-05-10`, endDate: `${YEAR}-05-11`, hours: 12.5,
    });
    await waitUntil(() => el.shadowRoot!.querySelector('.detail table.history'), 'detail with history');
    expect(f.stub!.to(detailRoute(7))[0]!.query.get('after')).to.equal(P1);
    expect(text(el, '#record-status')).to.equal('已保存为草稿。请上传证明材料，然后确认送审。');
    expect(text(el, '#screen-title')).to.contain('公需科目培训').and.contain('草稿');
    expect(text(el, '[data-testid=hours]')).to.equal('12.5');
    expect(text(el, '.empty-files')).to.contain('尚未上传证明材料');
    expect(text(el, 'table.history tbody')).to.contain('填写申报').and.contain('本人');
    await expect(el).to.be.accessible();

    $(el, '[data-action=back]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-record-id="r-7"]'), 'listed');
    expect(f.stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => focused(el, $(el, 'tr[data-record-id="r-7"] [data-action=open]')), 'row focused');
  });

  it("lands the server's 422 details on the fields and keeps what was typed", async () => {
    const { el } = await render({
      [LIST]: [page([])],
      [CREATE]: [json(422, { statusCode: 422, error: 'Unprocessable Entity', message: '结束日期不能晚于今天', details: [{ field: 'endDate', message: '结束日期不能晚于今天' }] })],
    });
    $(el, '[data-action=create]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form');
    await fillForm(el);
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#endDate-error'), 'server error on the field');
    expect(text(el, '#endDate-error')).to.equal('结束日期不能晚于今天');
    expect($(el, '#endDate').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '.summary-title')).to.equal('结束日期不能晚于今天');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('公需科目培训');
    await expect(el).to.be.accessible();
  });

  it('shows the 409 of 确认送审 (bind first), then submits and withdraws, firing events and reading again', async () => {
    const draft = record(3, { attachments: [pdf] });
    const { el } = await render({
      [LIST]: [page([item(3, { attachmentCount: 1 })]), page([item(3, { status: 'submitted' })]), page([item(3)])],
      [detailRoute(3)]: [json(200, draft), json(200, { ...draft, status: 'submitted', unitId: 'unit-1' }), json(200, draft)],
      'POST /api/v1/credit-records/r-3/submit': [
        json(409, { statusCode: 409, error: 'Conflict', message: '请先与工作单位完成绑定，再送审' }),
        json(200, { ...draft, status: 'submitted', unitId: 'unit-1', position: P1 }),
      ],
      'POST /api/v1/credit-records/r-3/withdraw': [json(200, { ...draft, position: P2 })],
    });
    await openRecord(el, 3);
    $(el, '[data-action=submit]').click();
    await waitUntil(() => !$(el, '.failure').hidden, 'conflict shown');
    expect(text(el, '.failure')).to.equal('请先与工作单位完成绑定，再送审');
    await waitUntil(() => focused(el, $(el, '.failure')), 'failure focused');
    await expect(el).to.be.accessible();

    setTimeout(() => $(el, '[data-action=submit]').click());
    expect((await oneEvent(el, 'jxjy-credit-record-submitted')).detail).to.deep.equal({ recordId: 'r-3' });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=withdraw]'), 'withdraw offered');
    expect($(el, '.failure').hidden).to.equal(true);
    expect(text(el, '#record-status')).to.equal('已送单位审核。');
    expect(text(el, '#screen-title')).to.contain('待单位审核');
    expect(el.shadowRoot!.querySelector('#file')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[data-action=remove]')).to.equal(null);
    await waitUntil(() => f.stub!.to(detailRoute(3)).length === 2, 'read again');
    expect(f.stub!.to(detailRoute(3))[1]!.query.get('after')).to.equal(P1);

    setTimeout(() => $(el, '[data-action=withdraw]').click());
    expect((await oneEvent(el, 'jxjy-credit-record-withdrawn')).detail).to.deep.equal({ recordId: 'r-3' });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=submit]'), 'editable again');
    expect(text(el, '#record-status')).to.equal('已撤回，记录恢复为草稿。');
  });

  it("shows a rejected record's reason and history, edits it (PATCH) and submits it again", async () => {
    const rejected = record(4, {
      status: 'rejected', reason: '请补充培训证书', unitId: 'unit-1', attachments: [pdf],
      history: [
        { event: 'drafted', at: `${YEAR}-03-03T01:00:00.000Z`, by: { id: 'person-1', role: 'person' } },
        { event: 'submitted', at: `${YEAR}-03-03T02:00:00.000Z`, by: { id: 'person-1', role: 'person' } },
        { event: 'rejected', at: `${YEAR}-03-04T02:00:00.000Z`, by: { id: 'reviewer-1', role: 'unit' }, reason: '请补充培训证书' },
      ],
    });
    const edited = { ...rejected, status: 'draft' as const, hours: 12, history: undefined, position: P1 };
    const { el } = await render({
      [LIST]: [page([item(4, { status: 'rejected', reason: '请补充培训证书' })]), page([item(4)]), page([item(4, { status: 'submitted' })])],
      [detailRoute(4)]: [json(200, rejected), json(200, { ...edited, history: rejected.history }), json(200, { ...edited, status: 'submitted' })],
      'PATCH /api/v1/credit-records/r-4': [json(200, edited)],
      'POST /api/v1/credit-records/r-4/submit': [json(200, { ...edited, status: 'submitted', position: P2 })],
    });
    await openRecord(el, 4);
    expect(text(el, '[data-testid=rejection]')).to.contain('单位审核未通过').and.contain('请补充培训证书').and.contain('修改后重新送审');
    const rows = [...el.shadowRoot!.querySelectorAll('table.history tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows).to.have.length(3);
    expect(rows[2]).to.contain('单位驳回').and.contain('单位审核人').and.contain('请补充培训证书');
    expect($(el, 'table.history tr[data-event=rejected] time').getAttribute('datetime')).to.equal(`${YEAR}-03-04T02:00:00.000Z`);
    await expect(el).to.be.accessible();

    $(el, '[data-action=edit]').click();
    await waitUntil(() => titleFocused(el), 'edit form focused');
    expect(text(el, '#screen-title')).to.equal('修改学时申报');
    expect(text(el, '.panel.rejected')).to.contain('请补充培训证书');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('专业技术培训4');
    expect($<HTMLSelectElement>(el, '#category').value).to.equal('professional');
    expect($<HTMLInputElement>(el, '#hours').value).to.equal('16');
    fill(el, { hours: '12' });
    setTimeout(() => $(el, 'form button[type=submit]').click());
    await oneEvent(el, 'jxjy-credit-record-saved');
    expect(f.stub!.to('PATCH /api/v1/credit-records/r-4')[0]!.body).to.deep.include({ hours: 12, title: '专业技术培训4', organizer: '广东省继续教育协会' });
    await waitUntil(() => el.shadowRoot!.querySelector('.detail [data-action=submit]'), 'detail again');
    expect(text(el, '#record-status')).to.equal('修改已保存。');
    expect(el.shadowRoot!.querySelector('[data-testid=rejection]')).to.equal(null);

    setTimeout(() => $(el, '[data-action=submit]').click());
    await oneEvent(el, 'jxjy-credit-record-submitted');
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=withdraw]'), 'submitted');
  });

  it('asks for nothing without a token, shows sign-in is needed (en), and loads when the token arrives', async () => {
    const stub = stubFetch({ [LIST]: [page([item(1)])] });
    const el = await fixture<JxjyCreditRecords>(html`<jxjy-credit-records lang="en"></jxjy-credit-records>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('Please sign in to use this.');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-record-id="r-1"]'), 'list after the token');
    stub.restore();
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    expect(stub.to(LIST)[0]!.query.get('year')).to.equal(String(THIS_YEAR));
  });
});
