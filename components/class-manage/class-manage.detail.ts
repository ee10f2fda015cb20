// The detail screen of <jxjy-class-manage>: one class's facts and what its status means, the transition its status
// allows (开放报名, 截止报名, 重新开放报名), its roster, and — once closed and started — the completion form that ticks
// the approved enrollees who attended, with a confirmation naming what it grants. Plain templates over what the
// element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RosterEntry, TrainingClass } from '../api/types.js';
import type { Lang } from '../i18n/messages.js';
import { regionWithCode, seatsText } from '../shared/class.messages.js';
import { dateRange, moment, scrollBox, statusTag } from '../shared/class.view.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import type { Msg } from './class-manage.list.js';

export type Busy = 'open' | 'close' | 'complete' | undefined;

export interface DetailContext {
  lang: Lang;
  msg: Msg;
  klass: TrainingClass;
  /** Today as Guangdong counts it (YYYY-MM-DD): a class can be completed once its start date has come. */
  today: string;
  busy: Busy;
  /** The approved enrollees ticked as attending. */
  attendees: ReadonlySet<string>;
  /** The completion's confirmation step is open. */
  confirming: boolean;
  back(): void;
  refresh(): void;
  transition(action: 'open' | 'close'): void;
  tick(personId: string, on: boolean): void;
  tickAll(on: boolean): void;
  ask(): void;
  keep(): void;
  complete(): void;
}

const approvedOf = (roster: readonly RosterEntry[]) => roster.filter((r) => r.status === 'approved');
const count = (roster: readonly RosterEntry[], status: string) => roster.filter((r) => r.status === status).length;

function facts(c: DetailContext) {
  const { klass: k, msg, lang } = c;
  return html`<dl class="facts" part="facts" aria-label=${msg('facts')}>
    <dt>${msg('category')}</dt>
    <dd>${creditLabel(lang, 'category', k.category)}</dd>
    <dt>${msg('hours')}</dt>
    <dd data-cell="hours">${formatHours(lang, k.hours)}</dd>
    <dt>${msg('dates')}</dt>
    <dd>${dateRange(k.startDate, k.endDate)}</dd>
    <dt>${msg('capacity')}</dt>
    <dd data-cell="seats">${seatsText(lang, k)}</dd>
    <dt>${msg('region')}</dt>
    <dd>${regionWithCode(lang, k.regionCode)}</dd>
    <dt>${msg('description')}</dt>
    <dd class="reason">${k.description || msg('noDescription')}</dd>
  </dl>`;
}

function statusHint(c: DetailContext) {
  const { klass: k, msg } = c;
  const text = {
    draft: msg('hintDraft'),
    accepting: msg('hintAccepting'),
    closed: msg('hintClosed'),
    completed: msg('hintCompleted', { hours: formatHours(c.lang, k.hours), year: k.startDate.slice(0, 4) }),
  }[k.status];
  return html`<p class="panel" data-testid="status-hint">${text}</p>`;
}

function transitions(c: DetailContext) {
  const { klass: k, msg, busy } = c;
  const button = (action: 'open' | 'close', label: string, primary: boolean) =>
    html`<button type="button" class=${primary ? 'primary' : ''} data-action=${action} aria-busy=${busy === action ? 'true' : 'false'} @click=${() => c.transition(action)}>
      ${busy === action ? msg('working') : label}
    </button>`;
  if (k.status === 'draft') return html`<div class="record-actions" part="actions">${button('open', msg('open'), true)}</div>`;
  if (k.status === 'accepting') return html`<div class="record-actions" part="actions">${button('close', msg('close'), true)}</div>`;
  if (k.status === 'closed') return html`<div class="record-actions" part="actions">${button('open', msg('reopen'), false)}</div>`;
  return nothing;
}

function roster(c: DetailContext) {
  const { msg, lang } = c;
  const entries = c.klass.roster ?? [];
  const counts = { approved: count(entries, 'approved'), pending: count(entries, 'pending'), waitlisted: count(entries, 'waitlisted') };
  return html`<section class="roster" aria-labelledby="roster-title">
    <div class="section-head">
      <h4 id="roster-title" tabindex="-1">${msg('rosterTitle')}</h4>
      <button type="button" class="small" data-action="refresh" @click=${() => c.refresh()}>${msg('refresh')}</button>
    </div>
    ${entries.length
      ? html`<p class="sub" data-testid="roster-counts">${msg('rosterCounts', counts)}</p>
          ${scrollBox(
            msg('rosterCaption', { count: entries.length }),
            html`<table part="roster">
              <caption>
                ${msg('rosterCaption', { count: entries.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('personName')}</th>
                  <th scope="col">${msg('idNumber')}</th>
                  <th scope="col">${msg('requestedAt')}</th>
                  <th scope="col">${msg('status')}</th>
                  <th scope="col">${msg('decidedAt')}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  entries,
                  (r) => r.enrolmentId,
                  (r) => html`<tr data-person-id=${r.personId}>
                    <th scope="row">${r.name}</th>
                    <td class="id-number">${r.idNumberMasked}</td>
                    <td>${moment(lang, r.requestedAt, msg('none'))}</td>
                    <td>
                      ${statusTag(lang, 'enrolment', r.status)}
                      ${r.reason ? html`<div class="sub reason">${msg('reasonLabel')}：${r.reason}</div>` : nothing}
                    </td>
                    <td>${moment(lang, r.decidedAt, msg('none'))}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`,
          )}`
      : html`<p class="empty">${msg('rosterEmpty')}</p>`}
  </section>`;
}

function completionForm(c: DetailContext) {
  const { klass: k, msg, lang } = c;
  const approved = approvedOf(k.roster ?? []);
  const unsettled = { pending: count(k.roster ?? [], 'pending'), waitlisted: count(k.roster ?? [], 'waitlisted') };
  const ticked = approved.filter((r) => c.attendees.has(r.personId)).length;
  const confirming = c.confirming;
  return html`<form class="completion" part="completion" novalidate @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      if (confirming) c.complete();
      else c.ask();
    }}>
    ${unsettled.pending || unsettled.waitlisted ? html`<p class="panel warning" role="note">${msg('unsettledWarning', unsettled)}</p>` : nothing}
    ${approved.length
      ? html`<fieldset ?disabled=${confirming}>
          <legend>${msg('attendeesLegend')}</legend>
          <div class="tick-all">
            <button type="button" class="small" data-action="tick-all" @click=${() => c.tickAll(true)}>${msg('selectAll')}</button>
            <button type="button" class="small" data-action="tick-none" @click=${() => c.tickAll(false)}>${msg('selectNone')}</button>
          </div>
          <ul class="attendees">
            ${approved.map(
              (r) => html`<li>
                <input type="checkbox" id="attendee-${r.personId}" name="attendee" value=${r.personId} .checked=${c.attendees.has(r.personId)}
                  @change=${(e: Event) => c.tick(r.personId, (e.target as HTMLInputElement).checked)} />
                <label for="attendee-${r.personId}">${msg('attendeeOption', { name: r.name, id: r.idNumberMasked })}</label>
              </li>`,
            )}
          </ul>
        </fieldset>`
      : html`<p class="hint">${msg('noApproved')}</p>`}
    ${confirming
      ? html`<div class="confirm-form" part="confirm-form" @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          c.keep();
        }}>
          <p id="complete-question">
            ${msg('completeQuestion', {
              title: k.title, count: ticked, hours: formatHours(lang, k.hours), category: creditLabel(lang, 'category', k.category),
              year: k.startDate.slice(0, 4), absent: approved.length - ticked,
            })}
          </p>
          <div class="confirm-actions">
            <button id="complete-confirm" type="submit" class="primary small" aria-describedby="complete-question" aria-busy=${c.busy === 'complete' ? 'true' : 'false'}>
              ${c.busy === 'complete' ? msg('completing') : msg('confirmComplete')}
            </button>
            <button type="button" class="small" data-action="keep" @click=${() => c.keep()}>${msg('backToEdit')}</button>
          </div>
        </div>`
      : html`<div class="record-actions"><button type="submit" class="primary" data-action="complete">${msg('complete')}</button></div>`}
  </form>`;
}

function completion(c: DetailContext) {
  const { klass: k, msg } = c;
  if (k.status !== 'closed') return nothing;
  return html`<section class="complete" aria-labelledby="complete-title">
    <h4 id="complete-title">${msg('completeTitle')}</h4>
    ${c.today < k.startDate ? html`<p class="panel" data-testid="not-started">${msg('notStarted', { date: k.startDate })}</p>` : completionForm(c)}
  </section>`;
}

export function detailView(c: DetailContext) {
  const { klass: k, msg } = c;
  return html`<div class="detail" data-class-id=${k.classId}>
    <button type="button" class="link back" data-action="back" @click=${() => c.back()}><span aria-hidden="true">←</span> ${msg('back')}</button>
    <h3 id="screen-title" tabindex="-1">${k.title} ${statusTag(c.lang, 'class', k.status)}</h3>
    ${statusHint(c)} ${facts(c)} ${transitions(c)} ${completion(c)} ${roster(c)}
  </div>`;
}
