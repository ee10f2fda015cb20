// <jxjy-class-manage> (培训班管理), the list and 新建培训班: the institution's classes in zh and en with axe, paging;
// the form's checks mirroring the server's (required fields, title length, hours in 0.5 steps up to 2000, capacity a
// whole number 1–100000, real dates with the end not before the start, a 6-digit Guangdong region in the server's own
// words) each blocking the request; creating (the exact body, optional fields left out, the event, the draft's detail
// and the list read with ?after=); the server's 422 details landing on the fields (the institution's own region
// outside Guangdong among them).
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { JxjyClassManage } from '../../../components/class-manage/class-manage.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, text } from '../fetch-stub.js';
import { klass, P1, page, problem } from '../class-fixtures.js';
import * as f from './fixtures.js';
import { CREATE, LIST, detailRoute, render, titleFocused } from './fixtures.js';

afterEach(() => f.stub?.restore());

const FORM = { title: '2026 年人工智能应用专题培训班', hours: '12.5', capacity: '40', startDate: '2026-09-01', endDate: '2026-09-02', regionCode: '', description: '' };

async function openForm(el: JxjyClassManage) {
  $(el, '[data-action=create]').click();
  await waitUntil(() => titleFocused(el), 'form heading focused');
}

function fillForm(el: JxjyClassManage, values: Partial<typeof FORM> & { category?: string } = {}) {
  const { category = 'professional', ...rest } = values;
  fill(el, { ...FORM, ...rest });
  $<HTMLSelectElement>(el, '#category').value = category;
}

const submit = (el: JxjyClassManage) => $(el, 'form button[type=submit]').click();

describe('jxjy-class-manage: list and new class', () => {
  it('lists the institution’s classes in every status with seats (zh-CN) and passes axe', async () => {
    const el = await render({
      [LIST]: [page([klass(1, { status: 'draft', seatsTaken: 0, seatsLeft: 30 }), klass(2, { waitlisted: 4, seatsTaken: 30, seatsLeft: 0, regionCode: '440000' }), klass(3, { status: 'completed' })])],
    });
    const call = f.stub!.to(LIST)[0]!;
    expect(Object.fromEntries(call.query)).to.deep.equal({ limit: '20' });
    expect(call.headers.get('Authorization')).to.equal('Bearer institution-jwt');
    expect(text(el, 'caption')).to.equal('本机构的培训班（已显示 3 个）');
    expect(text(el, 'tr[data-class-id="c-1"]')).to.contain('未发布').and.contain('已占 0 / 30').and.contain('专业科目');
    expect(text(el, 'tr[data-class-id="c-2"] [data-cell=seats]')).to.equal('已占 30 / 30 候补 4 人');
    expect(text(el, 'tr[data-class-id="c-2"]')).to.contain('接受报名').and.contain('全省');
    expect(text(el, 'tr[data-class-id="c-3"]')).to.contain('已结业');
    expect($(el, 'tr[data-class-id="c-1"] [data-action=open]').getAttribute('aria-label')).to.equal('管理“人工智能应用专题培训班1”');
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe; says when there is no class yet; loads more', async () => {
    const el = await render({ [LIST]: [page([klass(1)], 'cur-1'), page([klass(2, { status: 'closed' })])] }, 'en');
    expect(text(el, 'caption')).to.equal('Our classes (1 shown)');
    expect(text(el, 'tr[data-class-id="c-1"]')).to.contain('Accepting enrolment').and.contain('12 of 30 taken');
    await expect(el).to.be.accessible();
    $(el, '[data-action=more]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-2"]'), 'second page');
    expect(f.stub!.to(LIST)[1]!.query.get('cursor')).to.equal('cur-1');
    expect(text(el, 'tr[data-class-id="c-2"]')).to.contain('Enrolment closed');

    f.stub!.restore();
    const empty = await render({ [LIST]: [page([])] });
    expect(text(empty, '.empty')).to.contain('本机构还没有培训班');
  });

  it('checks the form before sending: each rule blocks the request and lands on its field', async () => {
    const el = await render({ [LIST]: [page([])] });
    await openForm(el);
    expect(text(el, '#screen-title')).to.equal('新建培训班');
    expect($(el, 'label[for=regionCode]').classList.contains('required')).to.equal(false);
    expect($(el, 'label[for=hours]').classList.contains('required')).to.equal(true);

    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#title-error'), 'required errors');
    for (const field of ['title', 'category', 'hours', 'capacity', 'startDate', 'endDate']) {
      expect(el.shadowRoot!.querySelector(`#${field}-error`), field).to.not.equal(null);
    }
    expect(text(el, '#title-error')).to.equal('请输入培训班名称');
    expect(el.shadowRoot!.querySelector('#regionCode-error')).to.equal(null);
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');

    fillForm(el, { title: 'A', hours: '7.3', capacity: '0', startDate: '2026-09-02', endDate: '2026-09-01', regionCode: '4401' });
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#hours-error')?.textContent === '学时必须大于 0，且以 0.5 为单位', 'rule errors');
    expect(text(el, '#title-error')).to.equal('培训班名称应为 2–100 个字符');
    expect(text(el, '#capacity-error')).to.equal('名额应为 1–100000 之间的整数');
    expect(text(el, '#endDate-error')).to.equal('结束日期不能早于开始日期');
    expect(text(el, '#regionCode-error')).to.equal('行政区划代码应为 6 位数字');
    expect($(el, '#hours').getAttribute('aria-invalid')).to.equal('true');

    fillForm(el, { hours: '2000.5', capacity: '1.5' });
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#hours-error')?.textContent === '学时不能超过 2000', 'more rule errors');
    expect(text(el, '#capacity-error')).to.equal('名额应为 1–100000 之间的整数');
    expect(el.shadowRoot!.querySelector('#endDate-error')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#title-error')).to.equal(null);

    expect(f.stub!.to(CREATE)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('creates a class: sends exactly the fields given, fires the event, shows the draft and lists it on return', async () => {
    const created = klass(5, { title: FORM.title, status: 'draft', hours: 12.5, capacity: 40, seatsTaken: 0, seatsLeft: 40, startDate: FORM.startDate, endDate: FORM.endDate, description: null, position: P1 });
    const el = await render({
      [LIST]: [page([]), page([created])],
      [CREATE]: [json(201, created)],
      [detailRoute(5)]: [json(200, { ...created, roster: [] })],
    });
    await openForm(el);
    fillForm(el);
    setTimeout(() => submit(el));
    expect((await oneEvent(el, 'jxjy-class-created')).detail).to.deep.equal({ classId: 'c-5' });
    expect(f.stub!.to(CREATE)[0]!.body).to.deep.equal({ title: FORM.title, category: 'professional', hours: 12.5, capacity: 40, startDate: FORM.startDate, endDate: FORM.endDate });
    await waitUntil(() => el.shadowRoot!.querySelector('.detail[data-class-id="c-5"]'), 'detail');
    expect(text(el, '#manage-status')).to.contain('培训班已保存为草稿');
    expect(text(el, '#screen-title')).to.contain(FORM.title).and.contain('未发布');
    expect(text(el, '[data-testid=status-hint]')).to.contain('培训班尚未发布');
    expect(text(el, '.facts')).to.contain('12.5').and.contain('（无简介）');
    expect($(el, '[data-action=open]').textContent!.trim()).to.equal('开放报名');
    await waitUntil(() => titleFocused(el), 'heading focused');
    await waitUntil(() => f.stub!.to(detailRoute(5)).length === 1 && el.shadowRoot!.querySelector('.roster .empty'), 'roster read');
    expect(f.stub!.to(detailRoute(5))[0]!.query.get('after')).to.equal(P1);
    expect(text(el, '.roster .empty')).to.equal('暂无报名。');
    await expect(el).to.be.accessible();

    $(el, '[data-action=back]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-class-id="c-5"]'), 'listed');
    expect(f.stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => focused(el, $(el, 'tr[data-class-id="c-5"] [data-action=open]')), 'row focused');
  });

  it('sends the region and description when given', async () => {
    const created = klass(6, { status: 'draft', position: P1 });
    const el = await render({ [LIST]: [page([]), page([created])], [CREATE]: [json(201, created)], [detailRoute(6)]: [json(200, { ...created, roster: [] })] });
    await openForm(el);
    fillForm(el, { regionCode: '440000', description: '  线上直播与线下实操结合。\n地点：广州市天河区。  ', category: 'public' });
    setTimeout(() => submit(el));
    await oneEvent(el, 'jxjy-class-created');
    expect(f.stub!.to(CREATE)[0]!.body).to.deep.include({ category: 'public', regionCode: '440000', description: '线上直播与线下实操结合。\n地点：广州市天河区。' });
  });

  it('refuses a region outside Guangdong before calling the API, in the server’s words (zh and en), keeping the code to correct', async () => {
    const el = await render({ [LIST]: [page([])] });
    await openForm(el);
    fillForm(el, { regionCode: '450100' });
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#regionCode-error'), 'error on the field');
    expect(text(el, '#regionCode-error')).to.equal('「行政区划代码」必须是广东省内的代码（以 44 开头，如 440100 广州市、440000 全省）');
    expect($(el, '#regionCode').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#regionCode').value).to.equal('450100');
    expect(f.stub!.to(CREATE)).to.have.length(0);
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await el.updateComplete;
    submit(el);
    await waitUntil(() => text(el, '#regionCode-error').startsWith('Region code'), 'English error');
    expect(text(el, '#regionCode-error')).to.equal('Region code must be a Guangdong code (starting with 44, e.g. 440100 Guangzhou or 440000 the whole province)');
    expect(f.stub!.to(CREATE)).to.have.length(0);
  });

  it('lands the server’s 422 for an empty region (the institution’s own is outside Guangdong) on 行政区划代码', async () => {
    const message = '本机构登记的行政区划代码（450100）不在广东省内，请填写培训班面向地区的「行政区划代码」（如 440100 广州市、440000 全省）';
    const el = await render({ [LIST]: [page([])], [CREATE]: [problem(422, message, { details: [{ field: 'regionCode', message }] })] });
    await openForm(el);
    fillForm(el);
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#regionCode-error'), 'server error on the field');
    expect(f.stub!.to(CREATE)[0]!.body).to.not.have.property('regionCode');
    expect(text(el, '#regionCode-error')).to.equal(message);
    expect($(el, '#regionCode').getAttribute('aria-invalid')).to.equal('true');
  });

  it("lands the server's 422 details on the fields and keeps what was typed (en)", async () => {
    const el = await render({
      [LIST]: [page([])],
      [CREATE]: [problem(422, 'Class title must not contain invisible or text-direction characters', { details: [{ field: 'title', message: 'Class title must not contain invisible or text-direction characters' }] })],
    }, 'en');
    await openForm(el);
    expect(text(el, '#screen-title')).to.equal('New class');
    fillForm(el);
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#title-error'), 'server error on the field');
    expect(text(el, '#title-error')).to.equal('Class title must not contain invisible or text-direction characters');
    expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#hours').value).to.equal('12.5');
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
    await expect(el).to.be.accessible();
  });
});
