// Row templates of <jxjy-task-inbox>: a task's cells and actions, and the inline reject-reason form.
// Kept apart from the element so the component file stays about state and requests.
import { html, nothing } from 'lit';
import type { TaskItem } from '../api/types.js';
import type { Lang, MessageKey } from '../i18n/messages.js';

export const KIND_LABELS: Readonly<Record<string, MessageKey>> = {
  'org-approval': 'kindOrgApproval',
  'binding-confirmation': 'kindBindingConfirmation',
  'credit-review': 'kindCreditReview',
  'enrolment-review': 'kindEnrolmentReview',
};
const COLUMNS = 7;

/** What a row needs from the inbox: its language, its decision state and its handlers. */
export interface RowContext {
  lang: Lang;
  msg(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  deciding: string | undefined;
  rejecting: string | undefined;
  reasonError: string | undefined;
  approve(t: TaskItem): void;
  toggleReject(t: TaskItem): void;
  submitReason(e: SubmitEvent, t: TaskItem): void;
}

function time(c: RowContext, iso: string | null | undefined, withTime: boolean) {
  const date = iso ? new Date(iso) : undefined;
  if (!iso || !date || Number.isNaN(date.getTime())) return html`<span aria-label=${c.msg('none')}>—</span>`;
  const fmt = new Intl.DateTimeFormat(c.lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  return html`<time datetime=${iso}>${fmt.format(date)}</time>`;
}

function statusCell(c: RowContext, t: TaskItem) {
  if (t.status === 'open') {
    return html`<span class="tag">${c.msg('taskOpen')}</span>${t.escalated
        ? html` <span class="tag warning">${c.msg('taskEscalated')}</span>`
        : nothing}`;
  }
  const label = t.decision === 'approve' ? 'decisionApproved' : t.decision === 'reject' ? 'decisionRejected' : 'taskClosed';
  return html`<span class="tag ${t.decision ?? ''}">${c.msg(label)}</span>
    ${t.reason ? html`<div class="reason">${c.msg('reasonLabel')}：${t.reason}</div>` : nothing}`;
}

/** A task's row, followed by its reject-reason row while that form is open. */
export function taskRow(t: TaskItem, c: RowContext) {
  const busy = c.deciding === t.taskId;
  const open = c.rejecting === t.taskId;
  const kind = KIND_LABELS[t.kind];
  return html`<tr data-task-id=${t.taskId} aria-busy=${busy ? 'true' : 'false'}>
      <th scope="row">${t.subject.title}</th>
      <td>${kind ? c.msg(kind) : t.kind}</td>
      <td>${t.requestedBy.name}</td>
      <td>${time(c, t.createdAt, true)}</td>
      <td>${time(c, t.dueAt, false)}</td>
      <td>${statusCell(c, t)}</td>
      <td class="actions" part="actions">
        ${t.status === 'open'
          ? html`<button
                type="button"
                class="primary small"
                data-action="approve"
                aria-busy=${busy && !open ? 'true' : 'false'}
                aria-label=${c.msg('approveTask', { title: t.subject.title })}
                @click=${() => c.approve(t)}
              >
                ${c.msg('approve')}
              </button>
              <button
                type="button"
                class="danger small"
                data-action="reject"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${open ? 'reason-form' : nothing}
                aria-label=${c.msg('rejectTask', { title: t.subject.title })}
                @click=${() => c.toggleReject(t)}
              >
                ${c.msg('reject')}
              </button>`
          : nothing}
      </td>
    </tr>
    ${open ? reasonRow(c, t, busy) : nothing}`;
}

function reasonRow(c: RowContext, t: TaskItem, busy: boolean) {
  const error = c.reasonError;
  return html`<tr class="reason-row">
    <td colspan=${COLUMNS}>
      <form id="reason-form" class="reason-form" part="reason-form" novalidate @submit=${(e: SubmitEvent) => c.submitReason(e, t)}>
        <label class="required" for="reason-input">${c.msg('rejectReason', { title: t.subject.title })}</label>
        <textarea
          id="reason-input"
          name="reason"
          rows="3"
          maxlength="500"
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'reason-error' : nothing}
        ></textarea>
        ${error ? html`<p id="reason-error" class="error-text" role="alert">${error}</p>` : nothing}
        <div class="reason-actions">
          <button type="submit" class="danger-solid small" aria-busy=${busy ? 'true' : 'false'}>${c.msg('confirmReject')}</button>
          <button type="button" class="small" @click=${() => c.toggleReject(t)}>${c.msg('cancel')}</button>
        </div>
      </form>
    </td>
  </tr>`;
}
