// Follows one import of <jxjy-legacy-import>: GET /legacy/imports/{id} at once, then again every `interval` while it
// runs — one request at a time (the next is timed from the last answer, so a slow server is never asked twice at
// once) — and stops when it has finished, when the element leaves the page (resuming when it comes back) or when the
// server refuses. A network failure or a 5xx is passing: the last report stays, with a note, and it keeps asking.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { LegacyImport } from '../api/types.js';

export interface PollerOptions {
  api(): ApiClient;
  /** Milliseconds between one answer and the next request. */
  interval(): number;
  /** An import this element saw running has finished (completed or failed). */
  finished(report: LegacyImport): void;
}

export class ImportPoller implements ReactiveController {
  /** The import followed. */
  importId: string | undefined;
  /** Its last report. */
  report: LegacyImport | undefined;
  /** Why the last read failed, and whether it is being tried again. */
  error: { message: string; retrying: boolean } | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #opts: PollerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  /** Seen running while followed: only then is its end news worth an event. */
  #sawRunning = false;
  #connected = false;

  constructor(host: ReactiveControllerHost, opts: PollerOptions) {
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.resume();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** Follows `importId` from now on; `started` when this element has just started it (so its end is news). */
  follow(importId: string | undefined, { started = false }: { started?: boolean } = {}): void {
    this.#stop();
    if (importId !== this.importId) {
      this.report = undefined;
      this.#sawRunning = false;
    }
    this.importId = importId;
    this.#sawRunning ||= started;
    this.error = undefined;
    this.#host.requestUpdate();
    if (importId && this.#connected) void this.#read();
  }

  /** Reads the import again now, finished or not: a new token must show it may still see it. */
  refresh(): void {
    this.follow(this.importId);
  }

  /** Reads again unless the import has finished or a read is already on its way (a retry, a return to the page). */
  resume(): void {
    if (!this.importId || !this.#connected || this.#abort || this.report?.status === 'completed' || this.report?.status === 'failed') return;
    this.error = undefined;
    this.#clearTimer();
    void this.#read();
  }

  /** Forgets the import: another server, or nothing to show. */
  clear(): void {
    this.follow(undefined);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #stop(): void {
    this.#clearTimer();
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #again(): void {
    this.#clearTimer();
    if (this.#connected) this.#timer = setTimeout(() => void this.#read(), this.#opts.interval());
  }

  async #read(): Promise<void> {
    const importId = this.importId;
    if (!importId) return;
    this.#timer = undefined;
    const abort = (this.#abort = new AbortController());
    try {
      const report = await this.#opts.api().get<LegacyImport>(`/api/v1/legacy/imports/${encodeURIComponent(importId)}`, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.report = report;
      this.error = undefined;
      if (report.status === 'running') {
        this.#sawRunning = true;
        this.#again();
      } else if (this.#sawRunning) {
        this.#sawRunning = false;
        this.#opts.finished(report);
      }
    } catch (err) {
      if (abort.signal.aborted) return;
      if (!(err instanceof ApiError)) reportError(err);
      const passing = err instanceof ApiError && (err.status === 0 || err.status >= 500);
      // A refusal (another caller's token, an id the server does not know) means this report is not theirs to see.
      if (!passing) this.report = undefined;
      this.error = { message: err instanceof Error ? err.message : String(err), retrying: passing };
      if (passing) this.#again();
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#host.requestUpdate();
    }
  }
}
