// The upload form of <jxjy-legacy-import>: what the file holds (学时记录 / 证书), the file, and 试导入 / 正式导入. The
// shared FormController owns the submit flow; this adds the file's checks (chosen, not empty, at most 20 MB — what
// the server refuses without reading further), the multipart upload through the api client's XHR with its progress,
// and puts every refusal of the file (a missing column, 413, 415) on the file field. Leaving the page aborts it.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LEGACY_KINDS } from '../../events/legacy.js';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { LegacyImportAccepted, LegacyKind } from '../api/types.js';
import { format, type Lang } from '../i18n/messages.js';
import { FormController } from '../shared/form-controller.js';
import type { Msg } from './legacy-import.view.js';

/** What the server takes (api/legacy/import.route.ts): more is refused before it is sent. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FIELDS = ['kind', 'file'] as const;
type Field = (typeof FIELDS)[number];

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export interface ImportRequest {
  kind: LegacyKind;
  dryRun: boolean;
  filename: string;
}

export interface ImportFormOptions {
  lang(): Lang;
  msg: Msg;
  api(): ApiClient;
  /** The kind chosen now; the element keeps it so the column hint follows the choice. */
  kind(): LegacyKind;
  setKind(kind: LegacyKind): void;
  /** The server took the file (202): the import runs in the background. */
  started(accepted: LegacyImportAccepted, request: ImportRequest): void;
}

export class ImportForm implements ReactiveController {
  /** The transfer in flight. */
  progress: { filename: string; fraction: number } | undefined;
  readonly #host: Host;
  readonly #opts: ImportFormOptions;
  readonly #form: FormController<Field>;
  /** Which button sent the form: implicit submission (Enter) clicks the first, 试导入, which writes nothing. */
  #dryRun = true;
  #abort: AbortController | undefined;

  constructor(host: Host, opts: ImportFormOptions) {
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
    this.#form = new FormController<Field>(host, opts.lang, {
      fields: FIELDS,
      // The file is no string FormData could hand the controller; its checks are this form's own.
      optional: ['file'],
      label: (field) => opts.msg(field),
      check: () => ({ file: this.#fileProblem() }),
      // The problem is on the file field, named there: the summary's headline need not repeat it.
      describe: (err) => (err instanceof ApiError && err.details?.length ? format(opts.lang(), 'formInvalid') : undefined),
      send: (values) => this.#send(values.kind as LegacyKind),
    });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get busy(): boolean {
    return this.#form.busy;
  }

  get #input(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>('#file');
  }

  #fileProblem(): string | undefined {
    const file = this.#input?.files?.[0];
    if (!file) return this.#opts.msg('fileRequired');
    if (file.size === 0) return this.#opts.msg('fileEmpty');
    if (file.size > MAX_IMPORT_BYTES) return this.#opts.msg('fileTooLarge');
    return undefined;
  }

  async #send(kind: LegacyKind): Promise<void> {
    const file = this.#input!.files![0]!;
    const dryRun = this.#dryRun;
    const body = new FormData();
    body.append('file', file, file.name);
    const query = new URLSearchParams({ kind, dryRun: String(dryRun) });
    const abort = (this.#abort = new AbortController());
    this.#progress({ filename: file.name, fraction: 0 });
    try {
      const accepted = await this.#opts.api().upload<LegacyImportAccepted>(`/api/v1/legacy/imports?${query}`, body, {
        signal: abort.signal,
        onProgress: (fraction) => this.#progress({ filename: file.name, fraction }),
      });
      this.#opts.started(accepted, { kind, dryRun, filename: file.name });
    } catch (err) {
      // Left the page: there is nobody to tell.
      if (abort.signal.aborted) return;
      throw this.#onFileField(err);
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#progress(undefined);
    }
  }

  /**
   * The server names a missing column by its own field (`title`), which is no field of this form: the whole refusal
   * belongs to the file, in the server's words (they name the column in the reader's language). A 413 or 415 from a
   * gateway in front of the API comes without details; the file field says what it means.
   */
  #onFileField(err: unknown): unknown {
    if (!(err instanceof ApiError) || ![400, 413, 415, 422].includes(err.status)) return err;
    const details = err.details ?? [];
    const kind = details.filter((d) => d.field === 'kind');
    const columns = details.some((d) => d.field !== 'kind' && d.field !== 'file');
    let message = details.find((d) => d.field === 'file')?.message;
    if (!message && columns) message = err.message;
    else if (!message && err.status === 413) message = this.#opts.msg('fileTooLarge');
    else if (!message && err.status === 415) message = this.#opts.msg('fileType');
    else if (!message && !kind.length) message = err.message;
    const onFields = [...kind, ...(message ? [{ field: 'file', message }] : [])];
    return new ApiError(err.status, err.error, err.message, onFields, { code: err.code, retryAfter: err.retryAfter });
  }

  #progress(progress: ImportForm['progress']) {
    this.progress = progress;
    this.#host.requestUpdate();
  }

  #kindField(): TemplateResult {
    const { msg } = this.#opts;
    const chosen = this.#opts.kind();
    const error = this.#form.error('kind');
    return html`<fieldset class="field kind" part="field" aria-describedby=${error ? 'kind-hint kind-error' : 'kind-hint'}>
      <legend class="required">${msg('kind')}</legend>
      <div class="radios">
        ${LEGACY_KINDS.map(
          (k) => html`<label class="radio">
            <input type="radio" name="kind" value=${k} .checked=${k === chosen} @change=${() => this.#opts.setKind(k)} />
            ${msg(`kind.${k}`)}
          </label>`,
        )}
      </div>
      <p id="kind-hint" class="hint">${msg(`columns.${chosen}`)}</p>
      ${error ? html`<p id="kind-error" class="error-text">${error}</p>` : nothing}
    </fieldset>`;
  }

  #fileField(): TemplateResult {
    const { msg } = this.#opts;
    const error = this.#form.error('file');
    return html`<div class="field" part="field">
      <label class="required" for="file">${msg('file')}</label>
      <input
        id="file"
        name="file"
        type="file"
        accept=${ACCEPT}
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'file-hint file-error' : 'file-hint'}
      />
      <p id="file-hint" class="hint">${msg('fileHint')}</p>
      ${error ? html`<p id="file-error" class="error-text">${error}</p>` : nothing}
    </div>`;
  }

  #button(dryRun: boolean): TemplateResult {
    const { msg } = this.#opts;
    const busy = this.busy && this.#dryRun === dryRun;
    return html`<button
      type="submit"
      part="submit"
      class=${dryRun ? '' : 'primary'}
      data-action=${dryRun ? 'dry-run' : 'import'}
      aria-busy=${busy ? 'true' : 'false'}
      aria-describedby="actions-hint"
      @click=${() => {
        if (!this.busy) this.#dryRun = dryRun;
      }}
    >
      ${busy ? msg('sending') : msg(dryRun ? 'dryRun' : 'realRun')}
    </button>`;
  }

  #uploadProgress() {
    const p = this.progress;
    if (!p) return nothing;
    const percent = Math.round(p.fraction * 100);
    return html`<div class="upload" part="upload" data-testid="upload-progress">
      <progress max="100" value=${percent} aria-label=${this.#opts.msg('uploadProgress', { filename: p.filename })}></progress>
      <span>${this.#opts.msg('uploading', { filename: p.filename, percent })}</span>
    </div>`;
  }

  render(): TemplateResult {
    return this.#form.render(html`${this.#kindField()} ${this.#fileField()}
      <div class="form-actions">${this.#button(true)} ${this.#button(false)}</div>
      <p id="actions-hint" class="hint">${this.#opts.msg('actionsHint')}</p>
      ${this.#uploadProgress()}`);
  }
}
