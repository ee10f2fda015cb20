// Theme tokens: AA-passing defaults, portal overrides through inherited --jxjy-* properties, [hidden] hides, and a busy
// button that keeps its contrast (only a disabled one is dimmed).
import { expect, fixture, html } from '@open-wc/testing';
import type { TestProbe } from '../probe.js';
import '../probe.js';
import { describe, it } from '../mocha.js';

const primaryButton = (probe: TestProbe) => getComputedStyle(probe.shadowRoot!.querySelector('button.primary')!);

describe('theme tokens', () => {
  it('defaults to the AA-passing primary and the Element Plus metrics', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe></jxjy-test-probe>`);
    expect(primaryButton(probe).backgroundColor).to.equal('rgb(9, 88, 217)');
    expect(getComputedStyle(probe).fontSize).to.equal('14px');
    expect(primaryButton(probe).borderRadius).to.equal('4px');
    await expect(probe).to.be.accessible();
  });

  it('takes --jxjy-* values set on an ancestor or on the element itself', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--jxjy-color-primary: rgb(1, 2, 3)">
        <jxjy-test-probe></jxjy-test-probe>
        <jxjy-test-probe style="--jxjy-color-primary: rgb(4, 5, 6); --jxjy-font-size: 18px"></jxjy-test-probe>
      </div>
    `);
    const [inherited, own] = [...wrapper.querySelectorAll('jxjy-test-probe')];
    await own!.updateComplete;
    expect(primaryButton(inherited!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(primaryButton(own!).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(own!).fontSize).to.equal('18px');
  });

  it('keeps a busy button at full contrast with a progress cursor and a spinner, and passes axe; dims only a disabled one', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe></jxjy-test-probe>`);
    const button = probe.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!;
    button.setAttribute('aria-busy', 'true');
    const busy = getComputedStyle(button);
    expect([busy.opacity, busy.cursor]).to.deep.equal(['1', 'progress']);
    const spinner = getComputedStyle(button, '::before');
    expect([spinner.content, spinner.display, spinner.borderTopStyle]).to.deep.equal(['""', 'inline-block', 'solid']);
    // The spinner is drawn, not said: the button's name is still its words.
    expect(button.textContent!.trim()).to.equal('提交');
    await expect(probe).to.be.accessible();

    button.setAttribute('aria-busy', 'false');
    expect(getComputedStyle(button, '::before').content).to.equal('none');
    button.disabled = true;
    expect(getComputedStyle(button).opacity).to.equal('0.6');
  });

  it('hides the element when the hidden attribute is set, despite display:block', async () => {
    const probe = await fixture<TestProbe>(html`<jxjy-test-probe hidden></jxjy-test-probe>`);
    expect(getComputedStyle(probe).display).to.equal('none');
  });
});
