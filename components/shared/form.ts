// Pieces every form screen renders the same way: a labelled native input, select or textarea with its hint and error in the
// screen's own shadow root (ids never cross roots), and the focusable error summary. The submit flow that fills
// them is the FormController's (form-controller.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface InputSpec {
  /** Both the form field name (as the API spells it) and the input's id. */
  name: string;
  label: string;
  type?: 'text' | 'password' | 'tel' | 'email' | 'date' | 'datetime-local';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel';
  maxlength?: number;
  /** Bounds the browser's picker offers (a date inside the record's year); the checks stay the form's. */
  min?: string | undefined;
  max?: string | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /**
   * A value to start from (a saved profile). Set as the `value` attribute, the input's default: it shows until
   * the person types, and a re-render never overwrites what they typed; `form.reset()` returns to it.
   */
  value?: string | undefined;
}

/** A native `<select>` field; `options` in the order shown, `value` the one selected at first. */
export interface SelectSpec {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

const describedBy = (name: string, hint: string | undefined, error: string | undefined) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');

const fieldMessages = (name: string, hint: string | undefined, error: string | undefined) =>
  html`${hint ? html`<p id="${name}-hint" class="hint">${hint}</p>` : nothing}
  ${error ? html`<p id="${name}-error" class="error-text">${error}</p>` : nothing}`;

export function inputField(spec: InputSpec): TemplateResult {
  const { name, error, hint, required = true } = spec;
  const described = describedBy(name, hint, error);
  return html`<div class="field" part="field">
    <label class=${required ? 'required' : ''} for=${name}>${spec.label}</label>
    <input
      id=${name}
      name=${name}
      type=${spec.type ?? 'text'}
      autocomplete=${ifDefined(spec.autocomplete)}
      inputmode=${ifDefined(spec.inputmode)}
      maxlength=${ifDefined(spec.maxlength)}
      min=${ifDefined(spec.min)}
      max=${ifDefined(spec.max)}
      value=${ifDefined(spec.value)}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    />
    ${fieldMessages(name, hint, error)}
  </div>`;
}

export function selectField(spec: SelectSpec): TemplateResult {
  const { name, error, hint, required = true } = spec;
  const described = describedBy(name, hint, error);
  // `selected` is the option's default, like an input's value attribute: a re-render keeps the person's choice.
  return html`<div class="field" part="field">
    <label class=${required ? 'required' : ''} for=${name}>${spec.label}</label>
    <select
      id=${name}
      name=${name}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    >
      ${spec.options.map((o) => html`<option value=${o.value} ?selected=${o.value === (spec.value ?? '')}>${o.label}</option>`)}
    </select>
    ${fieldMessages(name, hint, error)}
  </div>`;
}

/** A native `<textarea>` for longer free text (a class's description); `value` is its default content. */
export interface TextareaSpec {
  name: string;
  label: string;
  rows?: number;
  maxlength?: number;
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

export function textareaField(spec: TextareaSpec): TemplateResult {
  const { name, error, hint, required = true } = spec;
  const described = describedBy(name, hint, error);
  // A textarea's default is its content, set once: Lit's `.defaultValue` keeps a re-render from touching what was typed.
  return html`<div class="field" part="field">
    <label class=${required ? 'required' : ''} for=${name}>${spec.label}</label>
    <textarea
      id=${name}
      name=${name}
      rows=${spec.rows ?? 4}
      maxlength=${ifDefined(spec.maxlength)}
      .defaultValue=${spec.value ?? ''}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    ></textarea>
    ${fieldMessages(name, hint, error)}
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
