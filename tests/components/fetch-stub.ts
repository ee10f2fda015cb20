// A per-test stand-in for window.fetch, routed by "METHOD /path", recording every call (parsed JSON body,
// headers, query). Unrouted requests reject, so a test notices a call it did not expect.
export interface Call {
  /** The whole URL, to check which origin and prefix a request went to. */
  url: URL;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Reply = Response | Error | Promise<Response>;
type Route = ((call: Call) => Reply) | Reply[];

export interface FetchStub {
  calls: Call[];
  to(route: string): Call[];
  restore(): void;
}

export function stubFetch(routes: Record<string, Route>): FetchStub {
  const calls: Call[] = [];
  const real = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const call: Call = {
      url,
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    };
    calls.push(call);
    const route = routes[`${method} ${url.pathname}`];
    const reply = Array.isArray(route) ? route.shift() : route?.(call);
    if (!reply) return Promise.reject(new Error(`unexpected request ${method} ${url.pathname}`));
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
  return {
    calls,
    to: (route) => calls.filter((c) => `${c.method} ${c.path}` === route),
    restore: () => {
      window.fetch = real;
    },
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** GET /captcha answering cap-1, cap-2, … so a test can tell which captcha a submit used. */
export function captchaRoute(): () => Response {
  let n = 0;
  return () => {
    n += 1;
    return json(200, {
      captchaId: `cap-${n}`,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="28">c${n}</text></svg>`,
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
  };
}

/** Sets native inputs inside a screen's shadow root by id. */
export function fill(el: Element, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
    if (!input) throw new Error(`no #${id} in ${el.localName}`);
    input.value = value;
  }
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in ${el.localName}`);
  return found;
};

export const text = (el: Element, selector: string) => $(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** True when focus, followed through shadow roots, is on `target`. */
export function focused(el: Element, target: Element): boolean {
  return el.shadowRoot!.activeElement === target;
}
