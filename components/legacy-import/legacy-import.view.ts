// Small templates of <jxjy-legacy-import>: the words for a kind, a mode and a status, a size, a moment, and the
// list of recent imports with 查看. Plain functions over what the element passes in.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LegacyImport } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import type { LegacyImportKey } from './legacy-import.messages.js';

export type Msg = (key: LegacyImportKey | CoreKey, params?: Params) => string;

export const modeLabel = (msg: Msg, dryRun: boolean) => msg(dryRun ? 'modeLabel.dry' : 'modeLabel.real');

/** The name the server gives the refused rows, for when a gateway hides its Content-Disposition. */
export const rejectedFilename = (filename: string) => `${filename.replace(/\.(csv|xlsx)$/i, '')}-未导入的行.csv`;

export const statusTag = (msg: Msg, status: LegacyImport['status']) =>
  html`<span class="tag ${status}" data-status=${status}>${msg(`status.${status}`)}</span>`;

export function fileSize(lang: Lang, bytes: number): string {
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}

/** An instant (ISO) as a date and time in the reader's language. */
export const formatMoment = (lang: Lang, iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function moment(lang: Lang, iso: string | null) {
  if (!iso || Number.isNaN(Date.parse(iso))) return html`<span aria-hidden="true">—</span>`;
  return html`<time datetime=${iso}>${formatMoment(lang, iso)}</time>`;
}

export interface ListContext {
  lang: Lang;
  msg: Msg;
  items: readonly LegacyImport[];
  /** The import shown in the report. */
  shown: string | undefined;
  view(item: LegacyImport): void;
}

function row(c: ListContext, item: LegacyImport) {
  const shown = c.shown === item.importId;
  const r = item.rows;
  return html`<tr data-import-id=${item.importId} class=${shown ? 'selected' : ''}>
    <th scope="row">${item.file.filename}</th>
    <td class="nowrap">${c.msg(`kind.${item.kind}`)}</td>
    <td class="nowrap">${modeLabel(c.msg, item.dryRun)}</td>
    <td>${statusTag(c.msg, item.status)}</td>
    <td>${c.msg('rowsLine', { total: r.total, imported: r.imported, duplicates: r.duplicates, rejected: r.rejected })}</td>
    <td class="nowrap">${moment(c.lang, item.startedAt)}</td>
    <td class="actions">
      <button type="button" class="small" data-action="view" aria-pressed=${shown ? 'true' : 'false'}
        aria-label=${c.msg('viewImport', { filename: item.file.filename })} @click=${() => c.view(item)}>${c.msg('view')}</button>
    </td>
  </tr>`;
}

export function recentList(c: ListContext) {
  if (!c.items.length) return html`<p class="empty">${c.msg('noImports')}</p>`;
  return html`<div class="table-wrap">
    <table part="table" class="recent">
      <caption>
        ${c.msg('recentCaption', { count: c.items.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('col.file')}</th>
          <th scope="col">${c.msg('col.kind')}</th>
          <th scope="col">${c.msg('col.mode')}</th>
          <th scope="col">${c.msg('col.status')}</th>
          <th scope="col">${c.msg('col.rows')}</th>
          <th scope="col">${c.msg('col.startedAt')}</th>
          <th scope="col">${c.msg('col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(c.items, (i) => i.importId, (i) => row(c, i))}
      </tbody>
    </table>
  </div>`;
}
