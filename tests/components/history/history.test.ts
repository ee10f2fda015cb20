// <jxjy-history> (历史数据): the 2018 tab's totals per year and category and its records, the old certificates (zh and
// en, axe); the tabs by click and keyboard (roving tabindex, arrows, Home/End, aria-selected, the panel's label)
// reading the other period; the empty states; 打印 fetching the PDF with the token (again with a fresh one after a
// 401) and saving the server's bytes under its filename; the verification link beside the API; a failed print as a
// focused alert; a load error with a retry; nothing asked without a token.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/history/history.js';
import type { JxjyHistory } from '../../../components/history/history.component.js';
import type { HistoryCertificate, HistoryRecords } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const RECORDS = 'GET /api/v1/me/history/records';
const CERTIFICATES = 'GET /api/v1/me/history/certificates';
const CODE = '7K3MXQ9TB2HDRW4P';
const NUMBER = '粤继教2018000123';
const PDF_ROUTE = `GET /api/v1/me/history/certificates/${encodeURIComponent(NUMBER)}/pdf`;
const FILENAME = `2018年度继续教育证书-旧系统-${NUMBER}.pdf`;
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff, 0x80]);

const of2018: HistoryRecords = {
  items: [
    { year: 2018, category: 'public', title: '职业道德与诚信建设', hours: 12, organizer: '广东省人社厅', reviewedBy: '广州市人社局', reviewedAt: '2018-06-01' },
    { year: 2018, category: 'professional', title: '工程建设标准更新', hours: 30.5, organizer: null, reviewedBy: null, reviewedAt: null },
  ],
  totals: { 2018: { public: 12, professional: 30.5, elective: 0, total: 42.5 } },
};
const before2018: HistoryRecords = {
  items: [
    { year: 2016, category: 'elective', title: '办公软件应用', hours: 8, organizer: null, reviewedBy: null, reviewedAt: null },
    { year: 2017, category: 'professional', title: '结构设计新规范', hours: 24, organizer: '广东省土木建筑学会', reviewedBy: '深圳市人社局', reviewedAt: '2017-11-05' },
  ],
  totals: { 2016: { public: 0, professional: 0, elective: 8, total: 8 }, 2017: { public: 0, professional: 24, elective: 0, total: 24 } },
};
const certificate: HistoryCertificate = {
  certificateNo: NUMBER,
  year: 2018,
  hours: { public: 18, professional: 42, elective: 12, total: 72 },
  issuedAt: '2018-12-20',
  issuer: '广东省人力资源和社会保障厅',
  verificationCode: CODE,
};
const none = { items: [], totals: {} };

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], { lang = 'zh-CN', apiBase = '' } = {}) {
  stub = stubFetch(routes);
  const el = await fixture<JxjyHistory>(html`<jxjy-history lang=${lang} api-base=${apiBase} .token=${'person-jwt'}></jxjy-history>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tabpanel] table, [role=tabpanel] .empty, [role=tabpanel] .load-error'), 'records settled');
  await waitUntil(() => el.shadowRoot!.querySelector('section.certificates table, section.certificates .empty, section.certificates .load-error'), 'certificates settled');
  return el;
}

const standard = () => ({ [RECORDS]: [json(200, of2018), json(200, before2018)], [CERTIFICATES]: [json(200, { items: [certificate] })] });
const tab = (el: JxjyHistory, period: string) => $<HTMLButtonElement>(el, `#tab-${period}`);
const cells = (el: JxjyHistory, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

function savedLink(el: JxjyHistory): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const root = el.shadowRoot!;
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement && e.target.download) {
        e.preventDefault(); // the test reads the link instead of letting the browser save the file
        root.removeEventListener('click', onClick);
        resolve(e.target);
      }
    };
    root.addEventListener('click', onClick);
  });
}

const pdfResponse = (filename = FILENAME) =>
  new Response(PDF_BYTES, { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}` } });
/** The browser's own fetch (taken before any stub), for reading a saved blob: URL. */
const nativeFetch = window.fetch.bind(window);

describe('jxjy-history', () => {
  it('shows the 2018 totals per category, its records and the old certificates (zh-CN); passes axe', async () => {
    const el = await render(standard());
    const call = stub!.to(RECORDS)[0]!;
    expect(Object.fromEntries(call.query)).to.deep.equal({ period: '2018' });
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(stub!.to(CERTIFICATES)[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');

    expect(text(el, '#tab-2018')).to.equal('2018年');
    expect(text(el, '#tab-before-2018')).to.equal('2017年及以前');
    expect(tab(el, '2018').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-2018');

    expect(text(el, 'table.totals caption')).to.equal('2018 年学时合计（按年度和科目类别）');
    expect(cells(el, 'table.totals thead th')).to.deep.equal(['年度', '公需科目', '专业科目', '选修科目', '合计']);
    expect(cells(el, 'table.totals tr[data-year="2018"] > *')).to.deep.equal(['2018 年', '12', '30.5', '0', '42.5']);

    expect(text(el, 'table.records caption')).to.equal('2018 年已审核的学时记录（共 2 条）');
    expect(cells(el, 'table.records thead th')).to.deep.equal(['年度', '项目名称', '科目类别', '学时', '主办单位', '审核单位', '审核日期']);
    const rows = el.shadowRoot!.querySelectorAll('table.records tbody tr');
    expect(cells(el, 'table.records tbody tr:first-child > *')).to.deep.equal(['2018', '职业道德与诚信建设', '公需科目', '12', '广东省人社厅', '广州市人社局', '2018-06-01']);
    expect(rows[1]!.querySelector('th[scope=row]')!.textContent!.trim()).to.equal('工程建设标准更新');
    expect(cells(el, 'table.records tbody tr:nth-child(2) td')).to.deep.equal(['2018', '专业科目', '30.5', '—无', '—无', '—无']);

    expect(text(el, '#certificates-title')).to.equal('历史证书查询/打印');
    expect(cells(el, 'table.certificates thead th')).to.deep.equal(['证书编号', '年度', '证书学时', '发证日期', '发证机构', '操作']);
    const row = `table.certificates tr[data-certificate-no="${NUMBER}"]`;
    expect(text(el, `${row} th`)).to.equal(NUMBER);
    expect(text(el, `${row} [data-cell=hours]`)).to.equal('合计 72（公需 18、专业 42、选修 12）');
    expect(text(el, `${row} time`)).to.equal('2018-12-20');
    // The visible word starts the accessible name; the rest is for screen readers.
    expect(text(el, `${row} [data-action=print]`)).to.equal(`打印证书 ${NUMBER}`);
    expect(text(el, `${row} [data-action=print] .visually-hidden`)).to.equal(`证书 ${NUMBER}`);
    expect(text(el, `${row} [data-action=verify]`)).to.equal(`查验证书 ${NUMBER}（在新窗口打开）`);
    await expect(el).to.be.accessible();
  });

  it('speaks English, lists 2017 and earlier newest year first, and links each certificate to its verification page beside the API; passes axe', async () => {
    const el = await render(standard(), { lang: 'en', apiBase: 'https://jxjy.example.gov.cn/api/v1/' });
    const call = stub!.to(RECORDS)[0]!;
    expect(call.url.origin).to.equal('https://jxjy.example.gov.cn');
    expect(call.headers.get('Accept-Language')).to.equal('en');
    expect(text(el, '#tab-2018')).to.equal('2018');
    expect(text(el, '#tab-before-2018')).to.equal('2017 and earlier');
    expect(cells(el, 'table.totals thead th')).to.deep.equal(['Year', 'Public', 'Professional', 'Elective', 'Total']);
    expect(text(el, 'table.certificates [data-cell=hours]')).to.equal('72 in total (public 18, professional 42, elective 12)');
    const link = $<HTMLAnchorElement>(el, '[data-action=verify]');
    expect(link.href).to.equal(`https://jxjy.example.gov.cn/verify/${CODE}`);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Verify certificate ${NUMBER} (opens in a new window)`);
    expect(text(el, '[data-action=print]')).to.equal(`Print certificate ${NUMBER}`);
    await expect(el).to.be.accessible();

    tab(el, 'before-2018').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.records caption')?.textContent?.trim() === 'Approved credit records, 2017 and earlier (2 in all)', 'older records');
    expect(stub!.to(RECORDS)[1]!.query.get('period')).to.equal('before-2018');
    expect(cells(el, 'table.totals tbody th')).to.deep.equal(['2017', '2016']);
    expect(cells(el, 'table.records tbody th')).to.deep.equal(['结构设计新规范', '办公软件应用']);
    expect(cells(el, 'table.records tbody tr:first-child td')).to.deep.equal(['2017', 'Professional', '24', '广东省土木建筑学会', '深圳市人社局', '2017-11-05']);
    await expect(el).to.be.accessible();
  });

  it('moves between the tabs with the arrow keys, Home and End (roving tabindex) and by click, reading each period', async () => {
    const byPeriod = (call: { query: URLSearchParams }) => json(200, call.query.get('period') === '2018' ? of2018 : before2018);
    const el = await render({ [RECORDS]: byPeriod, [CERTIFICATES]: [json(200, { items: [] })] });
    expect(tab(el, '2018').tabIndex).to.equal(0);
    expect(tab(el, 'before-2018').tabIndex).to.equal(-1);
    tab(el, '2018').focus();

    key(tab(el, '2018'), 'ArrowRight');
    await waitUntil(() => focused(el, tab(el, 'before-2018')), 'focus on the second tab');
    expect(tab(el, 'before-2018').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, '2018').getAttribute('aria-selected')).to.equal('false');
    expect([tab(el, '2018').tabIndex, tab(el, 'before-2018').tabIndex]).to.deep.equal([-1, 0]);
    expect($(el, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-before-2018');
    await waitUntil(() => el.shadowRoot!.querySelector('table.totals tr[data-year="2016"]'), 'older records shown');
    expect(stub!.to(RECORDS)[1]!.query.get('period')).to.equal('before-2018');

    // Arrows wrap around; Home and End go to the ends.
    key(tab(el, 'before-2018'), 'ArrowRight');
    await waitUntil(() => focused(el, tab(el, '2018')), 'wrapped to the first');
    key(tab(el, '2018'), 'End');
    await waitUntil(() => focused(el, tab(el, 'before-2018')), 'End');
    key(tab(el, 'before-2018'), 'Home');
    await waitUntil(() => focused(el, tab(el, '2018')) && tab(el, '2018').getAttribute('aria-selected') === 'true', 'Home');
    const unhandled = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    tab(el, '2018').dispatchEvent(unhandled);
    expect(unhandled.defaultPrevented).to.equal(false);

    tab(el, 'before-2018').click();
    await waitUntil(() => tab(el, 'before-2018').getAttribute('aria-selected') === 'true', 'clicked');
    await waitUntil(() => stub!.to(RECORDS).length === 6, 'each choice read');
    expect(stub!.to(RECORDS).map((c) => c.query.get('period'))).to.deep.equal(['2018', 'before-2018', '2018', 'before-2018', '2018', 'before-2018']);
    await waitUntil(() => el.shadowRoot!.querySelector('table.totals tr[data-year="2016"]'), 'older records shown');
    await expect(el).to.be.accessible();
  });

  it('says the old system holds nothing for the person’s ID number, in both tabs and for certificates; passes axe', async () => {
    const el = await render({ [RECORDS]: [json(200, none), json(200, none)], [CERTIFICATES]: [json(200, { items: [] })] });
    expect(text(el, '[role=tabpanel] .empty p')).to.equal('旧系统中没有与您的身份证号对应的2018 年学时记录。');
    expect(text(el, '[role=tabpanel] .empty .hint')).to.contain('联系所在单位或当地人社部门');
    expect(text(el, 'section.certificates .empty p')).to.equal('旧系统中没有与您的身份证号对应的证书。');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
    tab(el, 'before-2018').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=tabpanel] .empty p')?.textContent === '旧系统中没有与您的身份证号对应的2017 年及以前学时记录。', 'older empty');
    el.lang = 'en';
    await waitUntil(() => el.shadowRoot!.querySelector('section.certificates .empty p')?.textContent === 'The old system issued no certificates under your ID number.', 'English');
  });

  it('prints: fetches the PDF with the token and saves the server’s exact bytes under the server’s filename', async () => {
    const named = `旧系统证书-${NUMBER}.pdf`;
    const hidden = new Response(PDF_BYTES, { headers: { 'Content-Type': 'application/pdf' } });
    const el = await render({ ...standard(), [PDF_ROUTE]: [pdfResponse(named), hidden] });
    let saved = savedLink(el);
    $(el, '[data-action=print]').click();
    let link = await saved;
    const call = stub!.to(PDF_ROUTE)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(link.download).to.equal(named);
    expect(link.href).to.match(/^blob:/);
    await waitUntil(() => text(el, '#history-status') === `已下载 ${named}，请打开后打印。`, 'said so');
    expect([...new Uint8Array(await (await nativeFetch(link.href)).arrayBuffer())]).to.deep.equal([...PDF_BYTES]);

    // Behind a gateway that hides Content-Disposition: the name the server would have given.
    saved = savedLink(el);
    $(el, '[data-action=print]').click();
    link = await saved;
    expect(link.download).to.equal(FILENAME);
  });

  it('after a 401 asks the host for a fresh token and prints with it', async () => {
    const el = await render({
      // The new token reads everything again, as any change of token does.
      [RECORDS]: [json(200, of2018), json(200, of2018)],
      [CERTIFICATES]: [json(200, { items: [certificate] }), json(200, { items: [certificate] })],
      [PDF_ROUTE]: [json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' }), pdfResponse()],
    });
    const refresh = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) => e.detail.waitFor.push(Promise.resolve().then(() => (el.token = 'fresh-jwt')));
    el.addEventListener('jxjy-token-expired', refresh);
    const saved = savedLink(el);
    $(el, '[data-action=print]').click();
    await saved;
    el.removeEventListener('jxjy-token-expired', refresh);
    expect(stub!.to(PDF_ROUTE).map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer person-jwt', 'Bearer fresh-jwt']);
  });

  it('shows a failed print as a focused alert', async () => {
    const el = await render({ ...standard(), [PDF_ROUTE]: [json(404, { statusCode: 404, error: 'Not Found', message: '未找到该证书' })] });
    $(el, '[data-action=print]').click();
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(text(el, '.failure')).to.equal('未找到该证书');
    expect($(el, '.failure').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry', async () => {
    const el = await render({
      [RECORDS]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用，请稍后再试' }), json(200, of2018)],
      [CERTIFICATES]: [json(200, { items: [] })],
    });
    expect(text(el, '[role=tabpanel] .load-error p')).to.equal('服务暂不可用，请稍后再试');
    $(el, '[role=tabpanel] .load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.records'), 'records after the retry');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    stub = stubFetch(standard());
    const el = await fixture<JxjyHistory>(html`<jxjy-history></jxjy-history>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('table.records') && el.shadowRoot!.querySelector('table.certificates'), 'history after the token');
    expect(stub.to(RECORDS)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    // And a sign-out hides it again.
    el.token = undefined;
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'signed out');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });
});
