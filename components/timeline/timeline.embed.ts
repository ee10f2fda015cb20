// How a screen shows the history of the subject it displays: a collapsible <jxjy-timeline> under it that asks as the
// screen asks (its api-base, language and token), reads nothing until opened, and reads again when `version` moves.
import { html } from 'lit';
import type { TimelineSubject } from '../api/audit.types.js';
import type { Embedding } from '../base/jxjy-element.js';
import './timeline.js';

export interface EmbeddedTimeline {
  subject: TimelineSubject;
  /** Empty for a binding: the signed-in person's own. */
  subjectId?: string;
  /** Changes when the subject does, so an opened timeline shows the change. */
  version?: string;
  /** Names the subject when several share a page. */
  label?: string;
}

export const embeddedTimeline = (from: Embedding, t: EmbeddedTimeline) =>
  html`<div class="record-history">
    <jxjy-timeline
      collapsible
      subject=${t.subject}
      subject-id=${t.subjectId ?? ''}
      label=${t.label ?? ''}
      .version=${t.version ?? ''}
      .apiBase=${from.apiBase}
      .lang=${from.lang}
      .token=${from.token}
      .tokenProvider=${from.tokenProvider}
    ></jxjy-timeline>
  </div>`;
