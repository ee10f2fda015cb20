// Pieces every form screen renders the same way: a labelled native input with its hint and error in the
// screen's own shadow root (ids never cross roots), and the focusable error summary. The submit flow that fills
// them is the FormController's (form-controller.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

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
