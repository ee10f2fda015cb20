// Templates of <jxjy-audit>'s 事件日志: the events table (one row per event, its details — hashes, data, metadata —
// opened in place below it), the pager, and a stream with its chain's verdict. Plain templates over what the log
// controller passes in.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AuditEvent, AuditStream } from '../api/audit.types.js';
import type { Lang } from '../i18n/messages.js';
import { chinaMoment } from '../shared/china-time.js';
import { count, problemText, roleText, type Msg } from './audit.shared.js';

export interface RowContext {
  lang: Lang;
  msg: Msg;
  expanded: ReadonlySet<string>;
  toggle(event: AuditEvent): void;
  openStream(streamId: string): void;
  replayAt(position: string): void;
}

const json = (value: unknown) => JSON.stringify(value ?? null, null, 2);

function actor(c: RowContext, e: AuditEvent) {
  const a = e.metadata.actor;
  if (!a) return roleText(c.msg, 'system');
  return html`${roleText(c.msg, a.role)} ${a.id ? html`<code class="id">${a.id}</code>` : nothing}`;
}

function details(c: RowContext, e: AuditEvent, columns: number) {
  return html`<tr class="details" id="details-${e.eventId}" data-details-of=${e.eventId}>
    <td colspan=${columns}>
      <dl class="hashes">
        <dt>${c.msg('log.eventId')}</dt>
        <dd><code>${e.eventId}</code></dd>
        <dt>${c.msg('log.recordedAt')}</dt>
        <dd><code>${e.recordedAt}</code></dd>
        <dt>${c.msg('log.prevHash')}</dt>
        <dd>${e.prevHash ? html`<code data-field="prevHash">${e.prevHash}</code>` : c.msg('log.prevHashNone')}</dd>
        <dt>${c.msg('log.hash')}</dt>
        <dd><code data-field="hash">${e.hash}</code></dd>
      </dl>
      ${e.redacted ? html`<p class="warning" data-testid="redacted">${c.msg('log.redacted')}</p>` : nothing}
      <div class="json-pair">
        <div>
          <p class="json-title">${c.msg('log.data')}</p>
          <pre data-field="data">${json(e.data)}</pre>
        </div>
        <div>
          <p class="json-title">${c.msg('log.metadata')}</p>
          <pre data-field="metadata">${json(e.metadata)}</pre>
        </div>
      </div>
      <button type="button" class="small" data-action="replay-here" @click=${() => c.replayAt(e.position)}>${c.msg('log.replayHere')}</button>
    </td>
  </tr>`;
}

function row(c: RowContext, e: AuditEvent, showStream: boolean) {
  const open = c.expanded.has(e.eventId);
  const columns = showStream ? 7 : 6;
  return html`<tr data-event-id=${e.eventId} data-type=${e.type} class=${open ? 'open' : ''}>
      <th scope="row"><code class="position">${e.position}</code></th>
      <td class="nowrap">${chinaMoment(e.recordedAt)}</td>
      <td class="type">${e.type}</td>
      ${showStream
        ? html`<td>
            <button type="button" class="link" data-action="open-stream" data-stream=${e.streamId}
              aria-label=${c.msg('log.openStream', { stream: e.streamId })} @click=${() => c.openStream(e.streamId)}>${e.streamId}</button>
          </td>`
        : nothing}
      <td class="num">${e.revision}</td>
      <td>${actor(c, e)}</td>
      <td class="actions">
        <button type="button" class="small" data-action="details" aria-expanded=${open ? 'true' : 'false'} aria-controls="details-${e.eventId}"
          aria-label=${c.msg('log.showDetails', { position: e.position })} @click=${() => c.toggle(e)}>${c.msg('log.details')}</button>
      </td>
    </tr>
    ${open ? details(c, e, columns) : nothing}`;
}

export function eventTable(c: RowContext, events: readonly AuditEvent[], caption: string, { showStream = true } = {}) {
  return html`<div class="table-wrap">
    <table part="table" class="events">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${c.msg('log.position')}</th>
          <th scope="col">${c.msg('chinaTimeCol')}</th>
          <th scope="col">${c.msg('log.type.col')}</th>
          ${showStream ? html`<th scope="col">${c.msg('log.stream')}</th>` : nothing}
          <th scope="col" class="num">${c.msg('log.revision')}</th>
          <th scope="col">${c.msg('log.actor')}</th>
          <th scope="col">${c.msg('log.details')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(events, (e) => e.eventId, (e) => row(c, e, showStream))}
      </tbody>
    </table>
  </div>`;
}

export interface PagerContext {
  msg: Msg;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  previous(): void;
  next(): void;
}

export function pager(p: PagerContext) {
  return html`<nav class="pager" part="pager" aria-label=${p.msg('log.pager')}>
    <button type="button" data-action="previous" ?disabled=${!p.hasPrevious || p.busy} @click=${p.previous}>${p.msg('log.previous')}</button>
    <span class="page" aria-live="polite" data-testid="page">${p.msg('log.pageOf', { page: p.page })}</span>
    <button type="button" data-action="next" ?disabled=${!p.hasNext || p.busy} @click=${p.next}>${p.msg('log.next')}</button>
  </nav>`;
}

export function chainVerdict(c: { lang: Lang; msg: Msg }, stream: AuditStream) {
  const { valid, brokenAt, problem } = stream.chain;
  if (valid) {
    return html`<p class="chain valid" part="chain" data-chain="valid">
      <span aria-hidden="true">✓ </span>${c.msg('stream.valid', { count: count(c.lang, stream.events.length) })}
    </p>`;
  }
  return html`<p class="chain broken" part="chain" data-chain="broken" data-broken-at=${brokenAt ?? nothing} role="alert">
    <span aria-hidden="true">✕ </span>${c.msg('stream.broken', { revision: brokenAt ?? '?', problem: problemText(c.msg, problem) })}
  </p>`;
}
