// One submit flow for every form screen (login, change-password, org-register, register). A screen declares its
// fields, their labels and its client checks, and says what to send; this controller owns the rest: the busy
// state, "required" and the client checks before any request, field errors and the error summary (focused after a
// failed submit, so screen readers announce it), and a server error's `details` mapped onto the fields shown.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-client.js';
import { format, type Lang } from '../i18n/messages.js';
import { errorSummary, inputField, selectField, textareaField, type InputSpec, type SelectSpec, type TextareaSpec } from './form.js';

export type Values<F extends string> = Readonly<Record<F, string>>;
export type Problems<F extends string> = Partial<Record<F, string | undefined>>;

export interface FormSpec<F extends string> {
  /** The fields in the order they are shown, named as the API spells them (also the inputs' ids). */
  readonly fields: readonly F[];
  label(field: F): string;
  /** Fields that may stay empty. */
  readonly optional?: readonly F[];
  /** Fields taken exactly as typed (a space may be part of a password); the others are trimmed. */
  readonly untrimmed?: readonly F[];
  /** What the browser can tell before a round trip; each field shows its first problem. */
  check?(values: Values<F>): Problems<F>;
  /**
   * Fields whose `check` runs as soon as they change (inline), not only on submit: for a value whose problem the
   * person should see before moving on (a birth date that contradicts the ID number).
   */
  readonly checkOnChange?: readonly F[];
  /** Sends the values. A thrown ApiError's `details` land on the fields and its message heads the summary. */
  send(values: Values<F>, form: HTMLFormElement): Promise<void>;
  /** The summary's headline for a failed send, when the server's own message is not the best one. */
  describe?(err: unknown): string | undefined;
  /** After every send, whatever its outcome (`err` undefined on success): e.g. a used captcha is replaced. */
  settled?(form: HTMLFormElement, err: unknown): void;
}

type FieldOptions = Omit<InputSpec, 'name' | 'error' | 'required' | 'label'> & { label?: string };
type SelectOptions = Omit<SelectSpec, 'name' | 'error' | 'required' | 'label'> & { label?: string };
type TextareaOptions = Omit<TextareaSpec, 'name' | 'error' | 'required' | 'label'> & { label?: string };

export class FormController<F extends string> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };
  readonly #lang: () => Lang;
  readonly #spec: FormSpec<F>;
  #busy = false;
  #errors: Problems<F> = {};
  #summary: string | undefined;
  #other: readonly string[] = [];
  #focusSummary = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    lang: () => Lang,
    spec: FormSpec<F>,
  ) {
    this.#host = host;
    this.#lang = lang;
    this.#spec = spec;
    host.addController(this);
  }

  // After the render that filled the summary: focusing it makes screen readers announce the problems.
  hostUpdated(): void {
    if (!this.#focusSummary) return;
    this.#focusSummary = false;
    this.#host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  get busy(): boolean {
    return this.#busy;
  }

  error(field: F): string | undefined {
    return this.#errors[field];
  }

  /** Forgets the last attempt's errors and summary: the same screen opens the form afresh (another record). */
  reset(): void {
    this.#focusSummary = false;
    this.#show(undefined, {}, []);
  }

  /** The `<form>` (part "form"), its error summary first. */
  render(content: TemplateResult): TemplateResult {
    return html`<form part="form" novalidate aria-busy=${this.#busy ? 'true' : 'false'} @submit=${this.#onSubmit} @change=${this.#onChange}>
      ${errorSummary(this.#summary, this.#items())} ${content}
    </form>`;
  }

  /** A labelled input for `name` with its current error; `required` follows the spec's `optional`. */
  input(name: F, options: FieldOptions = {}): TemplateResult {
    return inputField({ label: this.#spec.label(name), ...options, name, error: this.#errors[name], required: !this.#optional(name) });
  }

  /** A labelled native select for `name` with its current error; `required` follows the spec's `optional`. */
  select(name: F, options: SelectOptions): TemplateResult {
    return selectField({ label: this.#spec.label(name), ...options, name, error: this.#errors[name], required: !this.#optional(name) });
  }

  /** A labelled textarea for `name` with its current error; `required` follows the spec's `optional`. */
  textarea(name: F, options: TextareaOptions = {}): TemplateResult {
    return textareaField({ label: this.#spec.label(name), ...options, name, error: this.#errors[name], required: !this.#optional(name) });
  }

  submitButton(idle: string, busy: string = format(this.#lang(), 'submitting')): TemplateResult {
    return html`<button class="primary submit" part="submit" type="submit" aria-busy=${this.#busy ? 'true' : 'false'}>
      ${this.#busy ? busy : idle}
    </button>`;
  }

  // An arrow, so Lit's listener (called with the host as `this`) reaches the controller.
  readonly #onSubmit = (event: SubmitEvent): void => void this.submit(event);

  readonly #onChange = (event: Event): void => {
    const name = (event.target as Partial<HTMLInputElement> | null)?.name;
    const field = this.#spec.checkOnChange?.find((f) => f === name);
    if (!field) return;
    const problem = this.#spec.check?.(this.#values(event.currentTarget as HTMLFormElement))[field];
    if (problem === this.#errors[field]) return;
    this.#errors = { ...this.#errors, [field]: problem };
    this.#host.requestUpdate();
  };

  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = this.#values(form);
    const problems = this.#check(values);
    if (Object.keys(problems).length) return this.#fail(format(this.#lang(), 'formInvalid'), problems, []);
    this.#busy = true;
    this.#host.requestUpdate();
    let failure: unknown;
    try {
      await this.#spec.send(values, form);
      this.#show(undefined, {}, []);
    } catch (err) {
      failure = err;
      // A bug rather than an answer: say so on the form, and let it reach the console and window.onerror too.
      if (!(err instanceof ApiError)) reportError(err);
      const { fields, other } = this.#fromServer(err);
      const headline = this.#spec.describe?.(err) ?? (err instanceof ApiError ? err.message : format(this.#lang(), 'error'));
      await this.#fail(headline, fields, other);
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
      this.#spec.settled?.(form, failure);
    }
  }

  #optional(field: F): boolean {
    return this.#spec.optional?.includes(field) ?? false;
  }

  #values(form: HTMLFormElement): Values<F> {
    const data = new FormData(form);
    const values = {} as Record<F, string>;
    for (const field of this.#spec.fields) {
      const raw = data.get(field);
      const value = typeof raw === 'string' ? raw : '';
      values[field] = this.#spec.untrimmed?.includes(field) ? value : value.trim();
    }
    return values;
  }

  #check(values: Values<F>): Problems<F> {
    const problems: Problems<F> = {};
    for (const field of this.#spec.fields) {
      if (!values[field] && !this.#optional(field)) {
        problems[field] = format(this.#lang(), 'requiredField', { label: this.#spec.label(field) });
      }
    }
    const found: Problems<F> = this.#spec.check?.(values) ?? {};
    for (const field of this.#spec.fields) if (found[field] && !problems[field]) problems[field] = found[field];
    return problems;
  }

  /** A server error's `details` split into errors for fields this form shows and leftovers for the summary. */
  #fromServer(err: unknown): { fields: Problems<F>; other: string[] } {
    const fields: Problems<F> = {};
    const other: string[] = [];
    if (!(err instanceof ApiError)) return { fields, other };
    for (const detail of err.details ?? []) {
      // The captcha id is no field anyone typed: an expired or used captcha is shown at the answer input.
      const name = detail.field === 'captchaId' ? 'captchaAnswer' : detail.field;
      const field = this.#spec.fields.find((f) => f === name);
      if (field && !fields[field]) fields[field] = detail.message;
      else other.push(detail.message);
    }
    return { fields, other };
  }

  #show(summary: string | undefined, fields: Problems<F>, other: readonly string[]): void {
    this.#summary = summary;
    this.#errors = fields;
    this.#other = other;
    this.#host.requestUpdate();
  }

  async #fail(summary: string | undefined, fields: Problems<F>, other: readonly string[]): Promise<void> {
    this.#focusSummary = true;
    this.#show(summary, fields, other);
    await this.#host.updateComplete;
  }

  #items(): { label: string; message: string }[] {
    const errorLabel = format(this.#lang(), 'error');
    return [
      ...this.#spec.fields.flatMap((f) => {
        const message = this.#errors[f];
        return message ? [{ label: this.#spec.label(f), message }] : [];
      }),
      ...this.#other.map((message) => ({ label: errorLabel, message })),
    ];
  }
}
