// What every part of <jxjy-audit> is given by the element (its client, language, texts, events, focus and status
// line), and the small pieces they share: error texts, roles, chain problems, copying, a load error with 重试.
import { html, type ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../api/api-client.js';
import type { JxjyEventDetailMap } from '../events.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import type { AuditKey } from './audit.messages.js';

export type Msg = (key: AuditKey | CoreKey, params?: Params) => string;

/** The element, as its parts' controllers (and the form controllers inside them) need it. */
export type AuditHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export interface AuditContext {
  api(): ApiClient;
  lang(): Lang;
  msg: Msg;
  /** The element's configuration, for task args: any change reads again. */
  connection(): readonly unknown[];
  emit<K extends keyof JxjyEventDetailMap>(name: K, detail: JxjyEventDetailMap[K]): void;
  /** Moves focus to `selector` in the element's root once it is rendered. */
  focus(selector: string): void;
  /** Says something on the element's status line (a polite live region). */
  notify(text: string): void;
}

export const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

const ROLES = new Set(['person', 'unit', 'institution', 'admin', 'auditor', 'system', 'public']);
export const roleText = (msg: Msg, role: string | undefined) => (role && ROLES.has(role) ? msg(`role.${role}` as AuditKey) : (role ?? ''));

const PROBLEMS = new Set(['content does not match its hash', 'prevHash does not link to the previous event', 'revision out of sequence']);
/** A chain problem in the reader's language (the server names it in English). */
export const problemText = (msg: Msg, problem: string | undefined) => (problem && PROBLEMS.has(problem) ? msg(`problem.${problem}` as AuditKey) : (problem ?? ''));

export const count = (lang: Lang, n: number) => new Intl.NumberFormat(lang).format(n);

/** Copies to the clipboard; false when the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The caller says so and leaves the text on screen to copy by hand.
    return false;
  }
}

export function loadError(msg: Msg, err: unknown, retry: () => void) {
  return html`<div class="load-error" role="alert">
    <p>${errorText(err, msg('error'))}</p>
    <button type="button" @click=${retry}>${msg('retry')}</button>
  </div>`;
}

export const loading = (msg: Msg) => html`<p class="status" role="status">${msg('loading')}</p>`;
