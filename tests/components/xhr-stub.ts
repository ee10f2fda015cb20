// A per-test stand-in for XMLHttpRequest (the api client's uploads go through it for their progress): each send is
// recorded with its headers and body, and the test drives it — upload progress, then an answer, a network failure
// or nothing (to see an abort).
export interface XhrCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** Fires an upload progress event: `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void;
  respond(status: number, body: unknown, headers?: Record<string, string>): void;
  /** The network failed (XHR `error`). */
  fail(): void;
  readonly aborted: boolean;
}

export interface XhrStub {
  calls: XhrCall[];
  /** The next send (already made, or the next one made). */
  next(): Promise<XhrCall>;
  restore(): void;
}

export function stubXhr(): XhrStub {
  const real = window.XMLHttpRequest;
  const calls: XhrCall[] = [];
  const waiting: ((call: XhrCall) => void)[] = [];
  let handed = 0;

  class FakeXhr extends EventTarget {
    readonly upload = new EventTarget();
    status = 0;
    statusText = '';
    responseText = '';
    #method = 'GET';
    #url = '';
    #headers = new Headers();
    #responseHeaders = '';
    #aborted = false;

    open(method: string, url: string) {
      this.#method = method;
      this.#url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.#headers.set(name, value);
    }
    getAllResponseHeaders() {
      return this.#responseHeaders;
    }
    abort() {
      this.#aborted = true;
      this.dispatchEvent(new ProgressEvent('abort'));
    }
    send(body: unknown) {
      const call: XhrCall = {
        method: this.#method,
        url: new URL(this.#url, location.href),
        headers: this.#headers,
        body,
        progress: (loaded, total) => this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total })),
        respond: (status, payload, headers = { 'Content-Type': 'application/json' }) => {
          this.status = status;
          this.statusText = String(status);
          this.responseText = JSON.stringify(payload);
          this.#responseHeaders = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
          this.dispatchEvent(new ProgressEvent('load'));
        },
        fail: () => this.dispatchEvent(new ProgressEvent('error')),
        aborted: false,
      };
      // Read live: the test looks after aborting.
      Object.defineProperty(call, 'aborted', { get: () => this.#aborted });
      calls.push(call);
      const resolve = waiting.shift();
      if (resolve) {
        handed += 1;
        resolve(call);
      }
    }
  }

  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return {
    calls,
    next: () => {
      if (handed < calls.length) return Promise.resolve(calls[handed++]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    restore: () => {
      window.XMLHttpRequest = real;
    },
  };
}
