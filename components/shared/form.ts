// Pieces every form screen renders the same way: a labelled native input with its hint and error in the
// screen's own shadow root (ids never cross roots), the focusable error summary, and server errors mapped to fields.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError } from '../api/api-client.js';

export type FieldErrors = Readonly<Record<string, string>>;

export interface InputSpec {
  /** Both the form field name (as the API spells it) and the input's id. */
  name: string;
  label: string;
  type?: 'text' | 'password' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel';
  maxlength?: number;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

export function inputField(spec: InputSpec): TemplateResult {
  const { name, error, hint, required = true } = spec;
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field">
    <label class=${required ? 'required' : ''} for=${name}>${spec.label}</label>
    <input
      id=${name}
      name=${name}
      type=${spec.type ?? 'text'}
      autocomplete=${ifDefined(spec.autocomplete)}
      inputmode=${ifDefined(spec.inputmode)}
      maxlength=${ifDefined(spec.maxlength)}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    />
    ${hint ? html`<p id="${name}-hint" class="hint">${hint}</p>` : nothing}
    ${error ? html`<p id="${name}-error" class="error-text">${error}</p>` : nothing}
  </div>`;
}

export interface SummaryItem {
  label: string;
  message: string;
}

/**
 * Always in the DOM (hidden when empty) so it can take focus after a failed submit; role=alert makes screen
 * readers announce it, and the list repeats each field's problem with the field's name.
 */
export function errorSummary(title: string | undefined, items: readonly SummaryItem[]): TemplateResult {
  return html`<div class="summary" part="error" role="alert" tabindex="-1" ?hidden=${!title}>
    ${title ? html`<p class="summary-title">${title}</p>` : nothing}
    ${items.length ? html`<ul>${items.map((i) => html`<li>${i.label}：${i.message}</li>`)}</ul>` : nothing}
  </div>`;
}

/** Splits a server error's `details` into errors for fields this form shows and leftovers for the summary. */
export function serverFieldErrors(err: unknown, known: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (err instanceof ApiError) {
    for (const d of err.details ?? []) {
      // The captcha id is no field anyone typed: an expired or used captcha is shown at the answer input.
      const field = d.field === 'captchaId' ? 'captchaAnswer' : d.field;
      if (known.includes(field) && !fields[field]) fields[field] = d.message;
      else other.push(d.message);
    }
  }
  return { fields, other };
}

/** Form values as trimmed strings (passwords untrimmed: a space may be part of one). */
export function formValues(form: HTMLFormElement, untrimmed: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string') out[key] = untrimmed.includes(key) ? value : value.trim();
  }
  return out;
}

/** Focuses the error summary once the render that filled it has happened. */
export async function focusSummary(host: HTMLElement & { updateComplete: Promise<boolean>; renderRoot: ParentNode }) {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
}
