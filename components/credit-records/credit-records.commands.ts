// The commands on a shown record of <jxjy-credit-records>: 确认送审, 撤回, removing and downloading evidence. One at
// a time; each success hands the answered record back to the element (which reads again with `?after=`), each
// refusal (a 409 saying to bind to a unit first, or to attach evidence) becomes the screen's alert.
import type { ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { CreditAttachment, CreditRecord } from '../api/types.js';
import type { JxjyEventDetailMap } from '../events.js';
import type { Params } from '../i18n/messages.js';
import { saveBlob } from '../shared/save-blob.js';
import type { CreditRecordsKey } from './credit-records.messages.js';

export const recordUrl = (recordId: string, rest = '') => `/api/v1/credit-records/${encodeURIComponent(recordId)}${rest}`;
const attachmentUrl = (recordId: string, a: CreditAttachment) => recordUrl(recordId, `/attachments/${encodeURIComponent(a.attachmentId)}`);

type RecordEvent = 'jxjy-credit-record-submitted' | 'jxjy-credit-record-withdrawn';

export interface CommandOptions {
  api(): ApiClient;
  msg(key: CreditRecordsKey | 'error', params?: Params): string;
  emit(name: RecordEvent, detail: JxjyEventDetailMap[RecordEvent]): void;
  /** The server's answer, a notice for the status line, and what to focus next. */
  done(record: CreditRecord, notice: string, focus: string): void;
  /** Where a downloaded file's temporary link goes. */
  root(): Node & ParentNode;
}

export class RecordCommands {
  /** The command in flight: 'submit', 'withdraw', 'remove:<id>' or 'download:<id>'. */
  busy: string | undefined;
  /** Why the last command failed, for the screen's alert. */
  failure: string | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #opts: CommandOptions;

  constructor(host: ReactiveControllerHost, opts: CommandOptions) {
    this.#host = host;
    this.#opts = opts;
  }

  clear(): void {
    this.failure = undefined;
    this.#host.requestUpdate();
  }

  submit(record: CreditRecord): Promise<boolean> {
    return this.#transition(record, 'submit');
  }

  withdraw(record: CreditRecord): Promise<boolean> {
    return this.#transition(record, 'withdraw');
  }

  remove(record: CreditRecord, a: CreditAttachment): Promise<boolean> {
    return this.#run(`remove:${a.attachmentId}`, async () => {
      const answer = await this.#opts.api().delete<CreditRecord>(attachmentUrl(record.recordId, a));
      this.#opts.done(answer, this.#opts.msg('removed', { filename: a.filename }), '#attachments-title');
    });
  }

  download(record: CreditRecord, a: CreditAttachment): Promise<boolean> {
    return this.#run(`download:${a.attachmentId}`, async () => {
      const { blob, filename } = await this.#opts.api().download(attachmentUrl(record.recordId, a), { fallbackFilename: a.filename });
      saveBlob(blob, filename, this.#opts.root());
    });
  }

  #transition(record: CreditRecord, kind: 'submit' | 'withdraw') {
    return this.#run(kind, async () => {
      const answer = await this.#opts.api().post<CreditRecord>(recordUrl(record.recordId, `/${kind}`));
      this.#opts.emit(kind === 'submit' ? 'jxjy-credit-record-submitted' : 'jxjy-credit-record-withdrawn', { recordId: answer.recordId });
      this.#opts.done(answer, this.#opts.msg(kind === 'submit' ? 'submitted' : 'withdrawn'), '#record-status');
    });
  }

  /** false when another command was in flight or this one failed (then `failure` says why). */
  async #run(busy: string, run: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = busy;
    this.failure = undefined;
    this.#host.requestUpdate();
    try {
      await run();
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.failure = err instanceof ApiError ? err.message : this.#opts.msg('error');
      return false;
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }
}
