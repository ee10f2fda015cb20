// <jxjy-legacy-import>'s form and upload: the form and the recent imports in zh and en (axe), the column hint following
// the kind; each client rule (no file, an empty file, more than 20 MB) blocking the request with the problem at the file
// field; the upload's shape (multipart field `file`, token, language, ?kind=&dryRun= from the button used) with its
// progress bar and jxjy-legacy-import-started; and the server's 400 (a missing column), 413 and 415 landing on the file
// field in the reader's language.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, text } from '../fetch-stub.js';
import { stubXhr, type XhrStub } from '../xhr-stub.js';
import * as f from './fixtures.js';
import { FILENAME, IMPORT_ID, LIST, OLD_ID, P1, STATUS, UPLOAD, choose, completed, csvFile, page, render, report } from './fixtures.js';

let xhr: XhrStub | undefined;
afterEach(() => {
  xhr?.restore();
  f.stub?.restore();
});

const old = completed({ importId: OLD_ID, dryRun: false, file: { filename: '旧证书.csv', size: 1536, format: 'csv', encoding: 'gb18030' }, kind: 'certificates', rows: { total: 2, valid: 1, imported: 1, duplicates: 0, rejected: 1 } });
const refused = (status: number, message: string, details: { field: string; message: string }[]) => ({ statusCode: status, error: 'Refused', message, details });
const cells = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

async function failsAtFile(el: Element, message: string) {
  await waitUntil(() => !el.shadowRoot!.querySelector('[part=submit][aria-busy=true]'), 'the answer handled');
  await waitUntil(() => el.shadowRoot!.querySelector('#file-error')?.textContent === message, `file error “${message}”`);
  expect($(el, '#file').getAttribute('aria-invalid')).to.equal('true');
  expect($(el, '#file').getAttribute('aria-describedby')).to.equal('file-hint file-error');
  await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
}

describe('jxjy-legacy-import form', () => {
  it('shows the form and the recent imports (zh-CN), the column hint following the kind; passes axe', async () => {
    const { el, stub } = await render({ [LIST]: [page([old])] });
    const call = stub.to(LIST)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer admin-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect(call.query.get('limit')).to.equal('20');
    expect(text(el, 'legend')).to.equal('导入类型');
    expect(cells(el, 'label.radio')).to.deep.equal(['学时记录', '证书']);
    expect($<HTMLInputElement>(el, 'input[value=records]').checked).to.equal(true);
    expect(text(el, '#kind-hint')).to.contain('必填列：身份证号、姓名、年度、类别');
    expect(text(el, 'label[for=file]')).to.equal('导入文件');
    expect($<HTMLInputElement>(el, '#file').accept).to.contain('.csv').and.contain('.xlsx');
    expect(text(el, '#file-hint')).to.contain('GB18030').and.contain('20 MB');
    expect(text(el, '[data-action=dry-run]')).to.equal('试导入');
    expect(text(el, '[data-action=import]')).to.equal('正式导入');

    expect(text(el, 'section.recent caption')).to.equal('最近 1 次导入');
    const row = `tr[data-import-id="${OLD_ID}"]`;
    expect(cells(el, `${row} > *`).slice(0, 5)).to.deep.equal(['旧证书.csv', '证书', '正式导入', '已完成', '共 2 行，导入 1，重复 0，未通过 1']);
    expect(text(el, `${row} [data-action=view]`)).to.equal('查看');
    expect($(el, `${row} [data-action=view]`).getAttribute('aria-label')).to.equal('查看 旧证书.csv 的导入结果');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, 'input[value=certificates]').click();
    await waitUntil(() => text(el, '#kind-hint').includes('证书编号'), 'certificate columns');
    expect(el.kind).to.equal('certificates');
  });

  it('speaks English and says when nothing has been imported; passes axe', async () => {
    const { el, stub } = await render({ [LIST]: [page([])] }, { lang: 'en' });
    expect(stub.to(LIST)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(text(el, 'legend')).to.equal('What the file holds');
    expect(cells(el, 'label.radio')).to.deep.equal(['Credit records', 'Certificates']);
    expect(text(el, '[data-action=dry-run]')).to.equal('Dry run');
    expect(text(el, '[data-action=import]')).to.equal('Import');
    expect(text(el, 'section.recent .empty')).to.equal('Nothing has been imported yet.');
    await expect(el).to.be.accessible();
  });

  it('refuses, before sending anything, no file, an empty file and a file over 20 MB — at the file field', async () => {
    xhr = stubXhr();
    const { el } = await render({ [LIST]: [page([])] });
    $(el, '[data-action=import]').click();
    await failsAtFile(el, '请选择要导入的文件');
    expect(text(el, '.summary li')).to.equal('导入文件：请选择要导入的文件');
    await expect(el).to.be.accessible();

    choose(el, new File([], 'empty.csv', { type: 'text/csv' }));
    $(el, '[data-action=dry-run]').click();
    await failsAtFile(el, '文件是空的');

    choose(el, new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.xlsx'));
    $(el, '[data-action=import]').click();
    await failsAtFile(el, '导入文件不能超过 20 MB');

    el.lang = 'en';
    await el.updateComplete;
    $(el, '[data-action=import]').click();
    await failsAtFile(el, 'An import file may be at most 20 MB');
    expect(xhr.calls).to.have.length(0);
  });

  it('uploads the file as multipart `file` with the token, ?kind=&dryRun= from the button used, and its progress; then follows the import', async () => {
    xhr = stubXhr();
    const { el } = await render({ [LIST]: [page([]), page([report()]), page([report()])], [STATUS]: [json(200, completed()), json(200, completed({ dryRun: false }))] });
    $<HTMLInputElement>(el, 'input[value=certificates]').click();
    await el.updateComplete;
    choose(el, csvFile());
    const started = oneEvent(el, 'jxjy-legacy-import-started');
    $(el, '[data-action=dry-run]').click();
    const call = await xhr.next();
    expect(call.method).to.equal('POST');
    expect(call.url.pathname).to.equal(UPLOAD);
    expect(Object.fromEntries(call.url.searchParams)).to.deep.equal({ kind: 'certificates', dryRun: 'true' });
    expect(call.headers.get('Authorization')).to.equal('Bearer admin-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    const file = (call.body as FormData).get('file') as File;
    expect(file).to.be.instanceOf(File);
    expect(file.name).to.equal(FILENAME);
    expect(await file.text()).to.equal('身份证号,姓名,年度,类别,项目名称,学时\r\n');

    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=upload-progress]'), 'upload bar');
    call.progress(512, 2048);
    await waitUntil(() => $<HTMLProgressElement>(el, '[data-testid=upload-progress] progress').value === 25, 'a quarter sent');
    expect(text(el, '[data-testid=upload-progress]')).to.equal(`正在上传 ${FILENAME}… 25%`);
    expect($(el, '[data-testid=upload-progress] progress').getAttribute('aria-label')).to.equal(`${FILENAME} 上传进度`);
    expect($(el, '[data-action=dry-run]').getAttribute('aria-busy')).to.equal('true');
    expect(text(el, '[data-action=dry-run]')).to.equal('上传中…');
    expect($(el, '[data-action=import]').getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    call.respond(202, { importId: IMPORT_ID, status: 'running', position: P1 });
    const event = await started;
    expect(event.detail).to.deep.equal({ importId: IMPORT_ID, kind: 'certificates', dryRun: true });
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector(`[part=report][data-import-id="${IMPORT_ID}"]`), 'report shown');
    expect(el.importId).to.equal(IMPORT_ID);
    await waitUntil(() => focused(el, $(el, '#report-title')), 'focus on the report');
    // A small file may be done by the first read: what this element started, it announces when finished.
    await waitUntil(() => text(el, '#import-status') === '试导入已完成：共 9 行，校验通过 7 行，已导入 0 行，重复 0 行，未通过校验 2 行。', 'announced');
    expect(el.shadowRoot!.querySelector('[data-testid=upload-progress]')).to.equal(null);
    await waitUntil(() => f.stub!.to(LIST).length >= 2, 'list read again');
    expect(f.stub!.to(LIST)[1]!.query.get('after')).to.equal(P1);

    // The same file, still chosen, goes in for real with the other button.
    $(el, '[data-action=import]').click();
    const second = await xhr.next();
    expect(Object.fromEntries(second.url.searchParams)).to.deep.equal({ kind: 'certificates', dryRun: 'false' });
    second.respond(202, { importId: IMPORT_ID, status: 'running', position: P1 });
    await waitUntil(() => f.stub!.to(STATUS).length === 2, 'followed again');
  });

  it('puts a missing column (400), 413 and 415 on the file field, in the reader’s language', async () => {
    xhr = stubXhr();
    const { el } = await render({ [LIST]: [page([])] });
    choose(el, csvFile('缺列.csv', '身份证号,姓名,年度,类别,学时\n'));
    $(el, '[data-action=dry-run]').click();
    (await xhr.next()).respond(400, refused(400, '表头缺少必填列：项目名称', [{ field: 'title', message: '缺少“项目名称”列' }]));
    await failsAtFile(el, '表头缺少必填列：项目名称');
    expect(text(el, '.summary-title')).to.equal('提交失败，请修正以下问题');
    expect(text(el, '.summary li')).to.equal('导入文件：表头缺少必填列：项目名称');
    await expect(el).to.be.accessible();

    $(el, '[data-action=import]').click();
    (await xhr.next()).respond(413, refused(413, '导入文件不能超过 20 MB', [{ field: 'file', message: '导入文件不能超过 20 MB' }]));
    await failsAtFile(el, '导入文件不能超过 20 MB');

    // A gateway in front of the API may answer 413 itself, without details or JSON: the field still says what it means.
    $(el, '[data-action=import]').click();
    (await xhr.next()).respond(413, '<html>Request Entity Too Large</html>', { 'Content-Type': 'text/html' });
    await failsAtFile(el, '导入文件不能超过 20 MB');

    el.lang = 'en';
    await el.updateComplete;
    choose(el, new File(['\x89PNG'], 'photo.csv', { type: 'text/csv' }));
    $(el, '[data-action=dry-run]').click();
    const call = await xhr.next();
    expect(call.headers.get('Accept-Language')).to.equal('en');
    call.respond(415, refused(415, 'only CSV or XLSX files can be imported', [{ field: 'file', message: 'only CSV or XLSX files can be imported' }]));
    await failsAtFile(el, 'only CSV or XLSX files can be imported');
    expect(text(el, '.summary-title')).to.equal('Please correct the following and submit again');
    expect(text(el, 'label[for=file]')).to.equal('File');
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[part=report]')).to.equal(null);
  });
});
