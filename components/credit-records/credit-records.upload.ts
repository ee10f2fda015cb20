// Evidence upload of <jxjy-credit-records>: the chosen file is checked for size, sent as multipart field `file`
// through the api client's XHR upload (its progress shown as a bar), and a refusal (413, 415, a duplicate) is shown
// at the file input. Leaving the page aborts a transfer in flight.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { CreditAttachmentAdded, CreditRecord } from '../api/types.js';
import type { Params } from '../i18n/messages.js';
import type { CreditRecordsKey } from './credit-records.messages.js';

/** What the server takes (api/credits/attachments.route.ts): more is refused before it is sent. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface UploadOptions {
  api(): ApiClient;
  msg(key: CreditRecordsKey | 'error', params?: Params): string;
  /** The server stored the file; `position` is that of the event recording it. */
  uploaded(record: CreditRecord, added: Omit<CreditAttachmentAdded, 'position'>, position: string): void;
}

export class UploadController implements ReactiveController {
  /** The transfer in flight. */
  progress: { filename: string; fraction: number } | undefined;
  /** Why the last file was refused. */
  error: string | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #opts: UploadOptions;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, opts: UploadOptions) {
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Drops a transfer in flight and any error shown: another record, another person. */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.progress = undefined;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  /** Sends the file chosen in `input` to `record`; resolves when it is stored or refused. */
  async send(input: HTMLInputElement, record: CreditRecord): Promise<void> {
    const file = input.files?.[0];
    if (!file || this.progress) return;
    this.error = undefined;
    if (file.size > MAX_FILE_BYTES) {
      this.error = this.#opts.msg('fileTooLarge');
      input.value = '';
      return this.#host.requestUpdate();
    }
    const body = new FormData();
    body.append('file', file, file.name);
    const abort = (this.#abort = new AbortController());
    this.#set({ filename: file.name, fraction: 0 });
    try {
      const url = `/api/v1/credit-records/${encodeURIComponent(record.recordId)}/attachments`;
      const { position, ...added } = await this.#opts.api().upload<CreditAttachmentAdded>(url, body, {
        signal: abort.signal,
        onProgress: (fraction) => this.#set({ filename: file.name, fraction }),
      });
      this.#opts.uploaded(record, added, position);
    } catch (err) {
      if (abort.signal.aborted) return;
      if (!(err instanceof ApiError)) reportError(err);
      // 413 and 415 name the file field, as does a file already attached (409).
      this.error = err instanceof ApiError ? (err.details?.find((d) => d.field === 'file')?.message ?? err.message) : this.#opts.msg('error');
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#set(undefined);
        input.value = '';
      }
    }
  }

  #set(progress: UploadController['progress']) {
    this.progress = progress;
    this.#host.requestUpdate();
  }
}
