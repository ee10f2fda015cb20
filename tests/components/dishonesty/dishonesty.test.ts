// <jxjy-dishonesty> reading records: a person's own (zh and en, axe) with reason, legal basis, period, whether it
// blocks certificates and status (in force, ended, revoked with date and reason); nothing to do but read; one
// person's records for a unit or admin (`person-id`), everyone's for review; 加载更多; a load error with a retry; and
// nothing asked without a token.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JxjyDishonesty } from '../../../components/dishonesty/dishonesty.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { LIST, MINE, expiredRecord, page, record, render, revokedRecord } from './fixtures.js';

let own: FetchStub | undefined;
afterEach(() => {
  f.stub?.restore();
  own?.restore();
});

const cellOf = (el: JxjyDishonesty, id: string, cell: string) => text(el, `tr[data-record-id="${id}"] [data-cell=${cell}]`);
const headers = (el: JxjyDishonesty) => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

describe('jxjy-dishonesty', () => {
  it("lists a person's own records with reason, basis, period, blocking and status (zh-CN); passes axe", async () => {
    const { el, stub } = await render({ [MINE]: [page([record(1), expiredRecord(2), revokedRecord(3)])] });
    const call = stub.to(MINE)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer jwt');
    expect(Object.fromEntries(call.query)).to.deep.equal({ limit: '20' });
    expect(text(el, 'caption')).to.equal('我的失信信息（已显示 3 条）');
    expect(headers(el)).to.deep.equal(['失信事由', '法律依据', '有效期', '限制打印证书', '状态', '记录日期']);
    expect(text(el, 'tr[data-record-id="d-1"] th')).to.equal('提供虚假学时证明材料');
    expect(cellOf(el, 'd-1', 'basis')).to.equal('《专业技术人员继续教育规定》第二十八条');
    expect(cellOf(el, 'd-1', 'period')).to.equal('2026-01-01 起，至撤销为止');
    expect(cellOf(el, 'd-1', 'blocks')).to.equal('是');
    expect(cellOf(el, 'd-1', 'status')).to.equal('生效中');
    expect(cellOf(el, 'd-1', 'recorded')).to.equal('2026-01-02');
    expect(cellOf(el, 'd-2', 'period')).to.equal('2020-01-01 至 2020-12-31');
    expect(cellOf(el, 'd-2', 'status')).to.equal('已到期');
    expect(cellOf(el, 'd-3', 'blocks')).to.equal('否');
    expect(text(el, 'tr[data-record-id="d-3"] [data-cell=status] .tag')).to.equal('已撤销');
    expect(text(el, 'tr[data-record-id="d-3"] [data-testid=revocation]')).to.equal('撤销日期：2026-03-05 撤销原因：经复核撤销');
    expect(text(el, '.intro')).to.contain('限制打印证书');
    // A person only reads: no actions, no form.
    expect(el.shadowRoot!.querySelector('[data-action]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders in English and passes axe', async () => {
    const { el, stub } = await render({ [MINE]: [page([record(1), revokedRecord(3)])] }, { lang: 'en' });
    expect(stub.to(MINE)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(headers(el)).to.deep.equal(['Reason', 'Legal basis', 'Period', 'Blocks certificates', 'Status', 'Recorded on']);
    expect(cellOf(el, 'd-1', 'period')).to.equal('From 2026-01-01 until revoked');
    expect(cellOf(el, 'd-1', 'status')).to.equal('In force');
    expect(text(el, 'tr[data-record-id="d-3"] [data-testid=revocation]')).to.equal('Revoked on 2026-03-05 Reason for revoking: 经复核撤销');
    await expect(el).to.be.accessible();
  });

  it('says when a person has no records', async () => {
    const { el } = await render({ [MINE]: [page([])] });
    expect(text(el, '.empty')).to.equal('您目前没有失信记录。');
    await expect(el).to.be.accessible();
  });

  it("reads one person's records with person-id, showing whom they concern, read only", async () => {
    const { el, stub } = await render({ [LIST]: [page([record(1)])] }, { personId: 'p-1' });
    expect(stub.to(MINE)).to.have.length(0);
    expect(stub.to(LIST)[0]!.query.get('personId')).to.equal('p-1');
    expect(text(el, 'caption')).to.equal('该人员的失信信息（已显示 1 条）');
    expect(headers(el)[0]).to.equal('人员');
    expect(text(el, 'tr[data-record-id="d-1"] th')).to.equal('诸葛亮 身份证号 1101**********002X');
    expect(el.shadowRoot!.querySelector('[data-action]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads everyone’s records it may see in review mode, and loads more with the cursor', async () => {
    const { el, stub } = await render(
      { [LIST]: [page([record(1)], 'cursor-2'), page([record(2, { personName: '孙权' }), record(1)])] },
      { mode: 'review' },
    );
    expect(stub.to(LIST)[0]!.query.has('personId')).to.equal(false);
    expect(text(el, 'caption')).to.equal('失信信息（已显示 1 条）');
    $(el, '[part=pager] button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-record-id="d-2"]'), 'second page');
    expect(stub.to(LIST)[1]!.query.get('cursor')).to.equal('cursor-2');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part=pager]')).to.equal(null);
  });

  it('shows a load error with a retry', async () => {
    const { el } = await render({
      [LIST]: [json(404, { statusCode: 404, error: 'Not Found', message: '未找到该人员' }), page([record(1)])],
    }, { mode: 'review', personId: 'p-9' });
    expect(text(el, '.load-error p')).to.equal('未找到该人员');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'loaded on retry');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    own = stubFetch({ [MINE]: [page([record(1)])] });
    const el = await fixture<JxjyDishonesty>(html`<jxjy-dishonesty></jxjy-dishonesty>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(own.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'list after the token');
    expect(own.to(MINE)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
