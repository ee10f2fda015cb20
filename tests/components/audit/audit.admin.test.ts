// <jxjy-audit>'s 印章, 访问记录 and 审计账号: the seals (newest first, 加载更多), 立即封存 (201 a new seal, 200 the latest
// when nothing changed, 409 on an empty log as an alert), the public key with 复制, the export saved under the
// server's name; admin's access log (request, table, filter by account, 加载更多) and creating an auditor (the request,
// the one-time password shown once with 复制 and never in the event, a taken username on its field); zh and en, axe.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, text } from '../fetch-stub.js';
import * as f from './fixtures.js';
import { EVENTS, choose, hash, page, pos, render, savedLink } from './fixtures.js';

afterEach(() => f.stub?.restore());

const SEALS = 'GET /api/v1/audit/seals';
const SEAL_NOW = 'POST /api/v1/audit/seals';
const KEY = 'GET /api/v1/audit/public-key';
const EXPORT = 'GET /api/v1/audit/export';
const ACCESS = 'GET /api/v1/audit/access-log';
const STAFF = 'POST /api/v1/staff';
const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n';
const seal = (n: number) => ({
  sealId: `5ea10000-0000-4000-8000-00000000000${n}`,
  position: pos(n * 100),
  count: n * 100,
  root: hash(n * 7),
  signature: 'c2lnbmF0dXJl',
  keyId: hash(99),
  sealedAt: `2026-05-0${n}T16:00:00.000Z`,
});
const rows = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

describe('jxjy-audit seals', () => {
  it('lists the seals and the public key, seals now (new, then unchanged), and loads more; passes axe', async () => {
    const { el, stub } = await render({
      [EVENTS]: () => page([]),
      [SEALS]: [json(200, { items: [seal(2)], nextCursor: 'c2' }), json(200, { items: [seal(1)] })],
      [KEY]: [json(200, { publicKeyPem: PEM, keyId: hash(99) })],
      [SEAL_NOW]: [json(201, seal(3)), json(200, seal(3))],
    });
    await choose(el, 'seals');
    await waitUntil(() => el.shadowRoot!.querySelector('table.seals') && el.shadowRoot!.querySelector('[data-testid=public-key]'), 'seals and key');
    expect(Object.fromEntries(stub.to(SEALS)[0]!.query)).to.deep.equal({ limit: '20' });
    expect(stub.to(SEALS)[0]!.headers.get('Authorization')).to.equal('Bearer auditor-jwt');
    expect(rows(el, 'table.seals thead tr')).to.deep.equal([['封存时间（北京时间）', '截至位置', '事件数', 'Merkle 根', '密钥指纹', '签名']]);
    expect(rows(el, 'table.seals tbody tr')[0]!.slice(0, 5)).to.deep.equal(['2026-05-03 00:00:00', pos(200), '200', hash(14), hash(99)]);
    expect($(el, '[data-testid=public-key]').textContent).to.equal(PEM);
    await expect(el).to.be.accessible();

    const sealed = oneEvent(el, 'jxjy-log-sealed');
    $(el, '[data-action=seal]').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('table.seals tbody tr').length === 2, 'new seal listed');
    expect((await sealed).detail).to.deep.equal({ sealId: seal(3).sealId, position: pos(300), count: 300, created: true });
    expect(text(el, '#audit-status')).to.equal(`已封存：截至位置 ${pos(300)} 的 300 条事件。`);
    expect($(el, 'table.seals tbody tr').dataset['sealId']).to.equal(seal(3).sealId);
    $(el, '[data-action=seal]').click();
    await waitUntil(() => text(el, '#audit-status') === '自上次封存以来没有新事件，最新印章仍覆盖全部 300 条事件。', 'unchanged');
    expect(el.shadowRoot!.querySelectorAll('table.seals tbody tr')).to.have.length(2);

    $(el, '[data-action=more]').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('table.seals tbody tr').length === 3, 'older seal');
    expect(stub.to(SEALS)[1]!.query.get('cursor')).to.equal('c2');
    expect(el.shadowRoot!.querySelector('[data-action=more]')).to.equal(null);
  });

  it('saves the export under the server’s name, with the token; shows a refused seal as an alert (en)', async () => {
    const { el, stub } = await render(
      {
        [EVENTS]: () => page([]),
        [SEALS]: [json(200, { items: [] })],
        [KEY]: [json(200, { publicKeyPem: PEM })],
        [EXPORT]: [new Response('{"format":"jxjy-audit-export/v1"}\n', { headers: { 'Content-Type': 'application/x-ndjson', 'Content-Disposition': 'attachment; filename="jxjy-audit-2026-05-01.ndjson"' } })],
        [SEAL_NOW]: [json(409, { statusCode: 409, error: 'Conflict', message: 'the event log is empty: there is nothing to seal' })],
      },
      { lang: 'en' },
    );
    await choose(el, 'seals');
    await waitUntil(() => el.shadowRoot!.querySelector('.seals-section .empty'), 'no seals');
    expect(text(el, '.seals-section .empty')).to.equal('No seals yet.');
    const saved = savedLink(el);
    $(el, '[data-action=export]').click();
    expect((await saved).download).to.equal('jxjy-audit-2026-05-01.ndjson');
    expect(stub.to(EXPORT)[0]!.headers.get('Authorization')).to.equal('Bearer auditor-jwt');
    await waitUntil(() => text(el, '#audit-status') === 'Downloaded jxjy-audit-2026-05-01.ndjson.', 'announced');

    $(el, '[data-action=seal]').click();
    await waitUntil(() => !$(el, '#seals-failure').hidden, 'refused');
    expect(text(el, '#seals-failure')).to.equal('the event log is empty: there is nothing to seal');
    await waitUntil(() => focused(el, $(el, '#seals-failure')), 'focus on the alert');
    await expect(el).to.be.accessible();
  });
});

describe('jxjy-audit admin', () => {
  const entry = (n: number, over: Record<string, string> = {}) => ({
    at: `2026-05-0${n}T01:00:00.000Z`, accountId: 'a-aud', role: 'auditor', method: 'GET', route: '/api/v1/audit/events', path: '/api/v1/audit/events', query: 'streamId=credit-r-1&type=A%2CB', ...over,
  });

  it('shows the access log to admin, filters it by account and loads more; passes axe', async () => {
    const { el, stub } = await render(
      { [EVENTS]: () => page([]), [ACCESS]: [json(200, { items: [entry(2)], nextCursor: 'n1' }), json(200, { items: [entry(1, { query: '' })], nextCursor: null }), json(200, { items: [], nextCursor: null })] },
      { mode: 'admin' },
    );
    await choose(el, 'access');
    await waitUntil(() => el.shadowRoot!.querySelector('table.access'), 'access log');
    expect(Object.fromEntries(stub.to(ACCESS)[0]!.query)).to.deep.equal({ limit: '50' });
    expect(stub.to(ACCESS)[0]!.headers.get('Authorization')).to.equal('Bearer auditor-jwt');
    expect(rows(el, 'table.access tbody tr')).to.deep.equal([['2026-05-02 09:00:00', 'a-aud', '审计人员', 'GET /api/v1/audit/events', 'streamId=credit-r-1&type=A,B']]);
    await expect(el).to.be.accessible();
    $(el, '[data-action=more]').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('table.access tbody tr').length === 2, 'more');
    expect(stub.to(ACCESS)[1]!.query.get('cursor')).to.equal('n1');
    expect(rows(el, 'table.access tbody tr')[1]!.at(-1)).to.equal('—');

    fill(el, { accountId: 'a-other' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-panel=access] .empty'), 'filtered, nothing');
    expect(Object.fromEntries(stub.to(ACCESS)[2]!.query)).to.deep.equal({ limit: '50', accountId: 'a-other' });
  });

  it('creates an auditor and shows the one-time password once, never in the event; a taken username lands on its field', async () => {
    const taken = '用户名已被占用';
    const { el, stub } = await render(
      {
        [EVENTS]: () => page([]),
        [STAFF]: [
          json(409, { statusCode: 409, error: 'Conflict', message: taken, details: [{ field: 'username', message: taken }] }),
          json(201, { accountId: 'a-new', username: 'audit_li', role: 'auditor', oneTimePassword: 'abcdef234567', position: pos(5) }),
        ],
      },
      { mode: 'admin', tab: 'staff' },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.staff-form form'), 'staff form');
    expect([...el.shadowRoot!.querySelectorAll('#role option')].map((o) => o.textContent)).to.deep.equal(['审计人员', '人社部门管理员']);
    await expect(el).to.be.accessible();

    fill(el, { username: 'x', name: '李' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#username-error') && el.shadowRoot!.querySelector('#name-error'), 'client checks');
    expect(stub.to(STAFF)).to.have.length(0);

    fill(el, { username: 'audit_li', name: '李审计' });
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => text(el, '#username-error') === taken, 'taken');
    expect(stub.to(STAFF)[0]!.body).to.deep.equal({ username: 'audit_li', name: '李审计', role: 'auditor' });
    expect(stub.to(STAFF)[0]!.headers.get('Authorization')).to.equal('Bearer auditor-jwt');

    const created = oneEvent(el, 'jxjy-staff-created');
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=staff-created]'), 'created');
    expect((await created).detail).to.deep.equal({ accountId: 'a-new', username: 'audit_li', role: 'auditor' });
    expect(text(el, '#created-title')).to.equal('已创建账号 audit_li（审计人员）');
    expect(text(el, '[data-testid=one-time-password]')).to.equal('abcdef234567');
    expect(text(el, '[data-testid=staff-created] .warning')).to.contain('只显示这一次');
    await waitUntil(() => focused(el, $(el, '#created-title')), 'focus on the new account');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('');
    await expect(el).to.be.accessible();

    $(el, '[data-action=copy-password]').click();
    await waitUntil(() => ['已复制到剪贴板。', '无法自动复制，请手动选中后复制。'].includes(text(el, '#audit-status')), 'copy answered');

    $(el, '[data-action=dismiss]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=staff-created]')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.not.contain('abcdef234567');
  });

  it('gives an auditor no access log or staff tab, even when asked for one', async () => {
    const { el, stub } = await render({ [EVENTS]: () => page([]) }, { tab: 'access' });
    expect(el.shadowRoot!.querySelector('#tab-access')).to.equal(null);
    expect($(el, '[role=tabpanel]').dataset['panel']).to.equal('log');
    await waitUntil(() => stub.to(EVENTS).length === 1, 'log read');
    expect(stub.to(ACCESS)).to.have.length(0);
  });
});
