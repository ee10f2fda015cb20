// What a `credit-review` task shows the unit in <jxjy-task-inbox>: in the row header the record's title, the person
// (name and masked ID number) and a 重复/重叠申报 tag; below the row the declared facts, the evidence as download
// buttons (fetched with the token) and, when the person has other records on the same dates or the same record
// twice, a warning naming each of them.
import { html, nothing } from 'lit';
import type { CreditAttachment, CreditOverlap, CreditTaskDetails, TaskItem } from '../api/types.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { RowContext } from './task-inbox.rows.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isAttachment = (v: unknown): v is CreditAttachment =>
  isRecord(v) && typeof v['attachmentId'] === 'string' && typeof v['filename'] === 'string';
const isOverlap = (v: unknown): v is CreditOverlap =>
  isRecord(v) && typeof v['recordId'] === 'string' && typeof v['title'] === 'string' && typeof v['startDate'] === 'string';

/** A credit task's details, when the task carries them (the shape is checked: it comes from the server as JSON). */
export function creditDetails(t: TaskItem): CreditTaskDetails | undefined {
  const d = t.details;
  if (t.kind !== 'credit-review' || !d) return undefined;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  return {
    personName: str('personName'),
    idNumberMasked: str('idNumberMasked'),
    year: typeof d['year'] === 'number' ? d['year'] : 0,
    category: str('category'),
    mode: str('mode'),
    startDate: str('startDate'),
    endDate: str('endDate'),
    hours: typeof d['hours'] === 'number' ? d['hours'] : 0,
    attachments: Array.isArray(d['attachments']) ? d['attachments'].filter(isAttachment) : [],
    overlaps: Array.isArray(d['overlaps']) ? d['overlaps'].filter(isOverlap) : [],
  };
}

const dates = (start: string, end: string) => (start === end ? start : `${start} – ${end}`);

export function creditSubject(c: RowContext, t: TaskItem, d: CreditTaskDetails) {
  return html`<th scope="row">
    ${t.subject.title}
    <div class="subject-details">
      <span class="person">${d.personName || t.requestedBy.name}</span>
      ${d.idNumberMasked ? html`<span class="id-number">${c.msg('idNumberMasked', { id: d.idNumberMasked })}</span>` : nothing}
      ${d.overlaps.length ? html`<span class="tag warning" data-tag="overlap">${c.msg('overlapTag')}</span>` : nothing}
    </div>
  </th>`;
}

function overlaps(c: RowContext, d: CreditTaskDetails) {
  if (!d.overlaps.length) return nothing;
  return html`<div class="overlap-warning" part="overlap" role="note" data-testid="overlap-warning">
    <p class="overlap-title"><span aria-hidden="true">⚠</span> ${c.msg('overlapTitle')}</p>
    <ul>
      ${d.overlaps.map(
        (o) => html`<li data-overlap-id=${o.recordId}>
          ${c.msg(o.duplicate ? 'overlapDuplicate' : 'overlapDates', {
            title: o.title,
            dates: dates(o.startDate, o.endDate),
            status: creditLabel(c.lang, 'status', o.status),
          })}
        </li>`,
      )}
    </ul>
  </div>`;
}

function attachments(c: RowContext, t: TaskItem, d: CreditTaskDetails) {
  if (!d.attachments.length) return html`<span class="muted">${c.msg('creditNoAttachments')}</span>`;
  return html`<ul class="files">
    ${d.attachments.map(
      (a) => html`<li>
        <button
          type="button"
          class="link"
          data-action="download"
          data-attachment-id=${a.attachmentId}
          aria-label=${c.msg('downloadFile', { filename: a.filename })}
          aria-busy=${c.downloading === a.attachmentId ? 'true' : 'false'}
          @click=${() => c.download(t, a)}
        >
          ${a.filename}
        </button>
      </li>`,
    )}
  </ul>`;
}

/** The row under a credit task's row: its facts, evidence and overlap warning. */
export function creditRow(c: RowContext, t: TaskItem, d: CreditTaskDetails, columns: number) {
  return html`<tr class="details-row" data-details-for=${t.taskId}>
    <td colspan=${columns} part="credit-details">
      <dl class="credit-facts" aria-label=${c.msg('creditFacts')}>
        <div><dt>${c.msg('creditYear')}</dt><dd>${c.msg('creditYearValue', { year: d.year })}</dd></div>
        <div><dt>${c.msg('creditCategory')}</dt><dd>${creditLabel(c.lang, 'category', d.category)}</dd></div>
        <div><dt>${c.msg('creditMode')}</dt><dd>${creditLabel(c.lang, 'mode', d.mode)}</dd></div>
        <div><dt>${c.msg('creditHours')}</dt><dd data-cell="hours">${formatHours(c.lang, d.hours)}</dd></div>
        <div><dt>${c.msg('creditDates')}</dt><dd>${dates(d.startDate, d.endDate)}</dd></div>
        <div><dt>${c.msg('creditAttachments')}</dt><dd>${attachments(c, t, d)}</dd></div>
      </dl>
      ${overlaps(c, d)}
    </td>
  </tr>`;
}
