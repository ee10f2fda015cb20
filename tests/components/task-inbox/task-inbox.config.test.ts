// <jxjy-task-inbox> and its configuration: no request without a token (a visible, localized sign-in notice), the
// list loads when a token arrives after the first render (own property, tokenProvider or <jxjy-config>),
// api-base works with or without /api/v1, and changing lang or api-base re-fetches.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/config/config.js';
import '../../../components/task-inbox/task-inbox.js';
import type { JxjyConfig } from '../../../components/config/config.component.js';
import type { JxjyTaskInbox } from '../../../components/task-inbox/task-inbox.component.js';
import type { TaskItem } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const LIST = 'GET /api/v1/tasks';
const task = (n: number): TaskItem => ({
  taskId: `t-${n}`,
  kind: 'org-approval',
  status: 'open',
  subject: { type: 'org', id: `org-${n}`, title: `示例单位${n}` },
  requestedBy: { id: `acc-${n}`, name: `联系人${n}` },
  createdAt: '2026-03-01T02:30:00.000Z',
  dueAt: null,
  escalated: false,
});
const page = () => json(200, { items: [task(1)], nextCursor: null });
const listed = (el: JxjyTaskInbox) => !!el.shadowRoot!.querySelector('tr[data-task-id="t-1"]');

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

/** Lets pending tasks (a token check is a microtask or two) settle before asserting that nothing was asked. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('jxjy-task-inbox configuration', () => {
  it('asks for nothing without a token and says sign-in is needed (zh-CN), passing axe', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox></jxjy-task-inbox>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await settle();
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    expect($(el, '.sign-in-needed').getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('says sign-in is needed in English, and treats an empty tokenProvider answer as no token', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox lang="en" .tokenProvider=${() => ''}></jxjy-task-inbox>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    expect(text(el, '.sign-in-needed')).to.equal('Please sign in to use this.');
    expect(stub.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loads its list when the token arrives after the first render (the embedded-portal regression)', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const el = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox></jxjy-task-inbox>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice first');
    el.token = 'late-jwt';
    await waitUntil(() => listed(el), 'list after the token arrived');
    expect(stub.to(LIST)).to.have.length(1);
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
    expect(el.shadowRoot!.querySelector('.sign-in-needed')).to.equal(null);
  });

  it('loads when a surrounding <jxjy-config> gets its token later, and when a tokenProvider is set later', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const config = await fixture<JxjyConfig>(html`<jxjy-config><jxjy-task-inbox></jxjy-task-inbox></jxjy-config>`);
    const el = config.querySelector('jxjy-task-inbox')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice first');
    config.token = 'config-jwt';
    await waitUntil(() => listed(el), 'list after the config token arrived');
    expect(stub.to(LIST)[0]!.headers.get('Authorization')).to.equal('Bearer config-jwt');

    const own = await fixture<JxjyTaskInbox>(html`<jxjy-task-inbox></jxjy-task-inbox>`);
    await waitUntil(() => own.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    own.tokenProvider = () => Promise.resolve('provided-jwt');
    await waitUntil(() => listed(own), 'list after the provider arrived');
    expect(stub.to(LIST)[1]!.headers.get('Authorization')).to.equal('Bearer provided-jwt');
  });

  it('accepts api-base with or without /api/v1, and re-fetches from the new origin when it changes', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const el = await fixture<JxjyTaskInbox>(
      html`<jxjy-task-inbox api-base="https://api.one.test/api/v1/" .token=${'jwt'}></jxjy-task-inbox>`,
    );
    await waitUntil(() => listed(el), 'first list');
    expect(stub.calls[0]!.url.origin + stub.calls[0]!.url.pathname).to.equal('https://api.one.test/api/v1/tasks');
    el.apiBase = 'https://api.two.test';
    await waitUntil(() => stub!.calls.length === 2 && listed(el), 'list from the second origin');
    expect(stub.calls[1]!.url.origin + stub.calls[1]!.url.pathname).to.equal('https://api.two.test/api/v1/tasks');
  });

  it('re-fetches in the new language when lang changes (own attribute or the config’s)', async () => {
    stub = stubFetch({ [LIST]: () => page() });
    const config = await fixture<JxjyConfig>(html`<jxjy-config><jxjy-task-inbox .token=${'jwt'}></jxjy-task-inbox></jxjy-config>`);
    const el = config.querySelector('jxjy-task-inbox')!;
    await waitUntil(() => listed(el), 'first list');
    expect(stub.calls[0]!.headers.get('Accept-Language')).to.equal('zh-CN');
    config.lang = 'en';
    await waitUntil(() => stub!.calls.length === 2, 'second request');
    expect(stub.calls[1]!.headers.get('Accept-Language')).to.equal('en');
    await waitUntil(() => text(el, 'caption') === 'Open tasks (1 shown)', 'English table');
    el.lang = 'zh-CN';
    await waitUntil(() => stub!.calls.length === 3, 'third request');
    expect(stub.calls[2]!.headers.get('Accept-Language')).to.equal('zh-CN');
  });
});
