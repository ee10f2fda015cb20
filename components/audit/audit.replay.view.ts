// Templates of <jxjy-audit>'s 数据重放 report: what was replayed and as of when, its state while it runs, the rows it
// rebuilt, and the rows that differ from today's table. Rows are shown generically — every column the server sends,
// named in the reader's language where jxjy knows the name — with hours in hours (the tables keep half-hours).
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Replay, ReplayDifference, ReplayRow, ReplayStarted } from '../api/audit.types.js';
import type { Lang } from '../i18n/messages.js';
import { chinaDateTime } from '../shared/china-time.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { AuditKey } from './audit.messages.js';
import { auditReplayMessages } from './audit.replay.messages.js';
import { count, loading, type Msg } from './audit.shared.js';

export interface ReportContext {
  lang: Lang;
  msg: Msg;
  started: ReplayStarted | undefined;
  report: Replay | undefined;
  pollError: { message: string; retrying: boolean } | undefined;
  diffing: boolean;
  diffError: string | undefined;
  compare(): void;
  retry(): void;
}

const KNOWN = auditReplayMessages['zh-CN'];
export const projectionLabel = (msg: Msg, projection: string) =>
  `projection.${projection}` in KNOWN ? msg(`projection.${projection}` as AuditKey) : projection;
const fieldLabel = (msg: Msg, field: string) => (`field.${field}` in KNOWN ? msg(`field.${field}` as AuditKey) : field);

function value(c: ReportContext, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return c.msg(v ? 'replay.yes' : 'replay.no');
  if (field === 'halfHours' && typeof v === 'number') return formatHours(c.lang, v / 2);
  // A year is a name, not a quantity: 2026, never 2,026.
  if (typeof v === 'number') return new Intl.NumberFormat(c.lang, { maximumFractionDigits: 2, useGrouping: field !== 'year' }).format(v);
  if (field === 'category' && typeof v === 'string') return creditLabel(c.lang, 'category', v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Every column any row has, in the order they first appear. */
function columnsOf(rows: readonly ReplayRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function rowsTable(c: ReportContext, report: Replay) {
  const rows = report.rows ?? [];
  if (!rows.length) return html`<p class="empty" data-testid="no-rows">${c.msg('replay.noRows')}</p>`;
  const [first, ...rest] = columnsOf(rows);
  const label = projectionLabel(c.msg, report.projection);
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label=${c.msg('replay.rowsRegion')}>
    <table class="replay-rows" part="replay-rows">
      <caption>
        ${c.msg('replay.rowsCaption', { projection: label, total: count(c.lang, report.totalRows ?? rows.length), shown: count(c.lang, rows.length) })}
      </caption>
      <thead>
        <tr>
          ${[first!, ...rest].map((col) => html`<th scope="col" data-column=${col}>${fieldLabel(c.msg, col)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr data-row-key=${String(row[first!] ?? '')}>
            <th scope="row" data-cell=${first!}>${value(c, first!, row[first!])}</th>
            ${rest.map((col) => html`<td data-cell=${col}>${value(c, col, row[col])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One side of a difference: the fields that differ from the other side (all of them when the other has no row). */
function side(c: ReportContext, d: ReplayDifference, which: 'replay' | 'live') {
  const mine = d[which];
  const other = d[which === 'replay' ? 'live' : 'replay'];
  if (!mine) return html`<span class="absent">${c.msg('replay.absent')}</span>`;
  const fields = Object.keys(mine).filter((f) => !(f in d.key) && (!other || JSON.stringify(mine[f]) !== JSON.stringify(other[f])));
  return html`${fields.map((f) => html`<span class="field-value" data-field=${f}>${c.msg('replay.fieldValue', { field: fieldLabel(c.msg, f), value: value(c, f, mine[f]) })}</span>`)}`;
}

function differencesTable(c: ReportContext, report: Replay) {
  const differences = report.differences;
  if (!differences) return nothing;
  if (!differences.length) return html`<p class="same" id="replay-diff" tabindex="-1" data-testid="no-differences">${c.msg('replay.noDiff')}</p>`;
  const keys = columnsOf(differences.map((d) => d.key));
  return html`<div class="table-wrap" id="replay-diff" role="region" tabindex="0" aria-label=${c.msg('replay.diffRegion')}>
    <table class="differences" part="differences">
      <caption>
        ${c.msg('replay.diffCaption', { total: count(c.lang, report.totalDifferences ?? differences.length), shown: count(c.lang, differences.length) })}
      </caption>
      <thead>
        <tr>
          ${keys.map((k) => html`<th scope="col" data-column=${k}>${fieldLabel(c.msg, k)}</th>`)}
          <th scope="col">${c.msg('replay.whenReplayed')}</th>
          <th scope="col">${c.msg('replay.now')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          differences,
          (d) => JSON.stringify(d.key),
          (d) => html`<tr data-key=${JSON.stringify(d.key)}>
            ${keys.map((k, i) => (i === 0 ? html`<th scope="row" data-cell=${k}>${value(c, k, d.key[k])}</th>` : html`<td data-cell=${k}>${value(c, k, d.key[k])}</td>`))}
            <td data-side="replay">${side(c, d, 'replay')}</td>
            <td data-side="live">${side(c, d, 'live')}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function asOfText(c: ReportContext, asOf: Partial<{ position: string; time: string }> | undefined) {
  if (asOf?.time) return c.msg('replay.asOfTime', { time: chinaDateTime(asOf.time) ?? asOf.time });
  return c.msg('replay.asOfPosition', { position: asOf?.position ?? '—' });
}

function pollNote(c: ReportContext) {
  const e = c.pollError;
  if (!e) return nothing;
  if (e.retrying) return html`<p class="warning" data-testid="poll-error">${c.msg('replay.pollRetrying', { message: e.message })}</p>`;
  return html`<div class="load-error" role="alert" data-testid="poll-error">
    <p>${e.message}</p>
    <button type="button" @click=${c.retry}>${c.msg('retry')}</button>
  </div>`;
}

export function replayReport(c: ReportContext) {
  const report = c.report;
  const projection = report?.projection ?? '';
  const status = report?.status ?? 'running';
  const label = projectionLabel(c.msg, projection || '—');
  return html`<section class="replay-report" part="replay" data-replay-id=${report?.replayId ?? c.started?.replayId ?? ''} data-status=${status}
    aria-labelledby="replay-title">
    <h3 id="replay-title" tabindex="-1">${c.msg('replay.reportTitle', { projection: label })}</h3>
    <dl class="facts" aria-label=${c.msg('replay.facts')}>
      <dt>${c.msg('replay.asOf')}</dt>
      <dd>${asOfText(c, report?.asOf ?? c.started?.asOf)}</dd>
      <dt>${c.msg('replay.foldedUpTo')}</dt>
      <dd><code class="position">${report?.position ?? c.started?.position ?? '—'}</code></dd>
      <dt>${c.msg('replay.status')}</dt>
      <dd><span class="tag ${status}" data-status=${status}>${c.msg(`replay.status.${status}`)}</span></dd>
    </dl>
    ${pollNote(c)}
    ${!report && !c.pollError ? loading(c.msg) : nothing}
    ${status === 'running' && report
      ? html`<div class="progress" data-testid="replay-progress">
          <progress aria-label=${c.msg('replay.progressLabel')}></progress>
          <span>${c.msg('replay.running')}</span>
        </div>`
      : nothing}
    ${status === 'failed' ? html`<p class="load-error" role="alert" data-testid="replay-failed">${c.msg('replay.failed', { error: report?.error ?? '—' })}</p>` : nothing}
    ${status === 'completed' && report
      ? html`${rowsTable(c, report)}
          <div class="report-actions">
            <button type="button" data-action="compare" aria-busy=${c.diffing ? 'true' : 'false'} @click=${c.compare}>
              ${c.diffing ? c.msg('replay.comparing') : c.msg('replay.compare')}
            </button>
          </div>
          ${c.diffError ? html`<div class="load-error" role="alert" data-testid="diff-error"><p>${c.diffError}</p></div>` : nothing}
          ${differencesTable(c, report)}`
      : nothing}
  </section>`;
}
