// <jxjy-certificate>'s commands: 打印证书 POSTs the year with the token, shows the certificate, emits
// jxjy-certificate-issued, saves the PDF and reads the years again; a 409 shows the server's message in a focused
// alert and, at once (before the years are read again), what its facts say: each category's `missing` hours in the
// alert and the year, or the `blockedBy` records in the blocked notice; 下载证书 fetches the PDF with the token —
// again with a refreshed one after a 401 — and saves exactly the server's bytes under the server's filename
// (Content-Disposition), or under the certificate number when the response names none.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { LIST, PDF_BYTES, Y1, Y2, certificate, list, pdfResponse, render, savedLink, year, years } from './fixtures.js';

afterEach(() => f.stub?.restore());

/** A reply the test releases when it has looked at the screen in between. */
function deferred() {
  let resolve!: (response: Response) => void;
  const promise = new Promise<Response>((r) => (resolve = r));
  return { promise, resolve };
}

const ISSUE = `POST /api/v1/me/certificates/${Y1}`;
const pdfRoute = (y: number) => `GET /api/v1/certificates/${certificate(y).certificateId}/pdf`;
// Nothing the element could build itself: the name must come from the response.
const filename = (y: number) => `${y}年度继续教育证书（服务器命名）.pdf`;
const bytesOf = async (link: HTMLAnchorElement) => new Uint8Array(await (await fetch(link.href)).arrayBuffer());

describe('jxjy-certificate commands', () => {
  it('issues the year with the token, shows the certificate, emits jxjy-certificate-issued, saves its PDF and reads the years again', async () => {
    const issued = certificate(Y1, { position: '00000000000000000501:00000000000000000501' });
    const after = years({ items: [year(Y1, { certificate: certificate(Y1) })] });
    const { el, stub } = await render({
      [LIST]: [list(), list(after)],
      [ISSUE]: [json(201, issued)],
      [pdfRoute(Y1)]: [pdfResponse(PDF_BYTES, filename(Y1))],
    });
    const saved = savedLink(el);
    setTimeout(() => $(el, '[data-action=issue]').click());
    const event = await oneEvent(el, 'jxjy-certificate-issued');
    expect(event.detail).to.deep.equal({ certificateId: issued.certificateId, year: Y1, verificationCode: issued.verificationCode });
    expect(event.bubbles && event.composed).to.equal(true);
    const post = stub.to(ISSUE)[0]!;
    expect(post.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(post.body).to.equal(undefined);

    const link = await saved;
    expect(stub.to(pdfRoute(Y1))[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(link.download).to.equal(filename(Y1));
    await waitUntil(() => focused(el, $(el, '#certificate-title')), 'focus on the certificate');
    expect(text(el, '[data-testid=certificate-no]')).to.equal(`JX${Y1}AB12CD34EF`);
    expect(text(el, '#certificate-status')).to.equal(`已生成 ${Y1} 年度继续教育证书。 已下载 ${filename(Y1)}。`);
    expect(text(el, '[data-action=download]')).to.equal('下载证书');
    await waitUntil(() => stub.to(LIST).length === 2, 'years read again');
    f.stub!.restore();
    expect([...(await bytesOf(link))]).to.deep.equal([...PDF_BYTES]);
  });

  it("shows a 409 not_eligible's message and each category's missing hours (its facts) in a focused alert and in the year at once, then reads the years again (zh-CN); passes axe", async () => {
    const message = `${Y1}年度学时未达到要求：公需科目还差 30 学时，专业科目还差 2 学时`;
    const again = deferred();
    const { el, stub } = await render({
      [LIST]: [list(), again.promise],
      [ISSUE]: [
        json(409, {
          statusCode: 409,
          error: 'Conflict',
          message,
          code: 'not_eligible',
          missing: { public: 30, professional: 2, elective: 0, total: 32 },
          required: { public: 30, professional: 42, elective: 18, total: 90 },
          completed: { public: 0, professional: 40, elective: 18, total: 58 },
          details: [
            { field: 'public', message: '还差 30 学时' },
            { field: 'professional', message: '还差 2 学时' },
          ],
        }),
      ],
    });
    $(el, '[data-action=issue]').click();
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect($(el, '.failure').getAttribute('role')).to.equal('alert');
    expect(text(el, '.failure-title')).to.equal(message);
    const lines = (selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((li) => li.textContent!.trim());
    expect(lines('.failure li')).to.deep.equal(['公需科目还差 30 学时', '专业科目还差 2 学时']);
    // The year as the server counted it, while the years are still being read again.
    await waitUntil(() => stub.to(LIST).length === 2, 'years asked again');
    expect($(el, '[part=verdict]').dataset['eligible']).to.equal('false');
    expect(lines('[part=verdict] li')).to.deep.equal(['公需科目还差 30 学时', '专业科目还差 2 学时']);
    expect(text(el, 'table.hours tr[data-row=total] [data-cell=completed]')).to.equal('58');
    expect(text(el, 'table.hours tr[data-row=total] [data-cell=missing]')).to.equal('32');
    expect(text(el, `table.overview tr[data-year="${Y1}"] .tag`)).to.equal('学时未达标');
    expect(el.shadowRoot!.querySelector('[data-action=issue]')).to.equal(null);
    expect(stub.to(pdfRoute(Y1))).to.have.length(0);
    await expect(el).to.be.accessible();
    again.resolve(list());
  });

  it("lists a refusal's field details when it carries no hours", async () => {
    const { el } = await render({
      [LIST]: [list(), list()],
      [ISSUE]: [json(422, { statusCode: 422, error: 'Unprocessable Entity', message: '输入有误', details: [{ field: 'year', message: '该年度尚未开始' }] })],
    });
    $(el, '[data-action=issue]').click();
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(text(el, '.failure li')).to.equal('年度：该年度尚未开始');
  });

  it("shows a 409 dishonesty_blocks message in English, and the records it names (its facts) in the blocked notice at once", async () => {
    const message = 'an active dishonesty record blocks certificates for now';
    const again = deferred();
    const { el, stub } = await render(
      {
        [LIST]: [list(), again.promise],
        [ISSUE]: [json(409, { statusCode: 409, error: 'Conflict', message, code: 'dishonesty_blocks', blockedBy: [{ recordId: 'd-1', reason: 'False evidence', endDate: null }] })],
      },
      { lang: 'en' },
    );
    $(el, '[data-action=issue]').click();
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(text(el, '.failure')).to.equal(message);
    await waitUntil(() => stub.to(LIST).length === 2, 'years asked again');
    // Not yet read again: the notice comes from the refusal itself.
    expect(text(el, '[part=blocked] li')).to.equal('False evidence (until revoked)');
    expect($(el, '[part=blocked] li').dataset['recordId']).to.equal('d-1');
    expect(text(el, '[data-testid=blocked-year]')).to.contain('A dishonesty record stops this year’s certificate');
    expect(el.shadowRoot!.querySelector('[data-action=issue]')).to.equal(null);
    await expect(el).to.be.accessible();
    again.resolve(list(years({ items: [year(Y1, { blocked: true })], blockedBy: [{ recordId: 'd-1', reason: 'False evidence', endDate: null }] })));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('table.overview tbody tr').length === 1, 'years read again');
    expect(text(el, '[part=blocked] li')).to.equal('False evidence (until revoked)');
  });

  it('downloads an issued certificate with the token, saving the exact bytes under the server’s filename', async () => {
    const { el, stub } = await render({ [LIST]: [list()], [pdfRoute(Y2)]: [pdfResponse(PDF_BYTES, filename(Y2))] }, { year: Y2 });
    const saved = savedLink(el);
    $(el, '[data-action=download]').click();
    const link = await saved;
    const call = stub.to(pdfRoute(Y2))[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer person-jwt');
    const disposition = (await pdfResponse(PDF_BYTES, filename(Y2))).headers.get('Content-Disposition')!;
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).to.equal(link.download);
    expect(link.download).to.equal(filename(Y2));
    expect(link.href).to.match(/^blob:/);
    await waitUntil(() => text(el, '#certificate-status') === `已下载 ${filename(Y2)}。`, 'said so');
    stub.restore();
    expect([...(await bytesOf(link))]).to.deep.equal([...PDF_BYTES]);
  });

  it('saves under the certificate number when the response names no file', async () => {
    const { el } = await render({ [LIST]: [list()], [pdfRoute(Y2)]: [new Response(PDF_BYTES, { headers: { 'Content-Type': 'application/pdf' } })] }, { year: Y2 });
    const saved = savedLink(el);
    $(el, '[data-action=download]').click();
    expect((await saved).download).to.equal(`JX${Y2}AB12CD34EF.pdf`);
  });

  it('after a 401 asks the host for a fresh token and downloads again with it', async () => {
    const { el, stub } = await render(
      {
        // The new token re-reads the years, as any change of token does.
        [LIST]: [list(), list()],
        [pdfRoute(Y2)]: [json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' }), pdfResponse(PDF_BYTES, filename(Y2))],
      },
      { year: Y2 },
    );
    const refresh = (e: CustomEvent<{ waitFor: Promise<unknown>[] }>) => e.detail.waitFor.push(Promise.resolve().then(() => (el.token = 'fresh-jwt')));
    el.addEventListener('jxjy-token-expired', refresh);
    const saved = savedLink(el);
    $(el, '[data-action=download]').click();
    await saved;
    el.removeEventListener('jxjy-token-expired', refresh);
    expect(stub.to(pdfRoute(Y2)).map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer person-jwt', 'Bearer fresh-jwt']);
  });

  it('shows a failed download as a focused alert', async () => {
    const { el } = await render(
      { [LIST]: [list()], [pdfRoute(Y2)]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用，请稍后再试' })] },
      { year: Y2 },
    );
    $(el, '[data-action=download]').click();
    await waitUntil(() => focused(el, $(el, '.failure')), 'alert focused');
    expect(text(el, '.failure')).to.equal('服务暂不可用，请稍后再试');
  });
});
