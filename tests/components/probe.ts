// Test-only jxjy element exposing the base class's protected configuration, so tests can observe it.
import { html } from 'lit';
import { JxjyElement } from '../../components/base/jxjy-element.js';
import type { JxjyConfigValue } from '../../components/context.js';
import { controls, tokens } from '../../components/theme/tokens.js';

export class TestProbe extends JxjyElement {
  static override styles = [tokens, controls];

  get seen(): { apiBase: string; lang: string; config: JxjyConfigValue | undefined } {
    return { apiBase: this.effectiveApiBase, lang: this.effectiveLang, config: this.config };
  }

  client() {
    return this.api;
  }

  fire() {
    return this.emit('jxjy-token-expired', { waitFor: [] }, { cancelable: true });
  }

  protected override render() {
    return html`<p>${this.msg('loading')}</p>
      <button class="primary" type="button">${this.msg('submit')}</button>`;
  }
}
TestProbe.define('jxjy-test-probe');

declare global {
  interface HTMLElementTagNameMap {
    'jxjy-test-probe': TestProbe;
  }
}
