// The report of one import in <jxjy-legacy-import>: its mode, file and status; while it runs a progress bar of the
// rows processed; the counts (total, passed, imported, duplicates, refused); why it failed; the refused rows with
// their column and reason, and 下载未导入的行 (the CSV of every refused row, fetched with the token).
import { html, nothing } from 'lit';
import type { LegacyImport } from '../api/types.js';
import type { Lang } from '../i18n/messages.js';
import { fileSize, formatMoment, modeLabel, statusTag, type Msg } from './legacy-import.view.js';

const COUNTS = ['total', 'valid', 'imported', 'duplicates', 'rejected'] as const;

export interface ReportContext {
  lang: Lang;
  msg: Msg;
  report: LegacyImport;
  /** Why the last read of the progress failed while the import ran. */
  pollError: { message: string; retrying: boolean } | undefined;
  downloading: boolean;
  download(): void;
  retry(): void;
}

const count = (c: ReportContext, n: number) => new Intl.NumberFormat(c.lang).format(n);

function progressBar(c: ReportContext) {
  const { totalRows, processedRows } = c.report.progress;
  const percent = totalRows ? Math.min(100, Math.floor((processedRows / totalRows) * 100)) : 0;
  // Until the file has been read the total is unknown: an indeterminate bar (no value) says "working" without a number.
  return html`<div class="progress" data-testid="import-progress">
    <progress max="100" value=${totalRows === null ? nothing : percent} aria-label=${c.msg('progressLabel')}></progress>
    <span>${totalRows === null ? c.msg('reading') : c.msg('progressText', { processed: count(c, processedRows), total: count(c, totalRows), percent })}</span>
  </div>`;
}

function pollNote(c: ReportContext) {
  const e = c.pollError;
  if (!e) return nothing;
  if (e.retrying) return html`<p class="warning" data-testid="poll-error">${c.msg('pollRetrying', { message: e.message })}</p>`;
  return html`<div class="load-error" role="alert" data-testid="poll-error">
    <p>${c.msg('pollFailed', { message: e.message })}</p>
    <button type="button" @click=${c.retry}>${c.msg('retry')}</button>
  </div>`;
}

function counts(c: ReportContext) {
  const rows = c.report.rows;
  return html`<h4 class="counts-title">${c.msg('countsCaption')}</h4>
    <dl class="counts" part="counts">
    ${COUNTS.map(
      (k) => html`<div class="count ${k}" data-count=${k}>
        <dt>${c.msg(`count.${k}`)}</dt>
        <dd>${count(c, rows[k])}</dd>
      </div>`,
    )}
  </dl>`;
}

function failure(c: ReportContext) {
  return html`<div class="failure" role="alert" data-testid="import-failure">
    <p class="failure-title">${c.msg('failureTitle')}</p>
    <p>${c.report.failure || c.msg('failureUnknown')}</p>
  </div>`;
}

function errors(c: ReportContext) {
  const { errors: list, rows, status } = c.report;
  const download =
    rows.rejected > 0 && status !== 'running'
      ? html`<button type="button" data-action="download-rejected" aria-busy=${c.downloading ? 'true' : 'false'} @click=${c.download}>
          ${c.downloading ? c.msg('downloading') : c.msg('downloadRejected')}
        </button>`
      : nothing;
  if (!list.length) return download === nothing ? nothing : html`<div class="report-actions">${download}</div>`;
  return html`<div class="table-wrap errors-wrap" role="region" tabindex="0" aria-label=${c.msg('errorsRegion')}>
      <table part="errors" class="errors">
        <caption>
          ${c.msg('errorsCaption', { rejected: count(c, Math.max(rows.rejected, list.length)) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${c.msg('error.row')}</th>
            <th scope="col">${c.msg('error.column')}</th>
            <th scope="col">${c.msg('error.message')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (e) => html`<tr data-row=${e.row} data-field=${e.field}>
              <th scope="row" class="num">${e.row}</th>
              <td class="nowrap">${e.column}</td>
              <td>${e.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${rows.rejected > list.length ? html`<p class="hint" data-testid="errors-partial">${c.msg('errorsPartial', { shown: count(c, list.length) })}</p>` : nothing}
    <div class="report-actions">${download}</div>`;
}

export function importReport(c: ReportContext) {
  const r = c.report;
  const facts = c.msg('fileFacts', { kind: c.msg(`kind.${r.kind}`), size: fileSize(c.lang, r.file.size), format: r.file.format.toUpperCase() });
  return html`<section class="report ${r.status}" part="report" data-import-id=${r.importId} data-status=${r.status} aria-labelledby="report-title">
    <h3 id="report-title" tabindex="-1">${c.msg('reportTitle', { mode: modeLabel(c.msg, r.dryRun), filename: r.file.filename })}</h3>
    <p class="facts">${statusTag(c.msg, r.status)} <span>${facts}</span></p>
    ${pollNote(c)} ${r.status === 'running' ? progressBar(c) : nothing} ${r.status === 'failed' ? failure(c) : nothing} ${counts(c)}
    ${r.dryRun && r.status === 'completed' ? html`<p class="note" data-testid="dry-run-note">${c.msg('dryRunNote')}</p>` : nothing}
    ${r.finishedAt ? html`<p class="hint" data-testid="finished-at">${c.msg('finishedAt', { time: formatMoment(c.lang, r.finishedAt) })}</p>` : nothing} ${errors(c)}
  </section>`;
}
