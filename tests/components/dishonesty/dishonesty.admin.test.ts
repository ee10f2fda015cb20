// <jxjy-dishonesty mode="admin">: the record form (zh and en, axe) and each client rule that keeps it from sending
// (required fields, the GB 11643 check of the ID number, text without control characters and of 2–500 characters,
// the end not before the start); the POST body with the token, the event, the notice and the list read again with
// ?after=; with `person-id` the record names that person; server details on their fields; revoking with a reason
// (required, Escape backs out), its event, and a 409 shown in the revoke form.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { JxjyDishonesty } from '../../../components/dishonesty/dishonesty.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { BAD_CHECKSUM, CREATE, ID_NUMBER, LIST, P1, page, record, render, revokeRoute, revokedRecord } from './fixtures.js';

afterEach(() => f.stub?.restore());

/** Whether focus is on the element `selector` finds (false while it is not rendered yet). */
const focusedOn = (el: JxjyDishonesty, selector: string) => {
  const target = el.shadowRoot!.querySelector(selector);
  return !!target && focused(el, target);
};
const error = (el: JxjyDishonesty, field: string) => el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim();

async function openForm(el: JxjyDishonesty) {
  $(el, '[data-action=record]').click();
  await waitUntil(() => focusedOn(el, '#form-title'), 'form heading focused');
}

async function submit(el: JxjyDishonesty) {
  $(el, '#record-form button[type=submit]').click();
  await el.updateComplete;
}

function tick(el: JxjyDishonesty, checked: boolean) {
  $<HTMLInputElement>(el, '#blocksCertificate').checked = checked;
}

const good = { idNumber: ID_NUMBER.toLowerCase(), reason: '提供虚假学时证明材料', basis: '《专业技术人员继续教育规定》第二十八条', startDate: '2026-01-01', endDate: '2026-12-31' };

describe('jxjy-dishonesty admin', () => {
  it('opens the record form with labelled fields (zh-CN); passes axe', async () => {
    const { el } = await render({ [LIST]: [page([record(1)])] }, { mode: 'admin' });
    const toggle = $(el, '[data-action=record]');
    expect(text(el, '[data-action=record]')).to.equal('记录失信信息');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await openForm(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal('record-form');
    const labels = [...el.shadowRoot!.querySelectorAll('#record-form label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['身份证号', '开始日期', '结束日期', '失信事由', '法律依据', '限制打印证书']);
    expect($(el, '#endDate').hasAttribute('required')).to.equal(false);
    expect($(el, '#reason').localName).to.equal('textarea');
    expect($<HTMLInputElement>(el, '#startDate').value).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect($<HTMLInputElement>(el, '#blocksCertificate').checked).to.equal(false);
    expect(text(el, 'thead th:last-child')).to.equal('操作');
    expect($(el, 'tr[data-record-id="d-1"] [data-action=revoke]').getAttribute('aria-label')).to.equal('撤销“提供虚假学时证明材料”');
    await expect(el).to.be.accessible();
  });

  it('renders the form in English and passes axe', async () => {
    const { el } = await render({ [LIST]: [page([record(1)])] }, { mode: 'admin', lang: 'en' });
    await openForm(el);
    expect(text(el, 'label[for=basis]')).to.equal('Legal basis');
    expect(text(el, 'label[for=blocksCertificate]')).to.equal('Blocks certificates');
    expect(text(el, '#record-form button[type=submit]')).to.equal('Save record');
    await expect(el).to.be.accessible();
  });

  it('refuses to send without the required fields, with a wrong ID number check character, or an end before the start', async () => {
    const { el, stub } = await render({ [LIST]: [page([])] }, { mode: 'admin' });
    await openForm(el);
    await submit(el);
    await waitUntil(() => focusedOn(el, '#record-form .summary'), 'summary focused');
    expect(error(el, 'idNumber')).to.equal('请输入身份证号');
    expect(error(el, 'reason')).to.equal('请输入失信事由');
    expect(error(el, 'basis')).to.equal('请输入法律依据');
    fill(el, { ...good, idNumber: BAD_CHECKSUM, endDate: '2025-12-31' });
    await submit(el);
    expect(error(el, 'idNumber')).to.equal('身份证号校验位不正确，请核对');
    expect(error(el, 'endDate')).to.equal('结束日期不能早于开始日期');
    fill(el, { ...good, idNumber: '1101051949123', reason: '虚', basis: '依据\u202E反转' });
    await submit(el);
    expect(error(el, 'idNumber')).to.equal('身份证号应为 18 位：前 17 位为数字，末位为数字或 X');
    expect(error(el, 'reason')).to.equal('失信事由应为 2–500 个字符');
    expect(error(el, 'basis')).to.equal('法律依据不能包含控制字符');
    expect(stub.to(CREATE)).to.have.length(0);
  });

  it('records by ID number with the token, emits jxjy-dishonesty-recorded, says so and reads the list again with ?after=', async () => {
    const created = record(5, { startDate: good.startDate, endDate: good.endDate, position: P1 });
    const { el, stub } = await render({ [LIST]: [page([]), page([created])], [CREATE]: [json(201, created)] }, { mode: 'admin' });
    await openForm(el);
    fill(el, good);
    tick(el, true);
    setTimeout(() => void submit(el));
    const event = await oneEvent(el, 'jxjy-dishonesty-recorded');
    expect(event.detail).to.deep.equal({ recordId: 'd-5', personId: 'p-1' });
    const call = stub.to(CREATE)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer jwt');
    expect(call.body).to.deep.equal({ ...good, idNumber: ID_NUMBER, blocksCertificate: true });
    await waitUntil(() => stub.to(LIST).length === 2, 'list read again');
    expect(stub.to(LIST)[1]!.query.get('after')).to.equal(P1);
    await waitUntil(() => focusedOn(el, '#dishonesty-status'), 'notice focused');
    expect(text(el, '#dishonesty-status')).to.equal('已记录 诸葛亮（1101**********002X）的失信信息。');
    expect(el.shadowRoot!.querySelector('#record-form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('tr[data-record-id="d-5"]')).to.not.equal(null);
  });

  it('records for the person of person-id, with no end date and not blocking', async () => {
    const created = record(6, { blocksCertificate: false, position: P1 });
    const { el, stub } = await render({ [LIST]: [page([]), page([created])], [CREATE]: [json(201, created)] }, { mode: 'admin', personId: 'p-1' });
    await openForm(el);
    expect(el.shadowRoot!.querySelector('#idNumber')).to.equal(null);
    fill(el, { reason: good.reason, basis: good.basis, startDate: good.startDate });
    await submit(el);
    await waitUntil(() => stub.to(CREATE).length === 1, 'sent');
    expect(stub.to(CREATE)[0]!.body).to.deep.equal({ personId: 'p-1', reason: good.reason, basis: good.basis, startDate: good.startDate, blocksCertificate: false });
  });

  it("puts the server's 422 details on their fields", async () => {
    const nobody = '没有该人员的注册信息';
    const { el } = await render(
      {
        [LIST]: [page([])],
        [CREATE]: [json(422, { statusCode: 422, error: 'Unprocessable Entity', message: nobody, details: [{ field: 'idNumber', message: nobody }] })],
      },
      { mode: 'admin' },
    );
    await openForm(el);
    fill(el, good);
    await submit(el);
    await waitUntil(() => error(el, 'idNumber') === nobody, 'detail on the field');
    expect($(el, '#idNumber').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#record-form .summary-title')).to.equal(nobody);
    await waitUntil(() => focusedOn(el, '#record-form .summary'), 'summary focused');
    await expect(el).to.be.accessible();
  });

  it('revokes with a reason: refuses an empty one, sends it with the token, emits, and reads the list again', async () => {
    const revoked = { ...revokedRecord(1), reason: record(1).reason, position: P1 };
    const { el, stub } = await render({ [LIST]: [page([record(1)]), page([revoked])], [revokeRoute('d-1')]: [json(200, revoked)] }, { mode: 'admin' });
    const button = $(el, 'tr[data-record-id="d-1"] [data-action=revoke]');
    button.click();
    await waitUntil(() => focusedOn(el, '#revoke-reason'), 'reason focused');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(el, 'label[for=revoke-reason]')).to.equal('撤销原因（撤销“提供虚假学时证明材料”）');
    $(el, '#revoke-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#revoke-error'), 'required');
    expect(text(el, '#revoke-error')).to.equal('请输入撤销原因');
    expect(stub.to(revokeRoute('d-1'))).to.have.length(0);
    await expect(el).to.be.accessible();

    fill(el, { 'revoke-reason': '经复核撤销' });
    setTimeout(() => $(el, '#revoke-form button[type=submit]').click());
    const event = await oneEvent(el, 'jxjy-dishonesty-revoked');
    expect(event.detail).to.deep.equal({ recordId: 'd-1', personId: 'p-1' });
    const call = stub.to(revokeRoute('d-1'))[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer jwt');
    expect(call.body).to.deep.equal({ reason: '经复核撤销' });
    await waitUntil(() => stub.to(LIST).length === 2, 'list read again');
    expect(stub.to(LIST)[1]!.query.get('after')).to.equal(P1);
    expect(text(el, '#dishonesty-status')).to.equal('已撤销该失信记录。');
    expect(el.shadowRoot!.querySelector('#revoke-form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('tr[data-record-id="d-1"] [data-action=revoke]')).to.equal(null);
  });

  it('backs out of revoking with Escape, returning focus to the button', async () => {
    const { el } = await render({ [LIST]: [page([record(1)])] }, { mode: 'admin' });
    $(el, '[data-action=revoke]').click();
    await waitUntil(() => focusedOn(el, '#revoke-reason'), 'reason focused');
    $(el, '#revoke-reason').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitUntil(() => !el.shadowRoot!.querySelector('#revoke-form'), 'form closed');
    await waitUntil(() => focusedOn(el, '[data-action=revoke]'), 'focus back on the button');
  });

  it('shows a 409 in the revoke form (English)', async () => {
    const message = 'the dishonesty record is already revoked';
    const { el } = await render(
      { [LIST]: [page([record(1)]), page([revokedRecord(1)])], [revokeRoute('d-1')]: [json(409, { statusCode: 409, error: 'Conflict', message })] },
      { mode: 'admin', lang: 'en' },
    );
    $(el, '[data-action=revoke]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#revoke-reason'), 'form open');
    fill(el, { 'revoke-reason': 'Reviewed' });
    $(el, '#revoke-form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#revoke-error'), 'conflict shown');
    expect(text(el, '#revoke-error')).to.equal(message);
    expect($(el, '#revoke-error').getAttribute('role')).to.equal('alert');
  });
});
