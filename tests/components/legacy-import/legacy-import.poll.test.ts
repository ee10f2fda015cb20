// <jxjy-legacy-import> following an import: read at once and every poll-interval while it runs (an indeterminate bar
// until the file is read, then processedRows / totalRows), stopping once it has finished (jxjy-legacy-import-finished,
// the result announced, the list read again); the counts and refused rows, the dry-run note, a failure's reason (zh
// and en, axe); a passing 503 keeps it asking; leaving the page stops asking and coming back resumes; 查看 shows a
// finished import without polling; 下载未导入的行 saves the server's bytes (BOM included) under its name with the token;
// without a token nothing is asked.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { JxjyLegacyImport } from '../../../components/legacy-import/legacy-import.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { FILENAME, IMPORT_ID, LIST, REJECTED, STATUS, completed, halfway, page, pause, render, report, savedLink } from './fixtures.js';

let own: FetchStub | undefined;
afterEach(() => {
  f.stub?.restore();
  own?.restore();
});

/** The browser's own fetch (taken before any stub), for reading a saved blob: URL. */
const nativeFetch = window.fetch.bind(window);

/** An answer the test releases when it is ready to look at what came before it. */
function gate() {
  let open!: (reply: Response) => void;
  const promise = new Promise<Response>((resolve) => (open = resolve));
  return { promise, open };
}

const count = (el: JxjyLegacyImport, k: string) => text(el, `[data-count=${k}] dd`);
const cells = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

describe('jxjy-legacy-import polling', () => {
  it('reads a running import until it completes, with a progress bar, then stops, announces the result and reads the list again', async () => {
    const second = gate();
    const third = gate();
    const finished = oneEvent(document, 'jxjy-legacy-import-finished');
    const { el, stub } = await render(
      { [LIST]: [page([]), page([completed()])], [STATUS]: [json(200, report()), second.promise, third.promise] },
      { importId: IMPORT_ID },
    );
    // Until the file has been read there is no total: an indeterminate bar that says so.
    await waitUntil(() => stub.to(STATUS).length === 2, 'read again while running');
    expect(text(el, '#report-title')).to.equal(`试导入：${FILENAME}`);
    expect($<HTMLProgressElement>(el, '[data-testid=import-progress] progress').hasAttribute('value')).to.equal(false);
    expect(text(el, '[data-testid=import-progress] span')).to.equal('正在读取文件…');
    second.open(json(200, halfway()));
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=import-progress] span')?.textContent === '已处理 4 / 9 行（44%）', 'halfway');
    expect($<HTMLProgressElement>(el, '[data-testid=import-progress] progress').value).to.equal(44);
    expect($(el, '[data-testid=import-progress] progress').getAttribute('aria-label')).to.equal('导入进度');
    expect(text(el, '[part=report] .tag')).to.equal('进行中');
    expect(count(el, 'rejected')).to.equal('1');
    expect(el.shadowRoot!.querySelector('[data-action=download-rejected]')).to.equal(null);
    await expect(el).to.be.accessible();
    await waitUntil(() => stub.to(STATUS).length === 3, 'one request at a time');
    third.open(json(200, completed()));

    // The element did not start this one, but saw it running: its end is news.
    const event = await finished;
    expect(event.detail).to.deep.equal({ importId: IMPORT_ID, kind: 'records', dryRun: true, status: 'completed', rows: completed().rows });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]'), 'completed');
    expect(el.shadowRoot!.querySelector('[data-testid=import-progress]')).to.equal(null);
    expect(text(el, '#import-status')).to.equal('试导入已完成：共 9 行，校验通过 7 行，已导入 0 行，重复 0 行，未通过校验 2 行。');
    await waitUntil(() => stub.to(LIST).length === 2, 'list read again');
    await pause(120); // six intervals: nothing more is asked of a finished import
    expect(stub.to(STATUS)).to.have.length(3);
    expect(stub.to(STATUS).every((c) => c.headers.get('Authorization') === 'Bearer admin-jwt')).to.equal(true);
  });

  it('shows a finished dry run’s counts, its refused rows and the note that nothing was written (zh-CN and en); passes axe', async () => {
    const { el } = await render({ [LIST]: [page([completed()])], [STATUS]: [json(200, completed()), json(200, completed())] }, { importId: IMPORT_ID });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]'), 'report');
    expect(['total', 'valid', 'imported', 'duplicates', 'rejected'].map((k) => count(el, k))).to.deep.equal(['9', '7', '0', '0', '2']);
    expect(cells(el, '[part=counts] dt')).to.deep.equal(['总行数', '校验通过', '已导入', '重复（此前已导入）', '未通过校验']);
    expect(text(el, '[data-testid=dry-run-note]')).to.contain('试导入没有写入任何数据');
    expect(text(el, 'table.errors caption')).to.equal('未通过校验的行（共 2 行）');
    expect(cells(el, 'table.errors thead th')).to.deep.equal(['行号', '列', '原因']);
    expect(cells(el, 'table.errors tr[data-row="6"] > *')).to.deep.equal(['6', '身份证号', '身份证号校验位不正确']);
    expect(text(el, '[data-action=download-rejected]')).to.equal('下载未导入的行');
    expect($(el, `tr[data-import-id="${IMPORT_ID}"] [data-action=view]`).getAttribute('aria-pressed')).to.equal('true');
    // It was finished when first read: no event, no announcement.
    expect(text(el, '#import-status')).to.equal('');
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await waitUntil(() => text(el, '#report-title') === `Dry run: ${FILENAME}`, 'English');
    expect(cells(el, '[part=counts] dt')).to.deep.equal(['Rows', 'Passed the checks', 'Imported', 'Duplicates (imported before)', 'Refused']);
    expect(text(el, 'table.errors caption')).to.equal('Refused rows (2 in all)');
    expect(text(el, '[data-action=download-rejected]')).to.equal('Download the refused rows');
    await expect(el).to.be.accessible();
  });

  it('says more rows were refused than listed, and shows a failed import’s reason as an alert', async () => {
    const many = completed({ dryRun: false, rows: { total: 5000, valid: 1000, imported: 1000, duplicates: 0, rejected: 4000 } });
    const failed = report({ status: 'failed', failure: '文件已损坏，无法读取', finishedAt: '2026-05-01T02:00:30.000Z' });
    const { el, stub } = await render({ [LIST]: [page([])], [STATUS]: [json(200, many)] }, { importId: IMPORT_ID });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=errors-partial]'), 'partial note');
    expect(text(el, '[data-testid=errors-partial]')).to.equal('此处列出前 2 行；全部未导入的行及原因请点击“下载未导入的行”。');
    expect(text(el, 'table.errors caption')).to.equal('未通过校验的行（共 4,000 行）');
    expect(el.shadowRoot!.querySelector('[data-testid=dry-run-note]')).to.equal(null);

    stub.restore();
    own = stubFetch({ [STATUS.replace(IMPORT_ID, 'f0000000-0000-4000-8000-000000000001')]: [json(200, { ...failed, importId: 'f0000000-0000-4000-8000-000000000001' })] });
    el.importId = 'f0000000-0000-4000-8000-000000000001';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=import-failure]'), 'failure shown');
    expect($(el, '[data-testid=import-failure]').getAttribute('role')).to.equal('alert');
    expect(text(el, '[data-testid=import-failure]')).to.equal('导入失败 文件已损坏，无法读取');
    expect(text(el, '[part=report] .tag')).to.equal('失败');
    await expect(el).to.be.accessible();
  });

  it('keeps asking through a passing 503, showing that it retries', async () => {
    const last = gate();
    const { el, stub } = await render(
      {
        [LIST]: [page([]), page([])],
        [STATUS]: [json(200, halfway()), json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用' }), last.promise],
      },
      { importId: IMPORT_ID },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=poll-error]'), 'retry note');
    expect(text(el, '[data-testid=poll-error]')).to.equal('暂时无法获取导入进度（服务暂不可用），正在重试…');
    expect(el.shadowRoot!.querySelector('[data-testid=import-progress]')).to.not.equal(null);
    await waitUntil(() => stub.to(STATUS).length === 3, 'asked again');
    last.open(json(200, completed()));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]'), 'completed after the blip');
    expect(el.shadowRoot!.querySelector('[data-testid=poll-error]')).to.equal(null);
    expect(stub.to(STATUS)).to.have.length(3);
  });

  it('after a 401 asks the host for a fresh token and keeps following the import with it', async () => {
    let n = 0;
    // Listening on the document from the start: the 401 may come before the element is back from render().
    const refresh = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) =>
      e.detail.waitFor.push(Promise.resolve().then(() => ((e.target as JxjyLegacyImport).token = 'fresh-jwt')));
    let finished = 0;
    const count = () => (finished += 1);
    document.addEventListener('jxjy-token-expired', refresh);
    document.addEventListener('jxjy-legacy-import-finished', count);
    const { el, stub } = await render(
      {
        [LIST]: () => page([]),
        [STATUS]: () => {
          n += 1;
          if (n === 1) return json(200, halfway());
          if (n === 2) return json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' });
          return json(200, completed());
        },
      },
      { importId: IMPORT_ID },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]'), 'completed with the new token');
    document.removeEventListener('jxjy-token-expired', refresh);
    const tokens = stub.to(STATUS).map((c) => c.headers.get('Authorization'));
    expect(tokens.slice(0, 2)).to.deep.equal(['Bearer admin-jwt', 'Bearer admin-jwt']);
    expect(tokens.length).to.be.greaterThan(2);
    expect(tokens.slice(2).every((t) => t === 'Bearer fresh-jwt')).to.equal(true);
    await pause(60);
    document.removeEventListener('jxjy-legacy-import-finished', count);
    expect(finished).to.equal(1);
    expect(el.shadowRoot!.querySelector('[data-testid=poll-error]')).to.equal(null);
  });

  it('stops asking when it leaves the page and resumes when it comes back', async () => {
    const first = gate();
    const { el, stub } = await render(
      { [LIST]: [page([]), page([])], [STATUS]: [first.promise, json(200, halfway()), json(200, completed())] },
      { importId: IMPORT_ID },
    );
    await waitUntil(() => stub.to(STATUS).length === 1, 'first read on its way');
    const parent = el.parentNode!;
    el.remove();
    first.open(json(200, halfway())); // answered after it left: nobody asks again
    await pause(120);
    expect(stub.to(STATUS)).to.have.length(1);
    parent.appendChild(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]'), 'completed after coming back');
    expect(stub.to(STATUS)).to.have.length(3);
  });

  it('downloads the refused rows with the token, saving the server’s exact bytes (BOM and all) under the server’s filename', async () => {
    const csv = '\uFEFF行号,身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核单位,审核日期,错误原因\r\n6,440106199001011231,黄历史,2018,公需科目,校验位错误,6,,,,身份证号校验位不正确\r\n';
    const bytes = new TextEncoder().encode(csv);
    const filename = '2018年学时-未导入的行.csv';
    const named = '2018年学时（服务器命名）-未导入的行.csv';
    const { el, stub } = await render({
      [LIST]: [page([completed()])],
      [STATUS]: [json(200, completed())],
      [REJECTED]: [
        new Response(bytes, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent(named)}` } }),
        new Response(bytes, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
        json(503, { statusCode: 503, error: 'Service Unavailable', message: '文件存储暂时不可用，请稍后再试' }),
      ],
    });
    $(el, `tr[data-import-id="${IMPORT_ID}"] [data-action=view]`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=download-rejected]'), 'report');
    await waitUntil(() => focused(el, $(el, '#report-title')), 'focus on the report');
    const saved = savedLink(el);
    $(el, '[data-action=download-rejected]').click();
    const link = await saved;
    expect(stub.to(REJECTED)[0]!.headers.get('Authorization')).to.equal('Bearer admin-jwt');
    expect(link.download).to.equal(named);
    expect(link.href).to.match(/^blob:/);
    await waitUntil(() => text(el, '#import-status').startsWith(`已下载 ${named}。`), 'said so');
    const fetched = new Uint8Array(await (await nativeFetch(link.href)).arrayBuffer());
    expect([...fetched.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect([...fetched]).to.deep.equal([...bytes]);

    // Behind a gateway that hides Content-Disposition: the name the server would have given.
    const again = savedLink(el);
    $(el, '[data-action=download-rejected]').click();
    expect((await again).download).to.equal(filename);
    await waitUntil(() => $(el, '[data-action=download-rejected]').getAttribute('aria-busy') === 'false', 'done');

    $(el, '[data-action=download-rejected]').click();
    await waitUntil(() => focused(el, $(el, '.failure.download')), 'alert focused');
    expect(text(el, '.failure.download')).to.equal('文件存储暂时不可用，请稍后再试');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    own = stubFetch({ [LIST]: [page([completed()])], [STATUS]: [json(200, completed())] });
    const el = await fixture<JxjyLegacyImport>(html`<jxjy-legacy-import poll-interval="20" import-id=${IMPORT_ID}></jxjy-legacy-import>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await pause(60);
    expect(own.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('[part=report][data-status=completed]') && el.shadowRoot!.querySelector('section.recent table'), 'after the token');
    expect(own.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    expect(own.to(STATUS)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
