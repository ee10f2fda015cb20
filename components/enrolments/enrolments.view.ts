// Templates of <jxjy-enrolments>: one card per enrolment — the class, where the enrolment stands, its progress,
// 取消报名 with its confirmation step while the class has not started, and under 查看记录 its tamper-evident timeline.
// Plain templates over what the element passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../i18n/messages.js';
import type { TimedEnrolment } from '../api/types.js';
import type { Embedding } from '../base/jxjy-element.js';
import { embeddedTimeline } from '../timeline/timeline.embed.js';
import { dateRange, pager, statusTag, type More } from '../shared/class.view.js';
import { creditLabel, formatHours } from '../shared/credit.messages.js';
import { timeline, type Msg } from './enrolments.timeline.js';

/** Holding or waiting for a seat, or approved: what a person may still cancel (DOMAIN.md Enrolment). */
export const isActive = (e: TimedEnrolment) => e.status === 'waitlisted' || e.status === 'pending' || e.status === 'approved';

export interface CardContext {
  lang: Lang;
  msg: Msg;
  /** Today as Guangdong counts it (YYYY-MM-DD): an enrolment can be cancelled only before its class's start date. */
  today: string;
  /** The enrolment whose cancel confirmation is open. */
  confirming: string | undefined;
  /** The enrolment whose cancellation is in flight. */
  cancelling: string | undefined;
  /** What each enrolment's timeline asks with (the element's configuration). */
  embedding: Embedding;
  ask(e: TimedEnrolment): void;
  keep(e: TimedEnrolment): void;
  cancel(e: TimedEnrolment): void;
}

function cancelPart(c: CardContext, e: TimedEnrolment) {
  if (!isActive(e)) return nothing;
  if (c.today >= e.class.startDate) return html`<p class="hint">${c.msg('startedNoCancel')}</p>`;
  const open = c.confirming === e.enrolmentId;
  const busy = c.cancelling === e.enrolmentId;
  const formId = `cancel-form-${e.enrolmentId}`;
  return html`<div class="card-actions" part="actions">
      <button
        type="button"
        class="danger small"
        data-action="cancel"
        aria-label=${c.msg('cancelEnrolmentOf', { title: e.class.title })}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? formId : nothing}
        @click=${() => (open ? c.keep(e) : c.ask(e))}
      >
        ${c.msg('cancelEnrolment')}
      </button>
    </div>
    ${open
      ? html`<form
          id=${formId}
          class="confirm-form"
          part="confirm-form"
          aria-labelledby="${formId}-question"
          @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            c.cancel(e);
          }}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            c.keep(e);
          }}
        >
          <p id="${formId}-question">${c.msg('cancelQuestion', { title: e.class.title })}</p>
          <div class="confirm-actions">
            <button type="submit" class="danger-solid small" data-action="confirm-cancel" aria-describedby="${formId}-question" aria-busy=${busy ? 'true' : 'false'}>
              ${busy ? c.msg('cancelling') : c.msg('confirmCancel')}
            </button>
            <button type="button" class="small" @click=${() => c.keep(e)}>${c.msg('keepEnrolment')}</button>
          </div>
        </form>`
      : nothing}`;
}

function card(c: CardContext, e: TimedEnrolment) {
  const { lang, msg } = c;
  const titleId = `title-${e.enrolmentId}`;
  return html`<li>
    <article class="card" data-enrolment-id=${e.enrolmentId} data-class-id=${e.class.classId} aria-labelledby=${titleId}>
      <h3 id=${titleId}>${e.class.title} ${statusTag(lang, 'enrolment', e.status)}</h3>
      <dl class="facts">
        <dt>${msg('institution')}</dt>
        <dd>${e.class.institutionName}</dd>
        <dt>${msg('category')}</dt>
        <dd>${creditLabel(lang, 'category', e.class.category)}</dd>
        <dt>${msg('hours')}</dt>
        <dd data-cell="hours">${msg('hoursValue', { hours: formatHours(lang, e.class.hours) })}</dd>
        <dt>${msg('dates')}</dt>
        <dd>${dateRange(e.class.startDate, e.class.endDate)}</dd>
      </dl>
      ${timeline(lang, msg, e)} ${cancelPart(c, e)}
      ${embeddedTimeline(c.embedding, { subject: 'enrolment', subjectId: e.enrolmentId, label: e.class.title, version: `${e.status}|${e.decidedAt ?? ''}` })}
    </article>
  </li>`;
}

export function enrolmentList(c: CardContext, rows: readonly TimedEnrolment[], more: More | undefined) {
  return html`<p class="count">${c.msg('countShown', { count: rows.length })}</p>
    <ul class="cards" aria-label=${c.msg('listLabel')}>
      ${repeat(rows, (e) => e.enrolmentId, (e) => card(c, e))}
    </ul>
    ${pager(more, c.msg('loadMore'), c.msg('loading'))}`;
}
