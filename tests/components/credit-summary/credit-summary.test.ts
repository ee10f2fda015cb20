// <jxjy-credit-summary> (学时完成情况): the numbers per category and in total, what is missing (zh and en, axe), the
// complete verdict, `after` passed on as ?after=, the year picker, and sign-in needed until a token arrives.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/credit-summary/credit-summary.js';
import type { JxjyCreditSummary } from '../../../components/credit-summary/credit-summary.component.js';
import type { CreditSummary } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const SUMMARY = 'GET /api/v1/me/credit-summary';
const THIS_YEAR = new Date().getFullYear();
const POSITION = '00000000000000000301:00000000000000000301';

const summary = (over: Partial<CreditSummary> = {}): CreditSummary => ({
  year: THIS_YEAR,
  required: { public: 30, professional: 42, elective: 18, total: 90 },
  completed: { public: 12.5, professional: 42, elective: 20, total: 74.5 },
  missing: { public: 17.5, professional: 0, elective: 0, total: 17.5 },
  eligible: false,
  asOf: '2026-05-01T02:00:00.000Z',
  ...over,
});

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN', after = '') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyCreditSummary>(html`<jxjy-credit-summary lang=${lang} after=${after} .token=${'person-jwt'}></jxjy-credit-summary>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .load-error'), 'summary shown');
  return el;
}

const cells = (el: JxjyCreditSummary, row: string) =>
  ['required', 'completed', 'missing'].map((c) => text(el, `tr[data-row=${row}] [data-cell=${c}]`));

describe('jxjy-credit-summary', () => {
  it('shows required, completed and missing hours per category and in total, and what is missing (zh-CN); passes axe', async () => {
    const el = await render({ [SUMMARY]: [json(200, summary())] });
    const call = stub!.to(SUMMARY)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(Object.fromEntries(call.query)).to.deep.equal({ year: String(THIS_YEAR) });
    expect(text(el, 'caption')).to.equal(`${THIS_YEAR} 年度学时完成情况`);
    expect(text(el, 'tr[data-row=public] th')).to.equal('公需科目');
    expect(cells(el, 'public')).to.deep.equal(['30', '12.5', '17.5']);
    expect(cells(el, 'professional')).to.deep.equal(['42', '42', '0']);
    expect(cells(el, 'elective')).to.deep.equal(['18', '20', '0']);
    expect(cells(el, 'total')).to.deep.equal(['90', '74.5', '17.5']);
    expect($<HTMLProgressElement>(el, 'tr[data-row=public] progress').value).to.equal(41);
    expect($(el, 'tr[data-row=public] progress').getAttribute('aria-label')).to.equal('公需科目完成进度');
    expect($<HTMLProgressElement>(el, 'tr[data-row=elective] progress').value).to.equal(100);
    expect($(el, 'tr[data-row=elective] progress').classList.contains('met')).to.equal(true);
    expect($(el, '[part=verdict]').dataset['eligible']).to.equal('false');
    expect(text(el, '[part=verdict]')).to.contain(`尚未完成 ${THIS_YEAR} 年度的学时要求`).and.contain('公需科目还差 17.5 学时');
    expect(el.shadowRoot!.querySelectorAll('[part=verdict] li')).to.have.length(1);
    expect($(el, '.as-of time').getAttribute('datetime')).to.equal('2026-05-01T02:00:00.000Z');
    await expect(el).to.be.accessible();
  });

  it('says the year is complete, in English, and passes axe', async () => {
    const done = summary({ completed: { public: 30, professional: 50, elective: 18, total: 98 }, missing: { public: 0, professional: 0, elective: 0, total: 0 }, eligible: true });
    const el = await render({ [SUMMARY]: [json(200, done)] }, 'en');
    expect(stub!.to(SUMMARY)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(text(el, '[part=verdict]')).to.equal(`Every category of ${THIS_YEAR} is complete; you can ask for the year’s certificate.`);
    expect(text(el, 'tr[data-row=professional] th')).to.equal('Professional');
    expect(cells(el, 'total')).to.deep.equal(['90', '98', '0']);
    expect(text(el, 'label[for=year-picker]')).to.equal('Year');
    await expect(el).to.be.accessible();
  });

  it('reads with ?after= when given a position, and another year from the picker', async () => {
    const el = await render({ [SUMMARY]: [json(200, summary()), json(200, summary({ year: THIS_YEAR - 1 }))] }, 'zh-CN', POSITION);
    expect(stub!.to(SUMMARY)[0]!.query.get('after')).to.equal(POSITION);
    const picker = $<HTMLSelectElement>(el, '#year-picker');
    expect(picker.value).to.equal(String(THIS_YEAR));
    expect([...picker.options].at(-1)!.value).to.equal('2019');
    picker.value = String(THIS_YEAR - 1);
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('caption')?.textContent?.includes(String(THIS_YEAR - 1)), 'last year shown');
    expect(stub!.to(SUMMARY)[1]!.query.get('year')).to.equal(String(THIS_YEAR - 1));
  });

  it('shows a load error with a retry', async () => {
    const el = await render({
      [SUMMARY]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '统计数据暂不可用，请稍后再试' }), json(200, summary())],
    });
    expect(text(el, '.load-error p')).to.equal('统计数据暂不可用，请稍后再试');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'loaded on retry');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    stub = stubFetch({ [SUMMARY]: [json(200, summary())] });
    const el = await fixture<JxjyCreditSummary>(html`<jxjy-credit-summary></jxjy-credit-summary>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'summary after the token');
    expect(stub.to(SUMMARY)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
