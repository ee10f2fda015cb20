// <jxjy-certificate> (继续教育证书打印) showing what GET /me/certificates says: every year's hours and certificate state
// (zh and en, axe), the default year and choosing another, a year's verdict naming each shortfall, an issued
// certificate's facts (number, China-date issue day, grouped code, verification link), a revoked one with its date
// and reason, the blocked notice, a load error with a retry, and nothing asked without a token.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JxjyCertificate } from '../../../components/certificate/certificate.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { CODE, LIST, Y0, Y1, Y2, Y3, list, render, revoked, year, years } from './fixtures.js';

let own: FetchStub | undefined;
afterEach(() => {
  f.stub?.restore();
  own?.restore();
});

const detailYear = (el: JxjyCertificate) => Number($(el, '.year-detail').dataset['year']);
const cell = (el: JxjyCertificate, y: number, column: string) => text(el, `table.overview tr[data-year="${y}"] [data-cell=${column}]`);
const state = (el: JxjyCertificate, y: number) => $(el, `table.overview tr[data-year="${y}"] .tag`);

async function choose(el: JxjyCertificate, y: number) {
  $(el, `table.overview tr[data-year="${y}"] [data-action=view]`).click();
  await waitUntil(() => detailYear(el) === y, `${y} shown`);
  await waitUntil(() => focused(el, $(el, '#year-title')), 'year heading focused');
}

describe('jxjy-certificate', () => {
  it('lists every year with completed / required hours and its certificate state, and opens the newest printable year (zh-CN); passes axe', async () => {
    const { el, stub } = await render({ [LIST]: [list()] });
    const call = stub.to(LIST)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(text(el, 'table.overview caption')).to.equal('各年度学时与证书（已完成 / 要求学时）');
    const headers = [...el.shadowRoot!.querySelectorAll('table.overview thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['年度', '公需科目', '专业科目', '选修科目', '合计', '证书', '操作']);
    expect([...el.shadowRoot!.querySelectorAll('table.overview tbody tr')].map((tr) => Number((tr as HTMLElement).dataset['year']))).to.deep.equal([Y0, Y1, Y2, Y3]);
    expect(cell(el, Y0, 'public')).to.equal('12.5 / 30');
    expect($(el, `tr[data-year="${Y0}"] [data-cell=public]`).classList.contains('short')).to.equal(true);
    expect(cell(el, Y0, 'total')).to.equal('72.5 / 90');
    expect([Y0, Y1, Y2, Y3].map((y) => state(el, y).textContent!.trim())).to.deep.equal(['学时未达标', '可打印', '已发证', '证书已撤销']);

    // The newest year that has or may have a certificate, not this year's unfinished one.
    expect(detailYear(el)).to.equal(Y1);
    expect(text(el, '#year-title')).to.equal(`${Y1} 年度继续教育证书`);
    expect(text(el, '[part=verdict]')).to.equal(`已完成 ${Y1} 年度各科目的学时要求。`);
    expect(text(el, 'table.hours tr[data-row=professional] th')).to.equal('专业科目');
    expect(text(el, '[data-action=issue]')).to.equal('打印证书');
    expect(el.shadowRoot!.querySelector('[data-action=download]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=blocked]')).to.equal(null);
    expect($(el, `tr[data-year="${Y1}"] [data-action=view]`).getAttribute('aria-pressed')).to.equal('true');
    expect($(el, `tr[data-year="${Y1}"] [data-action=view]`).getAttribute('aria-label')).to.equal(`查看 ${Y1} 年度`);
    await expect(el).to.be.accessible();
  });

  it('names each shortfall of a year not yet complete, and offers no print', async () => {
    const { el } = await render({ [LIST]: [list()] });
    await choose(el, Y0);
    expect($(el, '[part=verdict]').dataset['eligible']).to.equal('false');
    expect(text(el, '[part=verdict] p')).to.equal(`尚未完成 ${Y0} 年度的学时要求，暂不能打印证书：`);
    const items = [...el.shadowRoot!.querySelectorAll('[part=verdict] li')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal(['公需科目还差 17.5 学时', '专业科目还差 2 学时']);
    expect(text(el, 'table.hours tr[data-row=total] [data-cell=missing]')).to.equal('19.5');
    expect(el.shadowRoot!.querySelector('[part=actions]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an issued certificate in English: number, issue date in China, status, the code in fours, the verification link; passes axe', async () => {
    const { el, stub } = await render({ [LIST]: [list()] }, { lang: 'en' });
    expect(stub.to(LIST)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(state(el, Y1).textContent!.trim()).to.equal('Ready to print');
    await choose(el, Y2);
    expect(text(el, '#year-title')).to.equal(`Continuing-education certificate ${Y2}`);
    expect(text(el, '[data-testid=certificate-no]')).to.equal(`JX${Y2}AB12CD34EF`);
    expect(text(el, '[data-testid=issued-at]')).to.equal(`${Y2 + 1}-01-15`);
    expect($(el, '[data-testid=issued-at] time').getAttribute('datetime')).to.equal(`${Y2 + 1}-01-14T17:30:00.000Z`);
    expect(text(el, '[data-testid=status]')).to.equal('Valid');
    expect(text(el, '[data-testid=verification-code]')).to.equal('7K3M XQ9T B2HD RW4P');
    const link = $<HTMLAnchorElement>(el, '[data-testid=verify-link]');
    expect(link.href).to.equal(`https://jxjy.example.gov.cn/verify/${CODE}`);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(link.textContent).to.contain('(opens in a new window)');
    expect(text(el, '[part=certificate]')).to.contain('90 hours in total (public 30, professional 42, elective 18)');
    expect(text(el, '[data-action=download]')).to.equal('Download certificate');
    expect(el.shadowRoot!.querySelector('[data-action=issue]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a revoked certificate with its date and reason, and offers a new one while the hours still qualify', async () => {
    const { el } = await render({ [LIST]: [list()] }, { year: Y3 });
    expect(detailYear(el)).to.equal(Y3);
    expect(text(el, '[data-testid=status]')).to.equal(`已撤销（${Y3 + 1}-03-01）`);
    expect(text(el, '[data-testid=revoke-reason]')).to.equal('学时材料经核查不实');
    expect(text(el, '[part=certificate] .hint')).to.equal('该证书已被人社部门撤销，查验时显示为已撤销。');
    expect(text(el, '[data-action=issue]')).to.equal('重新打印证书');
    expect(el.shadowRoot!.querySelector('[data-action=download]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the dishonesty records that block certificates and offers no print for an eligible year', async () => {
    const blocked = years({
      items: [year(Y1, { blocked: true }), year(Y3, { blocked: true, certificate: revoked(Y3) })],
      blockedBy: [
        { recordId: 'd-1', reason: '提供虚假学时证明材料', endDate: null },
        { recordId: 'd-2', reason: '未按规定参加继续教育', endDate: `${Y0}-12-31` },
      ],
    });
    const { el } = await render({ [LIST]: [list(blocked)] });
    expect(text(el, '#blocked-title')).to.equal('失信记录限制');
    const reasons = [...el.shadowRoot!.querySelectorAll('[part=blocked] li')].map((li) => li.textContent!.trim());
    expect(reasons).to.deep.equal(['提供虚假学时证明材料（至撤销为止）', `未按规定参加继续教育（至 ${Y0}-12-31）`]);
    expect(state(el, Y1).textContent!.trim()).to.equal('暂不能打印');
    expect(detailYear(el)).to.equal(Y1);
    expect(text(el, '[data-testid=blocked-year]')).to.contain('因失信记录限制，暂不能打印本年度证书');
    expect(el.shadowRoot!.querySelector('[data-action=issue]')).to.equal(null);
    await choose(el, Y3);
    expect(el.shadowRoot!.querySelector('[data-action=issue]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry', async () => {
    const { el } = await render({
      [LIST]: [json(403, { statusCode: 403, error: 'Forbidden', message: '证书打印仅适用于专业技术人员账号' }), list()],
    });
    expect(text(el, '.load-error p')).to.equal('证书打印仅适用于专业技术人员账号');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.overview'), 'loaded on retry');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    own = stubFetch({ [LIST]: [list()] });
    const el = await fixture<JxjyCertificate>(html`<jxjy-certificate></jxjy-certificate>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(own.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('table.overview'), 'years after the token');
    expect(own.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
