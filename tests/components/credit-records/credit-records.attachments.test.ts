// <jxjy-credit-records>'s evidence: an upload shows its progress and then the file (the record read again with
// ?after=), sent as multipart field `file` with the token and language; 413 and 415 land at the file input; a file
// over 10 MB is refused before sending; download fetches the file with the token and saves it under its name — the
// server's (Content-Disposition) when it gives one; remove deletes it while the record is editable.
import { expect, waitUntil } from '@open-wc/testing';
import type { JxjyCreditRecords } from '../../../components/credit-records/credit-records.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, text } from '../fetch-stub.js';
import { stubXhr, type XhrStub } from '../xhr-stub.js';
import * as f from './fixtures.js';
import { P1, item, openRecord, pdf, record, render } from './fixtures.js';

const UPLOAD = '/api/v1/credit-records/r-5/attachments';
const page = (items: ReturnType<typeof item>[]) => json(200, { items, nextCursor: null });

let xhr: XhrStub | undefined;
afterEach(() => {
  xhr?.restore();
  f.stub?.restore();
});

function choose(el: JxjyCreditRecords, file: File) {
  const input = $<HTMLInputElement>(el, '#file');
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const pdfFile = (name = '培训证书.pdf', size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });
const refused = (status: number, message: string) => ({ statusCode: status, error: 'Refused', message, details: [{ field: 'file', message }] });

describe('jxjy-credit-records evidence', () => {
  it('uploads with a progress bar, then shows the file and reads the record again with ?after=', async () => {
    xhr = stubXhr();
    const draft = record(5);
    const { el, stub } = await render({
      'GET /api/v1/credit-records': [page([item(5)]), page([item(5, { attachmentCount: 1 })])],
      'GET /api/v1/credit-records/r-5': [json(200, draft), json(200, { ...draft, attachments: [pdf] })],
    });
    await openRecord(el, 5);
    expect(text(el, 'label[for=file]')).to.equal('上传证明材料');
    choose(el, pdfFile());
    const call = await xhr.next();
    expect(call.method).to.equal('POST');
    expect(call.url.pathname).to.equal(UPLOAD);
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(call.headers.get('Accept-Language')).to.equal('zh-CN');
    expect((call.body as FormData).get('file')).to.be.instanceOf(File);
    expect(((call.body as FormData).get('file') as File).name).to.equal('培训证书.pdf');

    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=upload-progress]'), 'progress shown');
    call.progress(512, 2048);
    await waitUntil(() => $<HTMLProgressElement>(el, 'progress').value === 25, 'a quarter sent');
    expect(text(el, '[data-testid=upload-progress]')).to.contain('正在上传 培训证书.pdf').and.contain('25%');
    expect($(el, 'progress').getAttribute('aria-label')).to.equal('培训证书.pdf 上传进度');
    expect($<HTMLInputElement>(el, '#file').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    call.progress(2048, 2048);
    await waitUntil(() => $<HTMLProgressElement>(el, 'progress').value === 100, 'all sent');

    call.respond(201, { ...pdf, position: P1 });
    await waitUntil(() => el.shadowRoot!.querySelector('li[data-attachment-id="a-1"]'), 'file listed');
    expect(el.shadowRoot!.querySelector('[data-testid=upload-progress]')).to.equal(null);
    expect(text(el, 'li[data-attachment-id="a-1"]')).to.contain('培训证书.pdf').and.contain('20 KB');
    expect(text(el, '#record-status')).to.equal('已上传 培训证书.pdf。');
    await waitUntil(() => stub.to('GET /api/v1/credit-records/r-5').length === 2, 'read again');
    expect(stub.to('GET /api/v1/credit-records/r-5')[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => focused(el, $(el, '#file')), 'focus back on the file input');
    expect($<HTMLInputElement>(el, '#file').value).to.equal('');
  });

  it("shows the server's 413 and 415 at the file input (zh and en) and passes axe", async () => {
    xhr = stubXhr();
    const { el } = await render({ 'GET /api/v1/credit-records': [page([item(5)])], 'GET /api/v1/credit-records/r-5': [json(200, record(5))] });
    await openRecord(el, 5);
    choose(el, pdfFile('scan.pdf'));
    (await xhr.next()).respond(413, refused(413, '附件不能超过 10 MB'));
    await waitUntil(() => el.shadowRoot!.querySelector('#file-error'), '413 shown');
    expect(text(el, '#file-error')).to.equal('附件不能超过 10 MB');
    expect($(el, '#file').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#file').getAttribute('aria-describedby')).to.equal('file-hint file-error');
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await el.updateComplete;
    choose(el, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const call = await xhr.next();
    expect(call.headers.get('Accept-Language')).to.equal('en');
    call.respond(415, refused(415, 'an attachment must be a PDF, JPEG or PNG file'));
    await waitUntil(() => el.shadowRoot!.querySelector('#file-error')?.textContent === 'an attachment must be a PDF, JPEG or PNG file', '415 shown');
    expect(text(el, 'label[for=file]')).to.equal('Upload evidence');
    await expect(el).to.be.accessible();
  });

  it('refuses a file over 10 MB before sending it', async () => {
    xhr = stubXhr();
    const { el } = await render({ 'GET /api/v1/credit-records': [page([item(5)])], 'GET /api/v1/credit-records/r-5': [json(200, record(5))] });
    await openRecord(el, 5);
    choose(el, pdfFile('big.pdf', 10 * 1024 * 1024 + 1));
    await waitUntil(() => el.shadowRoot!.querySelector('#file-error'), 'size error');
    expect(text(el, '#file-error')).to.equal('附件不能超过 10 MB');
    expect(xhr.calls).to.have.length(0);
  });

  it('downloads a file with the token and saves it under its own name', async () => {
    const content = new Blob(['%PDF-1.4 evidence'], { type: 'application/pdf' });
    const { el, stub } = await render({
      'GET /api/v1/credit-records': [page([item(5, { status: 'submitted', attachmentCount: 1 })])],
      'GET /api/v1/credit-records/r-5': [json(200, record(5, { status: 'submitted', attachments: [pdf] }))],
      'GET /api/v1/credit-records/r-5/attachments/a-1': [new Response(content, { headers: { 'Content-Type': 'application/pdf' } })],
    });
    await openRecord(el, 5);
    expect(el.shadowRoot!.querySelector('[data-action=remove]')).to.equal(null);
    const saved = new Promise<HTMLAnchorElement>((resolve) => {
      el.shadowRoot!.addEventListener('click', (e) => {
        const link = e.target as HTMLElement;
        if (link instanceof HTMLAnchorElement && link.download) {
          e.preventDefault(); // the test reads the link instead of letting the browser save the file
          resolve(link);
        }
      });
    });
    const button = $(el, 'li[data-attachment-id="a-1"] [data-action=download]');
    expect(button.getAttribute('aria-label')).to.equal('下载 培训证书.pdf');
    button.click();
    const link = await saved;
    const call = stub.to('GET /api/v1/credit-records/r-5/attachments/a-1')[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(link.download).to.equal('培训证书.pdf');
    expect(link.href).to.match(/^blob:/);
    stub.restore();
    expect(await (await fetch(link.href)).text()).to.equal('%PDF-1.4 evidence');
  });

  it("saves a download under the server's name for it when the response gives one", async () => {
    const served = '培训证书（服务器命名）.pdf';
    const { el } = await render({
      'GET /api/v1/credit-records': [page([item(5, { status: 'submitted', attachmentCount: 1 })])],
      'GET /api/v1/credit-records/r-5': [json(200, record(5, { status: 'submitted', attachments: [pdf] }))],
      'GET /api/v1/credit-records/r-5/attachments/a-1': [
        new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent(served)}` } }),
      ],
    });
    await openRecord(el, 5);
    const saved = new Promise<HTMLAnchorElement>((resolve) => {
      el.shadowRoot!.addEventListener('click', (e) => {
        if (e.target instanceof HTMLAnchorElement && e.target.download) {
          e.preventDefault();
          resolve(e.target);
        }
      });
    });
    $(el, 'li[data-attachment-id="a-1"] [data-action=download]').click();
    expect((await saved).download).to.equal(served);
  });

  it('removes a file while the record is a draft, and reads the record again', async () => {
    const draft = record(5, { attachments: [pdf] });
    const { el, stub } = await render({
      'GET /api/v1/credit-records': [page([item(5, { attachmentCount: 1 })]), page([item(5)])],
      'GET /api/v1/credit-records/r-5': [json(200, draft), json(200, record(5))],
      'DELETE /api/v1/credit-records/r-5/attachments/a-1': [json(200, { ...record(5), position: P1 })],
    });
    await openRecord(el, 5);
    const remove = $(el, 'li[data-attachment-id="a-1"] [data-action=remove]');
    expect(remove.getAttribute('aria-label')).to.equal('删除附件 培训证书.pdf');
    remove.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('li[data-attachment-id="a-1"]'), 'file gone');
    expect(text(el, '#record-status')).to.equal('已删除附件 培训证书.pdf。');
    expect(stub.to('DELETE /api/v1/credit-records/r-5/attachments/a-1')[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    await waitUntil(() => stub.to('GET /api/v1/credit-records/r-5').length === 2, 'read again');
    expect(stub.to('GET /api/v1/credit-records/r-5')[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => focused(el, $(el, '#attachments-title')), 'focus on the evidence heading');
  });
});
