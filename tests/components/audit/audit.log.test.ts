// <jxjy-audit>'s tabs and 事件日志: the auditor's four tabs (admin's six) following the tabs pattern; the log's request
// (limit, token, language) and table in zh and en (axe); an event's hashes, data and metadata opened in place;
// filters by stream, type and actor (a malformed type refused before asking); 下一页 with nextCursor and 上一页 back;
// a stream with 链完整 or 链已被篡改 at its revision (the problem in the reader's words); 按此位置重放 filling the
// replay form; a failed read with 重试; nothing asked without a token until one arrives.
import { expect, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { EVENTS, choose, event, page, pause, pos, render, tabs } from './fixtures.js';

afterEach(() => f.stub?.restore());

const STREAM = 'GET /api/v1/audit/streams/credit-r-1';
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('table.events tbody tr[data-event-id]')].map((r) => [...r.children].slice(0, -1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
const approved = event(2, { type: 'CreditRecordApproved', streamId: 'credit-r-1', metadata: { actor: { id: 'u-1', role: 'unit', orgId: 'o-1' } } });

describe('jxjy-audit log', () => {
  it('shows the auditor’s tabs and the first page of the log (zh-CN), with the token; an event’s details open in place; passes axe', async () => {
    const { el, stub } = await render({ [EVENTS]: [page([event(1), approved], pos(2))] });
    expect(tabs(el)).to.deep.equal(['事件日志', '完整性校验', '数据重放', '印章']);
    expect($(el, '#tab-log').getAttribute('aria-selected')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log table');
    const call = stub.to(EVENTS)[0]!;
    expect(Object.fromEntries(call.query)).to.deep.equal({ limit: '2' });
    expect([call.headers.get('Authorization'), call.headers.get('Accept-Language')]).to.deep.equal(['Bearer auditor-jwt', 'zh-CN']);
    expect(text(el, 'table.events caption')).to.equal('事件日志（按全局顺序，第 1 页，本页 2 条）');
    expect(rows(el)).to.deep.equal([
      [pos(1), '2026-03-02 02:00:00', 'CreditRecordDrafted', 'credit-r-1', '0', '专业技术人员 p-1'],
      [pos(2), '2026-03-03 02:00:00', 'CreditRecordApproved', 'credit-r-1', '1', '法人单位 u-1'],
    ]);
    await expect(el).to.be.accessible();

    const details = $<HTMLButtonElement>(el, `tr[data-event-id="${approved.eventId}"] [data-action=details]`);
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    expect(details.getAttribute('aria-label')).to.equal(`事件 ${pos(2)} 的详情`);
    details.click();
    await waitUntil(() => el.shadowRoot!.querySelector(`tr[data-details-of="${approved.eventId}"]`), 'details open');
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    const open = `tr[data-details-of="${approved.eventId}"]`;
    expect(text(el, `${open} [data-field=hash]`)).to.equal(approved.hash);
    expect(text(el, `${open} [data-field=prevHash]`)).to.equal(approved.prevHash!);
    expect(JSON.parse($(el, `${open} [data-field=data]`).textContent!)).to.deep.equal(approved.data);
    expect(JSON.parse($(el, `${open} [data-field=metadata]`).textContent!)).to.deep.equal(approved.metadata);
    expect(text(el, `${open} dd`)).to.equal(approved.eventId);
    await expect(el).to.be.accessible();
    details.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(open)).to.equal(null);

    // The tabs pattern: arrows move and select, Home and End jump.
    $(el, '#tab-log').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => el.tab === 'verify' && focused(el, $(el, '#tab-verify')), 'verify tab by arrow');
    expect($(el, '#tab-verify').getAttribute('tabindex')).to.equal('0');
    expect($(el, '#tab-log').getAttribute('tabindex')).to.equal('-1');
    $(el, '#tab-verify').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await waitUntil(() => el.tab === 'seals', 'last tab by End');
  });

  it('speaks English; gives admin the access log and staff tabs; says when nothing matches; passes axe', async () => {
    const { el, stub } = await render({ [EVENTS]: [page([])] }, { lang: 'en', mode: 'admin' });
    expect(tabs(el)).to.deep.equal(['Event log', 'Integrity check', 'Replay', 'Seals', 'Access log', 'Staff accounts']);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-panel=log] .empty'), 'empty log');
    expect(stub.to(EVENTS)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(text(el, '[data-panel=log] .empty')).to.equal('No events match.');
    expect(text(el, 'label[for=type]')).to.equal('Event type');
    expect($(el, '[data-action=next]').hasAttribute('disabled')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('filters by stream, type and actor, refusing a malformed type before asking; clears the filters', async () => {
    const { el, stub } = await render({ [EVENTS]: () => page([approved]) });
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log table');
    fill(el, { streamId: 'credit-r-1', type: 'CreditRecordApproved; drop', actorId: '' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#type-error'), 'type refused');
    expect(text(el, '#type-error')).to.equal('事件类型只能是英文字母，多个用英文逗号分隔');
    expect(stub.to(EVENTS)).to.have.length(1);

    fill(el, { streamId: 'credit-r-1', type: 'CreditRecordApproved, BindingConfirmed', actorId: 'u-1' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => stub.to(EVENTS).length === 2, 'filtered read');
    expect(Object.fromEntries(stub.to(EVENTS)[1]!.query)).to.deep.equal({ limit: '2', streamId: 'credit-r-1', type: 'CreditRecordApproved,BindingConfirmed', actorId: 'u-1' });

    $(el, '[data-action=clear-filters]').click();
    await waitUntil(() => stub.to(EVENTS).length === 3, 'read without filters');
    expect(Object.fromEntries(stub.to(EVENTS)[2]!.query)).to.deep.equal({ limit: '2' });
    await waitUntil(() => $<HTMLInputElement>(el, '#streamId').value === '', 'the fields emptied');
  });

  it('pages on with nextCursor (下一页) and back (上一页)', async () => {
    const { el, stub } = await render({ [EVENTS]: [page([event(1), event(2)], pos(2)), page([event(3)], null), page([event(1), event(2)], pos(2))] });
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'first page');
    expect(text(el, '[data-testid=page]')).to.equal('第 1 页');
    expect($(el, '[data-action=previous]').hasAttribute('disabled')).to.equal(true);
    $(el, '[data-action=next]').click();
    await waitUntil(() => text(el, '[data-testid=page]') === '第 2 页' && el.shadowRoot!.querySelectorAll('table.events tbody tr').length === 1, 'second page');
    expect(stub.to(EVENTS)[1]!.query.get('after')).to.equal(pos(2));
    expect($(el, '[data-action=next]').hasAttribute('disabled')).to.equal(true);
    $(el, '[data-action=previous]').click();
    await waitUntil(() => stub.to(EVENTS).length === 3 && text(el, '[data-testid=page]') === '第 1 页', 'back to the first page');
    expect(stub.to(EVENTS)[2]!.query.has('after')).to.equal(false);
  });

  it('opens a stream with 链完整, or 链已被篡改 at its revision with the problem in words; 返回 comes back', async () => {
    const { el, stub } = await render({
      [EVENTS]: [page([event(1), approved])],
      [STREAM]: [
        json(200, { streamId: 'credit-r-1', events: [event(1), approved], chain: { valid: true } }),
        json(200, { streamId: 'credit-r-1', events: [event(1), approved], chain: { valid: false, brokenAt: 1, problem: 'content does not match its hash' } }),
      ],
    });
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log table');
    $(el, `tr[data-event-id="${approved.eventId}"] [data-action=open-stream]`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('section.stream [part=chain]'), 'stream shown');
    expect(stub.to(STREAM)[0]!.headers.get('Authorization')).to.equal('Bearer auditor-jwt');
    expect(text(el, '#stream-title')).to.equal('事件流 credit-r-1');
    expect(text(el, 'section.stream [part=chain]')).to.equal('✓ 链完整：2 条事件的哈希链校验通过');
    expect(text(el, 'section.stream caption')).to.equal('事件流 credit-r-1 的全部 2 条事件');
    await waitUntil(() => focused(el, $(el, '#stream-title')), 'focus on the stream');
    await expect(el).to.be.accessible();

    $(el, '[data-action=close-stream]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.events caption')?.textContent?.includes('事件日志'), 'log again');
    $(el, `tr[data-event-id="${approved.eventId}"] [data-action=open-stream]`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('section.stream [data-chain=broken]'), 'broken chain');
    const chain = $(el, 'section.stream [part=chain]');
    expect([chain.getAttribute('role'), chain.dataset['brokenAt']]).to.deep.equal(['alert', '1']);
    expect(text(el, 'section.stream [part=chain]')).to.equal('✕ 链已被篡改：自修订号 1 起校验失败（内容与其哈希不符）');
    await expect(el).to.be.accessible();
  });

  it('按此位置重放 takes the event’s position to the replay form', async () => {
    const { el } = await render({ [EVENTS]: [page([approved])] });
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log table');
    $(el, `tr[data-event-id="${approved.eventId}"] [data-action=details]`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action=replay-here]'), 'details');
    $(el, '[data-action=replay-here]').click();
    await waitUntil(() => el.tab === 'replay' && el.shadowRoot!.querySelector('#position'), 'replay form');
    await waitUntil(() => $<HTMLInputElement>(el, '#position').value === pos(2), 'position filled');
    expect(focused(el, $(el, '#position'))).to.equal(true);
  });

  it('shows a failed read as an alert with 重试, which reads again', async () => {
    const { el, stub } = await render({ [EVENTS]: [json(500, { statusCode: 500, error: 'Internal Server Error', message: '服务器内部错误' }), page([event(1)])] });
    await waitUntil(() => el.shadowRoot!.querySelector('[data-panel=log] .load-error'), 'error shown');
    expect(text(el, '.load-error p')).to.equal('服务器内部错误');
    expect($(el, '.load-error').getAttribute('role')).to.equal('alert');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log after the retry');
    expect(stub.to(EVENTS)).to.have.length(2);
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    const { el, stub } = await render({ [EVENTS]: () => page([event(1)]) }, { token: undefined });
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await pause(50);
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    expect(el.shadowRoot!.querySelector('[role=tablist]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('table.events'), 'log after the token');
    expect(stub.to(EVENTS)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    await choose(el, 'verify');
    el.token = undefined;
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'signed out');
  });
});
