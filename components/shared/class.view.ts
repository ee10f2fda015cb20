// Small templates the class screens share (培训班报名, 我的报名, 培训班管理): a date range, a status tag, a moment in the
// reader's language, and the 加载更多 pager. Plain functions over what each screen passes in.
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../i18n/messages.js';
import { statusLabel } from './class.messages.js';

export function dateRange(start: string, end: string) {
  const day = (d: string) => html`<time datetime=${d}>${d}</time>`;
  return start === end ? day(start) : html`${day(start)} – ${day(end)}`;
}

export function statusTag(lang: Lang, kind: 'class' | 'enrolment', status: string) {
  return html`<span class="tag ${kind}-${status}" data-status=${status}>${statusLabel(lang, kind, status)}</span>`;
}

/** An instant (ISO) as a date and time in the reader’s language; a dash labelled `none` when there is none. */
export function moment(lang: Lang, iso: string | null | undefined, none: string) {
  const at = iso ? new Date(iso) : undefined;
  if (!iso || !at || Number.isNaN(at.getTime())) return html`<span aria-label=${none}>—</span>`;
  return html`<time datetime=${iso}>${new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}</time>`;
}

/**
 * A table that may scroll sideways on a narrow screen: the scrolling box takes focus (with a name) so the keyboard can
 * scroll it even when its rows hold nothing focusable (WCAG 2.1.1).
 */
export const scrollBox = (label: string, table: TemplateResult) =>
  html`<div class="table-wrap" role="region" tabindex="0" aria-label=${label}>${table}</div>`;

export interface More {
  busy: boolean;
  error: string | undefined;
  load(): void;
}

export function pager(more: More | undefined, idle: string, busy: string) {
  if (!more) return nothing;
  return html`<div class="pager" part="pager">
    ${more.error ? html`<p class="error-text" role="alert">${more.error}</p>` : nothing}
    <button type="button" data-action="more" aria-busy=${more.busy ? 'true' : 'false'} @click=${() => more.load()}>${more.busy ? busy : idle}</button>
  </div>`;
}

/** Loading, or why loading failed with a retry. */
export function loadState(error: string | undefined, texts: { loading: string; retry: string }, retry: () => void) {
  if (!error) return html`<p class="status" role="status">${texts.loading}</p>`;
  return html`<div class="load-error" role="alert">
    <p>${error}</p>
    <button type="button" @click=${retry}>${texts.retry}</button>
  </div>`;
}
