// The captcha field shared by login and registration: a @lit/task fetch of GET /captcha (aborted when the
// screen leaves the page), the image with a text alternative, a refresh button, and its own labelled input.
// Captchas are single use, so the screens refresh after every submit.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { CaptchaChallenge } from '../api/types.js';
import type { CoreKey } from '../i18n/messages.js';
import { AbortOnDisconnect } from './abort-on-disconnect.js';
import type { CaptchaKey } from './captcha.messages.js';

/** The screen's `msg`: its catalog includes captchaMessages. */
type Msg = (key: CaptchaKey | CoreKey) => string;

export class CaptchaController {
  readonly task: Task<readonly unknown[], CaptchaChallenge>;

  constructor(
    host: ReactiveControllerHost,
    load: (signal: AbortSignal) => Promise<CaptchaChallenge>,
    args: () => readonly unknown[],
  ) {
    this.task = new Task(host, { task: (_args, { signal }) => load(signal), args });
    new AbortOnDisconnect(host, [this.task]);
  }

  /** The id to submit with the answer; undefined while loading or after a failed load. */
  get id(): string | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value?.captchaId : undefined;
  }

  refresh(): void {
    void this.task.run();
  }

  /** The answer field's problem when there is no captcha to answer (still loading, or its load failed). */
  problem(msg: Msg): string | undefined {
    return this.id ? undefined : msg('captchaLoadFailed');
  }

  /** Label, input, image and refresh button; `error` is the field's message (client check or server detail). */
  render(msg: Msg, error: string | undefined): TemplateResult {
    const describedBy = error ? 'captchaAnswer-error' : undefined;
    const image = this.task.render({
      initial: () => html`<span class="captcha-box" role="status">${msg('loading')}</span>`,
      pending: () => html`<span class="captcha-box" role="status">${msg('loading')}</span>`,
      complete: (c) =>
        html`<img
          class="captcha-box"
          part="captcha-image"
          src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.svg)}"
          alt=${msg('captchaImageAlt')}
          data-captcha-id=${c.captchaId}
        />`,
      error: () => html`<span class="captcha-box error-text" role="alert">${msg('captchaLoadFailed')}</span>`,
    });
    return html`<div class="field" part="field">
      <label class="required" for="captchaAnswer">${msg('captcha')}</label>
      <div class="captcha-row">
        <input
          id="captchaAnswer"
          name="captchaAnswer"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          maxlength="12"
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
        />
        ${image}
        <button type="button" class="link refresh" part="captcha-refresh" @click=${() => this.refresh()}>
          ${msg('captchaRefresh')}
        </button>
      </div>
      ${error ? html`<p id="captchaAnswer-error" class="error-text">${error}</p>` : nothing}
    </div>`;
  }
}

/** Empties the answer so the next captcha is not submitted with the previous one's text. */
export function clearCaptchaAnswer(root: ParentNode): void {
  const input = root.querySelector<HTMLInputElement>('#captchaAnswer');
  if (input) input.value = '';
}
