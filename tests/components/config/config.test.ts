// <jxjy-config>: provides api-base, lang and the token to nested jxjy elements; own attributes win; no token attribute.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/config/config.js';
import type { JxjyConfig } from '../../../components/config/config.component.js';
import '../probe.js';
import { describe, it } from '../mocha.js';

async function nested(template: ReturnType<typeof html>) {
  const config = await fixture<JxjyConfig>(template);
  const probe = config.querySelector('jxjy-test-probe')!;
  await probe.updateComplete;
  return { config, probe };
}

describe('jxjy-config', () => {
  it('provides apiBase, lang and token to a nested element', async () => {
    const { config, probe } = await nested(html`
      <jxjy-config api-base="https://api.example.test/" lang="en"><jxjy-test-probe></jxjy-test-probe></jxjy-config>
    `);
    config.token = 'config-token';
    expect(probe.seen.apiBase).to.equal('https://api.example.test');
    expect(probe.seen.lang).to.equal('en');
    expect(await probe.getToken()).to.equal('config-token');
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal('Loading…');
  });

  it('defaults to same origin and zh-CN', async () => {
    const { probe } = await nested(html`<jxjy-config><jxjy-test-probe></jxjy-test-probe></jxjy-config>`);
    expect(probe.seen.config, 'context received').to.not.equal(undefined);
    expect(probe.seen.apiBase).to.equal('');
    expect(probe.seen.lang).to.equal('zh-CN');
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal('加载中…');
  });

  it('lets attributes and token on the element override the config', async () => {
    const { config, probe } = await nested(html`
      <jxjy-config api-base="https://config.test" lang="en">
        <jxjy-test-probe api-base="https://own.test" lang="zh-CN"></jxjy-test-probe>
      </jxjy-config>
    `);
    config.token = 'config-token';
    probe.token = 'own-token';
    expect(probe.seen.apiBase).to.equal('https://own.test');
    expect(probe.seen.lang).to.equal('zh-CN');
    expect(await probe.getToken()).to.equal('own-token');
  });

  it('re-renders nested elements when the config changes', async () => {
    const { config, probe } = await nested(html`<jxjy-config lang="en"><jxjy-test-probe></jxjy-test-probe></jxjy-config>`);
    config.lang = 'zh-CN';
    config.apiBase = 'https://later.test';
    await config.updateComplete;
    await probe.updateComplete;
    expect(probe.seen.apiBase).to.equal('https://later.test');
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal('加载中…');
  });

  it('reads the token per request, so a refreshed token is seen without re-providing', async () => {
    const { config, probe } = await nested(html`<jxjy-config><jxjy-test-probe></jxjy-test-probe></jxjy-config>`);
    let current = 'first';
    config.tokenProvider = () => Promise.resolve(current);
    expect(await probe.getToken()).to.equal('first');
    current = 'second';
    expect(await probe.getToken()).to.equal('second');
  });

  it('never reflects the token to an attribute', async () => {
    const { config, probe } = await nested(html`<jxjy-config><jxjy-test-probe></jxjy-test-probe></jxjy-config>`);
    config.token = 'secret-config-jwt';
    probe.token = 'secret-own-jwt';
    await config.updateComplete;
    await probe.updateComplete;
    expect(config.hasAttribute('token')).to.equal(false);
    expect(probe.hasAttribute('token')).to.equal(false);
    expect(config.outerHTML).to.not.contain('secret');
  });

  it('lets a nested config override only what it sets', async () => {
    const config = await fixture<JxjyConfig>(html`
      <jxjy-config api-base="https://outer.test" lang="en">
        <jxjy-config lang="zh-CN"><jxjy-test-probe></jxjy-test-probe></jxjy-config>
      </jxjy-config>
    `);
    config.token = 'outer-token';
    const probe = config.querySelector('jxjy-test-probe')!;
    await probe.updateComplete;
    expect(probe.seen.apiBase).to.equal('https://outer.test');
    expect(probe.seen.lang).to.equal('zh-CN');
    expect(await probe.getToken()).to.equal('outer-token');
  });

  it('adds no box of its own and is accessible with slotted content', async () => {
    const config = await fixture<JxjyConfig>(html`
      <jxjy-config lang="en">
        <h2>继续教育</h2>
        <jxjy-test-probe></jxjy-test-probe>
      </jxjy-config>
    `);
    expect(getComputedStyle(config).display).to.equal('contents');
    await expect(config).to.be.accessible();
  });
});
