// Base class of every jxjy-* element: configuration (own attributes first, then a surrounding <jxjy-config>),
// the token, localized messages, an API client bound to all three, typed events and guarded registration.
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ApiClient } from '../api/api-client.js';
import { jxjyConfigContext, type JxjyConfigValue } from '../context.js';
import type { JxjyEventDetailMap } from '../events.js';
import { format, resolveLang, type Lang, type MessageKey } from '../i18n/messages.js';

export class JxjyElement extends LitElement {
  // So `el.focus()` from the portal lands on the screen's first field instead of the non-focusable host.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * Registers the element unless the tag is taken. Two portal widgets may each load a copy of the bundle;
   * an unguarded second `define` would throw and break the page.
   */
  static define(this: CustomElementConstructor, tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** API origin, e.g. `https://api.example.gov.cn`; falls back to `<jxjy-config>`, then same origin. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * UI language ('zh-CN' default, anything 'en…' is English); falls back to `<jxjy-config>`.
   * This deliberately shadows `HTMLElement.lang` (as Shoelace does): the native property is not reactive, so
   * a change would not re-render. It still reflects, so the `lang` attribute keeps its meaning for
   * screen readers and `:lang()`; when unset the element inherits the language of its ancestors as usual.
   */
  @property({ reflect: true }) override lang!: string;

  /** Bearer token. A property only: attributes leak into DOM inspectors, outerHTML and session replays. */
  @property({ attribute: false }) token?: string;

  /** Called before every request; wins over `token`. Lets the host hand out its always-fresh token. */
  @property({ attribute: false }) tokenProvider?: () => string | Promise<string>;

  /** What a surrounding `<jxjy-config>` provides; `@state` so a changed config re-renders. */
  @consume({ context: jxjyConfigContext, subscribe: true })
  @state()
  protected config?: JxjyConfigValue;

  protected get effectiveApiBase(): string {
    return (this.apiBase ?? this.config?.apiBase ?? '').replace(/\/+$/, '');
  }

  protected get effectiveLang(): Lang {
    return resolveLang(this.lang || this.config?.lang);
  }

  /** The token to send now: own provider, own token, then the config's. Read per request, never cached. */
  async getToken(): Promise<string | undefined> {
    if (this.tokenProvider) return await this.tokenProvider();
    if (this.token) return this.token;
    return this.config?.getToken();
  }

  /** A client for the current configuration; cheap, so made per use rather than kept in sync. */
  protected get api(): ApiClient {
    return new ApiClient({
      apiBase: this.effectiveApiBase,
      lang: this.effectiveLang,
      getToken: () => this.getToken(),
      host: this,
    });
  }

  protected msg(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return format(this.effectiveLang, key, params);
  }

  /** Dispatches a typed event that leaves the shadow root; returns it so callers can read `defaultPrevented`. */
  protected emit<K extends keyof JxjyEventDetailMap>(
    name: K,
    detail: JxjyEventDetailMap[K],
    { cancelable = false }: { cancelable?: boolean } = {},
  ): CustomEvent<JxjyEventDetailMap[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail });
    this.dispatchEvent(event);
    return event;
  }
}
