// Base class of every jxjy-* element: configuration (own attributes first, then a surrounding <jxjy-config>),
// the token, localized messages (the element's own catalog over the core words), an API client bound to all
// three, `connection` for task args (so any configuration change re-fetches), typed events, guarded registration.
import { html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ApiClient, normalizeApiBase } from '../api/api-client.js';
import { jxjyConfigContext, type JxjyConfigValue } from '../context.js';
import type { JxjyEventDetailMap } from '../events.js';
import { coreMessages, fill, resolveLang, type Catalog, type CoreKey, type Lang, type Params } from '../i18n/messages.js';

/** The configuration an element passes to one it embeds (see `embedding`). */
export interface Embedding {
  apiBase: string | undefined;
  lang: Lang;
  token: string | undefined;
  tokenProvider: (() => string | Promise<string>) | undefined;
}

/** `K` names the element's own message keys (its `<name>.messages.ts`); `msg()` also knows the core words. */
export class JxjyElement<K extends string = never> extends LitElement {
  // So `el.focus()` from the portal lands on the screen's first field instead of the non-focusable host.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * Registers the element unless the tag is taken. Two portal widgets may each load a copy of the bundle;
   * an unguarded second `define` would throw and break the page.
   */
  static define(this: CustomElementConstructor, tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /**
   * API origin, e.g. `https://api.example.gov.cn`, with or without its `/api/v1` prefix; falls back to
   * `<jxjy-config>`, then same origin.
   */
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

  /** The element's own texts; set by subclasses to their `<name>.messages.ts` catalog. */
  protected readonly messages?: Catalog<K>;

  protected get effectiveApiBase(): string {
    return normalizeApiBase(this.apiBase ?? this.config?.apiBase);
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

  /**
   * Everything a request depends on. A task puts it in its args, so changing `api-base`, `lang`, `token` or
   * `tokenProvider` (own, or a surrounding config's: it provides a new value on every change) re-runs the task;
   * an element whose token arrives after its first render then loads what it could not before.
   */
  protected get connection(): readonly unknown[] {
    return [this.effectiveApiBase, this.effectiveLang, this.token, this.tokenProvider, this.config];
  }

  /**
   * What an element embedded in this one's shadow root (a <jxjy-timeline> under a record) is given so that it asks as
   * this one asks: the same own api-base, language, token and token provider. A surrounding `<jxjy-config>` reaches
   * it directly (its context crosses shadow roots), so an element configured only by one needs nothing passed.
   */
  protected get embedding(): Embedding {
    return { apiBase: this.apiBase, lang: this.effectiveLang, token: this.token, tokenProvider: this.tokenProvider };
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

  protected msg(key: K | CoreKey, params?: Params): string {
    const lang = this.effectiveLang;
    const own: Readonly<Record<string, string>> | undefined = this.messages?.[lang];
    return fill(own?.[key] ?? coreMessages[lang][key as CoreKey], params);
  }

  /** What an element shows instead of protected data while it has no token (styled by `controls`). */
  protected renderSignInNeeded(): TemplateResult {
    return html`<p class="sign-in-needed" part="sign-in" role="status">${this.msg('signInRequired')}</p>`;
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
