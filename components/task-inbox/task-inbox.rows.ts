// Row templates of <jxjy-task-inbox>: a task's cells and actions, and the inline step that confirms a decision
// (a yes/no question to approve, a required reason to reject). Kept apart from the element so the component
// file stays about state and requests.
import { html, nothing } from 'lit';
import type { TaskKind } from '../../events/vocabulary/index.js';
import type { BindingTaskDetails, CreditAttachment, Decision, TaskItem } from '../api/types.js';
import type { CoreKey, Lang, Params } from '../i18n/messages.js';
import { creditDetails, creditRow, creditSubject } from './task-inbox.credit.js';
import { enrolmentDetails, enrolmentRow, enrolmentSubject, type ClassFact } from './task-inbox.enrolment.js';
import type { TaskInboxKey } from './task-inbox.messages.js';

/** Typed by the vocabulary's kinds, so a new kind without a label fails tsc. */
export const KIND_LABELS: Readonly<Record<TaskKind, TaskInboxKey>> = {
  'org-approval': 'kindOrgApproval',
  'binding-confirmation': 'kindBindingConfirmation',
  'credit-review': 'kindCreditReview',
  'enrolment-review': 'kindEnrolmentReview',
};
const COLUMNS = 7;
const FORM_ID: Readonly<Record<Decision, string>> = { approve: 'approve-form', reject: 'reason-form' };

/** The decision whose confirmation step is open, and for which task. */
export interface Confirming {
  taskId: string;
  decision: Decision;
}

/** What a row needs from the inbox: its language, its decision state and its handlers. */
export interface RowContext {
  lang: Lang;
  msg(key: TaskInboxKey | CoreKey, params?: Params): string;
  deciding: string | undefined;
  confirming: Confirming | undefined;
  reasonError: string | undefined;
  /** Opens (or, when open, closes) the confirmation step of `decision`. */
  toggle(t: TaskItem, decision: Decision): void;
  cancel(t: TaskItem, decision: Decision): void;
  confirm(e: SubmitEvent, t: TaskItem, decision: Decision): void;
  /** The attachment whose download is in flight. */
  downloading: string | undefined;
  /** Fetches a credit task's evidence with the token and saves it. */
  download(t: TaskItem, attachment: CreditAttachment): void;
  /** What the inbox has read of an enrolment task's class (its seats now). */
  classFact(classId: string): ClassFact | undefined;
}

function time(c: RowContext, iso: string | null | undefined, withTime: boolean) {
  const date = iso ? new Date(iso) : undefined;
  if (!iso || !date || Number.isNaN(date.getTime())) return html`<span aria-label=${c.msg('none')}>—</span>`;
  const fmt = new Intl.DateTimeFormat(c.lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  return html`<time datetime=${iso}>${fmt.format(date)}</time>`;
}

/** A binding task's facts about the person, when the task carries them (older tasks may not). */
function bindingDetails(t: TaskItem): Partial<BindingTaskDetails> | undefined {
  if (t.kind !== 'binding-confirmation' || !t.details) return undefined;
  const { personName, idNumberMasked, jobChange } = t.details;
  return {
    ...(typeof personName === 'string' ? { personName } : {}),
    ...(typeof idNumberMasked === 'string' ? { idNumberMasked } : {}),
    jobChange: jobChange === true,
  };
}

/**
 * The row header: the subject; for a binding the person's masked ID number and whether it is a job change; for a
 * credit record the person and any overlap (task-inbox.credit.ts); for an enrolment the class and the person
 * (task-inbox.enrolment.ts).
 */
function subjectCell(c: RowContext, t: TaskItem) {
  const credit = creditDetails(t);
  if (credit) return creditSubject(c, t, credit);
  const enrolment = enrolmentDetails(t);
  if (enrolment) return enrolmentSubject(c, t, enrolment);
  const binding = bindingDetails(t);
  if (!binding) return html`<th scope="row">${t.subject.title}</th>`;
  return html`<th scope="row">
    ${binding.personName ?? t.subject.title}
    <div class="subject-details">
      ${binding.idNumberMasked ? html`<span class="id-number">${c.msg('idNumberMasked', { id: binding.idNumberMasked })}</span>` : nothing}
      ${binding.jobChange ? html`<span class="tag warning" data-tag="job-change">${c.msg('jobChangeTag')}</span>` : nothing}
    </div>
  </th>`;
}

function statusCell(c: RowContext, t: TaskItem) {
  if (t.status === 'open') {
    return html`<span class="tag">${c.msg('taskOpen')}</span>${t.remindedAt
        ? html` <span class="tag warning" data-tag="reminded">${c.msg('taskReminded')}</span>`
        : nothing}${t.escalated ? html` <span class="tag warning" data-tag="escalated">${c.msg('taskEscalated')}</span>` : nothing}`;
  }
  const label = t.decision === 'approve' ? 'decisionApproved' : t.decision === 'reject' ? 'decisionRejected' : 'taskClosed';
  return html`<span class="tag ${t.decision ?? ''}">${c.msg(label)}</span>
    ${t.reason ? html`<div class="reason">${c.msg('reasonLabel')}：${t.reason}</div>` : nothing}`;
}

function actionButton(c: RowContext, t: TaskItem, decision: Decision) {
  const open = c.confirming?.taskId === t.taskId && c.confirming.decision === decision;
  const approve = decision === 'approve';
  return html`<button
    type="button"
    class=${approve ? 'primary small' : 'danger small'}
    data-action=${decision}
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${open ? FORM_ID[decision] : nothing}
    aria-label=${c.msg(approve ? 'approveTask' : 'rejectTask', { title: t.subject.title })}
    @click=${() => c.toggle(t, decision)}
  >
    ${c.msg(approve ? 'approve' : 'reject')}
  </button>`;
}

/** A task's row, followed by its confirmation step while that is open. */
export function taskRow(t: TaskItem, c: RowContext) {
  const busy = c.deciding === t.taskId;
  const step = c.confirming?.taskId === t.taskId ? c.confirming.decision : undefined;
  const kind = (KIND_LABELS as Readonly<Record<string, TaskInboxKey>>)[t.kind];
  const credit = creditDetails(t);
  const enrolment = enrolmentDetails(t);
  return html`<tr data-task-id=${t.taskId} aria-busy=${busy ? 'true' : 'false'}>
      ${subjectCell(c, t)}
      <td>${kind ? c.msg(kind) : t.kind}</td>
      <td>${t.requestedBy.name}</td>
      <td>${time(c, t.createdAt, true)}</td>
      <td>${time(c, t.dueAt, false)}</td>
      <td>${statusCell(c, t)}</td>
      <td class="actions" part="actions">
        ${t.status === 'open' ? html`${actionButton(c, t, 'approve')}${actionButton(c, t, 'reject')}` : nothing}
      </td>
    </tr>
    ${credit ? creditRow(c, t, credit, COLUMNS) : nothing} ${enrolment ? enrolmentRow(c, t, enrolment, COLUMNS) : nothing}
    ${step === 'approve' ? approveRow(c, t, busy) : step === 'reject' ? reasonRow(c, t, busy) : nothing}`;
}

/** Escape backs out of a confirmation step, as it would close a dialog. */
const escapeCancels = (c: RowContext, t: TaskItem, decision: Decision) => (e: KeyboardEvent) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    c.cancel(t, decision);
  }
};

function approveRow(c: RowContext, t: TaskItem, busy: boolean) {
  return html`<tr class="confirm-row">
    <td colspan=${COLUMNS}>
      <form
        id="approve-form"
        class="confirm-form"
        part="confirm-form"
        aria-labelledby="approve-question"
        @submit=${(e: SubmitEvent) => c.confirm(e, t, 'approve')}
        @keydown=${escapeCancels(c, t, 'approve')}
      >
        <p id="approve-question">${c.msg('approveQuestion', { title: t.subject.title })}</p>
        <div class="confirm-actions">
          <button id="approve-confirm" type="submit" class="primary small" aria-describedby="approve-question" aria-busy=${busy ? 'true' : 'false'}>
            ${c.msg('confirmApprove')}
          </button>
          <button type="button" class="small" @click=${() => c.cancel(t, 'approve')}>${c.msg('cancel')}</button>
        </div>
      </form>
    </td>
  </tr>`;
}

function reasonRow(c: RowContext, t: TaskItem, busy: boolean) {
  const error = c.reasonError;
  return html`<tr class="confirm-row">
    <td colspan=${COLUMNS}>
      <form
        id="reason-form"
        class="confirm-form"
        part="reason-form"
        novalidate
        @submit=${(e: SubmitEvent) => c.confirm(e, t, 'reject')}
        @keydown=${escapeCancels(c, t, 'reject')}
      >
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
        <div class="confirm-actions">
          <button type="submit" class="danger-solid small" aria-busy=${busy ? 'true' : 'false'}>${c.msg('confirmReject')}</button>
          <button type="button" class="small" @click=${() => c.cancel(t, 'reject')}>${c.msg('cancel')}</button>
        </div>
      </form>
    </td>
  </tr>`;
}
