// The detail screen of <jxjy-credit-records>: one record's facts and status (a rejection's reason, what happens
// next), its evidence with download, remove and an upload with a progress bar, the actions its status allows
// (修改 / 确认送审, or 撤回), its history of decisions, and under 查看记录 its tamper-evident timeline. Plain templates over
// what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CreditAttachment, CreditRecord } from '../api/types.js';
import type { Embedding } from '../base/jxjy-element.js';
import type { Lang } from '../i18n/messages.js';
import { embeddedTimeline } from '../timeline/timeline.embed.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import { dateRange, statusTag, type Msg } from './credit-records.list.js';

/** PDF, JPEG or PNG: what the server accepts (it judges the bytes; this only guides the file picker). */
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

export const isEditable = (record: CreditRecord) => record.status === 'draft' || record.status === 'rejected';

export interface DetailContext {
  lang: Lang;
  msg: Msg;
  record: CreditRecord;
  /** The command in flight: 'submit', 'withdraw', 'remove:<id>' or 'download:<id>'. */
  busy: string | undefined;
  upload: { filename: string; fraction: number } | undefined;
  fileError: string | undefined;
  /** What the record's timeline asks with (the element's configuration). */
  embedding: Embedding;
  back(): void;
  edit(): void;
  submit(): void;
  withdraw(): void;
  choose(event: Event): void;
  download(attachment: CreditAttachment): void;
  remove(attachment: CreditAttachment): void;
}

function outcome(c: DetailContext) {
  const { record: r, msg } = c;
  switch (r.status) {
    case 'rejected':
    case 'revoked':
      return html`<section class="panel rejected" part="rejection" aria-labelledby="outcome-title" data-testid="rejection">
        <h4 id="outcome-title">${msg(r.status === 'rejected' ? 'rejectedTitle' : 'revokedTitle')}</h4>
        ${r.reason ? html`<p><span class="label">${msg('reasonLabel')}：</span><span class="reason">${r.reason}</span></p>` : nothing}
        ${r.status === 'rejected' ? html`<p>${msg('rejectedHint')}</p>` : nothing}
      </section>`;
    case 'submitted':
      return html`<p class="panel hint-panel">${msg('submittedHint')}</p>`;
    case 'approved':
      return html`<p class="panel approved-panel">${msg('approvedHint')}</p>`;
    default:
      return nothing;
  }
}

function facts(c: DetailContext) {
  const { record: r, msg, lang } = c;
  return html`<dl class="facts" part="facts" aria-label=${msg('facts')}>
    <dt>${msg('year')}</dt>
    <dd>${msg('yearOption', { year: r.year })}</dd>
    <dt>${msg('category')}</dt>
    <dd>${creditLabel(lang, 'category', r.category)}</dd>
    <dt>${msg('mode')}</dt>
    <dd>${creditLabel(lang, 'mode', r.mode)}</dd>
    <dt>${msg('organizer')}</dt>
    <dd>${r.organizer || html`<span aria-label=${msg('none')}>—</span>`}</dd>
    <dt>${msg('dates')}</dt>
    <dd>${dateRange(r.startDate, r.endDate)}</dd>
    <dt>${msg('hours')}</dt>
    <dd data-testid="hours">${formatHours(lang, r.hours)}</dd>
  </dl>`;
}

function uploadField(c: DetailContext) {
  const { msg, upload, fileError } = c;
  const described = ['file-hint', fileError ? 'file-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field upload" part="upload">
    <label for="file">${msg('file')}</label>
    <input
      id="file"
      name="file"
      type="file"
      accept=${ACCEPT}
      ?disabled=${!!upload}
      aria-invalid=${fileError ? 'true' : 'false'}
      aria-describedby=${described}
      @change=${(e: Event) => c.choose(e)}
    />
    <p id="file-hint" class="hint">${msg('fileHint')}</p>
    ${upload
      ? html`<div class="progress" data-testid="upload-progress">
          <span>${msg('uploading', { filename: upload.filename })}</span>
          <progress max="100" value=${Math.round(upload.fraction * 100)} aria-label=${msg('uploadProgress', { filename: upload.filename })}></progress>
          <span class="percent">${Math.round(upload.fraction * 100)}%</span>
        </div>`
      : nothing}
    ${fileError ? html`<p id="file-error" class="error-text" role="alert">${fileError}</p>` : nothing}
  </div>`;
}

function attachments(c: DetailContext) {
  const { record: r, msg, busy } = c;
  const editable = isEditable(r);
  return html`<section class="attachments" aria-labelledby="attachments-title">
    <h4 id="attachments-title" tabindex="-1">${msg('attachments')}</h4>
    ${r.attachments.length
      ? html`<ul class="files">
          ${repeat(
            r.attachments,
            (a) => a.attachmentId,
            (a) => html`<li data-attachment-id=${a.attachmentId}>
              <span class="filename">${a.filename}</span>
              <span class="size">${msg('size', { size: Math.max(1, Math.round(a.size / 1024)) })}</span>
              <button type="button" class="small" data-action="download" aria-label=${msg('downloadFile', { filename: a.filename })}
                aria-busy=${busy === `download:${a.attachmentId}` ? 'true' : 'false'} @click=${() => c.download(a)}>${msg('download')}</button>
              ${editable
                ? html`<button type="button" class="danger small" data-action="remove" aria-label=${msg('removeFile', { filename: a.filename })}
                    aria-busy=${busy === `remove:${a.attachmentId}` ? 'true' : 'false'} @click=${() => c.remove(a)}>${msg('remove')}</button>`
                : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p class="empty-files">${msg('noAttachments')}</p>`}
    ${editable ? uploadField(c) : nothing}
  </section>`;
}

function actions(c: DetailContext) {
  const { record: r, msg, busy } = c;
  if (isEditable(r)) {
    return html`<div class="record-actions" part="actions">
      <button type="button" class="primary" data-action="submit" aria-busy=${busy === 'submit' ? 'true' : 'false'} @click=${() => c.submit()}>
        ${busy === 'submit' ? msg('submitting') : msg('submit')}
      </button>
      <button type="button" data-action="edit" @click=${() => c.edit()}>${msg('edit')}</button>
    </div>`;
  }
  if (r.status !== 'submitted') return nothing;
  return html`<div class="record-actions" part="actions">
    <button type="button" class="danger" data-action="withdraw" aria-busy=${busy === 'withdraw' ? 'true' : 'false'} @click=${() => c.withdraw()}>
      ${busy === 'withdraw' ? msg('withdrawing') : msg('withdraw')}
    </button>
  </div>`;
}

function history(c: DetailContext) {
  const entries = c.record.history ?? [];
  if (!entries.length) return nothing;
  const when = new Intl.DateTimeFormat(c.lang, { dateStyle: 'medium', timeStyle: 'short' });
  return html`<div class="table-wrap">
    <table class="history" part="history">
      <caption>
        ${c.msg('historyCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('historyAt')}</th>
          <th scope="col">${c.msg('historyEvent')}</th>
          <th scope="col">${c.msg('historyBy')}</th>
          <th scope="col">${c.msg('historyReason')}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) => html`<tr data-event=${e.event}>
            <td><time datetime=${e.at}>${Number.isNaN(Date.parse(e.at)) ? e.at : when.format(new Date(e.at))}</time></td>
            <th scope="row">${creditLabel(c.lang, 'history', e.event)}</th>
            <td>${creditLabel(c.lang, 'role', e.by.role)}</td>
            <td class="reason">${e.reason ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function detailView(c: DetailContext) {
  const { record: r, msg } = c;
  return html`<div class="detail" data-record-id=${r.recordId}>
    <button type="button" class="link back" data-action="back" @click=${() => c.back()}><span aria-hidden="true">←</span> ${msg('back')}</button>
    <h3 id="screen-title" tabindex="-1">${r.title} ${statusTag(c.lang, r.status)}</h3>
    ${outcome(c)} ${facts(c)} ${attachments(c)} ${actions(c)} ${history(c)}
    ${embeddedTimeline(c.embedding, { subject: 'credit-record', subjectId: r.recordId, version: `${r.status}|${r.updatedAt ?? ''}|${r.attachments.length}` })}
  </div>`;
}
