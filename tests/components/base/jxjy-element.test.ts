// JxjyElement: guarded define, typed composed events, focus delegation, lang handling and token precedence.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { JxjyElement } from '../../../components/base/jxjy-element.js';
import { TestProbe } from '../probe.js';
import { describe, it } from '../mocha.js';

describe('JxjyElement', () => {
  it('define() is guarded: a second registration of the tag neither throws nor replaces the first', () => {
    class First extends JxjyElement {}
    class Second extends JxjyElement {}
    First.define('jxjy-test-twice');
    expect(() => Second.define('jxjy-test-twice')).to.not.throw();
    expect(customElements.get('jxjy-test-twice')).to.equal(First);
    expect(() => TestProbe.define('jxjy-test-probe')).to.not.throw();
  });

  it('emit() dispatches a bubbling, composed, optionally cancelable CustomEvent', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    // Inside another shadow root: only a composed event reaches the document.
    const root = outer.attachShadow({ mode: 'open' });
    const probe = document.createElement('jxjy-test-probe');
    root.append(probe);
    setTimeout(() => probe.fire());
    const event = await oneEvent(document, 'jxjy-token-expired');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(true);
    expect(event.detail.waitFor).to.deep.equal([]);
  });

  it('delegates focus to the first focusable control in its shadow root', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe></jxjy-test-probe>`);
    probe.focus();
    const button = probe.shadowRoot!.querySelector('button');
    // Compare as a boolean: on failure chai would otherwise walk and print the whole DOM node.
    expect(probe.shadowRoot!.activeElement === button, 'focus landed on the inner button').to.equal(true);
  });

  it('defaults to zh-CN and same origin without config, and treats any en-* as English', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe></jxjy-test-probe>`);
    expect(probe.seen).to.include({ apiBase: '', lang: 'zh-CN' });
    expect(probe.hasAttribute('lang'), 'unset lang must not become lang=""').to.equal(false);
    probe.lang = 'en-GB';
    await probe.updateComplete;
    expect(probe.seen.lang).to.equal('en');
    expect(probe.getAttribute('lang'), 'reflects like the native property').to.equal('en-GB');
    expect(probe.shadowRoot!.querySelector('button')!.textContent).to.equal('Submit');
  });

  it('prefers tokenProvider over token, and token over nothing', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe></jxjy-test-probe>`);
    expect(await probe.getToken()).to.equal(undefined);
    probe.token = 'plain';
    expect(await probe.getToken()).to.equal('plain');
    probe.tokenProvider = () => Promise.resolve('from-provider');
    expect(await probe.getToken()).to.equal('from-provider');
  });

  it('its api client asks the host page for a new token through a composed event', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe api-base="https://api.test/"></jxjy-test-probe>`);
    probe.token = 'old';
    const seen: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen.push(`${String(input)} ${new Headers(init?.headers).get('Authorization')}`);
      return Promise.resolve(seen.length === 1 ? new Response(null, { status: 401 }) : Response.json({ ok: 1 }));
    };
    const onExpired = () => {
      probe.token = 'new';
    };
    document.addEventListener('jxjy-token-expired', onExpired);
    try {
      expect(await probe.client().get('/api/v1/me')).to.deep.equal({ ok: 1 });
    } finally {
      window.fetch = original;
      document.removeEventListener('jxjy-token-expired', onExpired);
    }
    expect(seen).to.deep.equal(['https://api.test/api/v1/me Bearer old', 'https://api.test/api/v1/me Bearer new']);
  });
});
