// <jxjy-config>: optional provider that hands api-base, lang and the token to every jxjy-* element inside it.
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import { JxjyElement } from '../base/jxjy-element.js';
import { jxjyConfigContext, type JxjyConfigValue } from '../context.js';
import styles from './config.styles.js';

/**
 * @summary Supplies `api-base`, `lang` and the token to all jxjy-* elements nested inside it, so a portal
 * configures them once. Attributes on an individual element override it; a nested `<jxjy-config>` overrides
 * only what it sets itself and takes the rest from the outer one.
 *
 * @slot - The jxjy-* screens (and any other content) that share this configuration.
 *
 * @cssproperty --jxjy-color-primary - Primary colour of buttons and links in all nested screens (default #0958d9).
 * @cssproperty --jxjy-font-family - Font stack of all nested screens (default a CJK system stack).
 * @cssproperty --jxjy-font-size - Base font size of all nested screens (default 14px).
 *
 * @status experimental
 */
export class JxjyConfig extends JxjyElement {
  static override styles = styles;

  // The getter is stable, so swapping `token` never needs a new context value: consumers call it per request.
  readonly #getToken = (): Promise<string | undefined> => this.getToken();

  readonly #provider = new ContextProvider(this, {
    context: jxjyConfigContext,
    initialValue: this.#value(),
  });

  #value(): JxjyConfigValue {
    return { apiBase: this.effectiveApiBase, lang: this.effectiveLang, getToken: this.#getToken };
  }

  // willUpdate runs before nested elements render (they were queued after us), so they never fetch with stale config.
  // Every property of this element is configuration (api-base, lang, token, tokenProvider, an outer config), so
  // any update provides a new value: consumers list it in their task args, and a token that arrives later makes
  // them load what they could not load without it. The value still holds no token, only the stable getter.
  protected override willUpdate(): void {
    this.#provider.setValue(this.#value());
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
