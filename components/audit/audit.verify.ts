// The 完整性校验 part of <jxjy-audit>: POST /audit/verify asking for `application/x-ndjson`, so the server's progress
// lines ({"progress":{events, streams, position}}) move the bar as they arrive and the last line ({"result":…}) gives
// the verdict: every chain problem named by stream, revision and position, and every seal that no longer agrees with
// the log. One run at a time; leaving the page stops it.
import { html, nothing, type ReactiveController } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../api/api-client.js';
import type { LogVerification, SealProblem, VerifyLine, VerifyProgress } from '../api/audit.types.js';
import { readNdjson } from '../api/ndjson.js';
import { count, problemText, type AuditContext, type AuditHost, type Msg } from './audit.shared.js';

export interface VerifyOptions extends AuditContext {
  openStream(streamId: string): void;
}

/** A seal problem in the reader's words (the server writes English sentences, some with numbers in them). */
function sealProblemText(msg: Msg, problem: string): string {
  if (problem === 'its root does not match the events stored under it') return msg('sealProblem.root');
  if (problem === 'its signature does not verify') return msg('sealProblem.signature');
  const counted = /^covers (\d+) events, but (\d+) are stored up to its position$/.exec(problem);
  if (counted) return msg('sealProblem.count', { count: counted[1]!, found: counted[2]! });
  const other = /^signed by another key \((.*)\)$/.exec(problem);
  return other ? msg('sealProblem.otherKey', { key: other[1]! }) : problem;
}

const problemCount = (r: LogVerification) => r.problems.length + (r.sealProblems?.length ?? 0);

const isResult = (value: unknown): value is LogVerification =>
  typeof value === 'object' && value !== null && typeof (value as LogVerification).valid === 'boolean' && Array.isArray((value as LogVerification).problems);

export class Verification implements ReactiveController {
  readonly #host: AuditHost;
  readonly #c: VerifyOptions;
  #abort: AbortController | undefined;
  #progress: VerifyProgress | undefined;
  #result: LogVerification | undefined;
  #error: string | undefined;

  constructor(host: AuditHost, c: VerifyOptions) {
    this.#host = host;
    this.#c = c;
    host.addController(this);
  }

  get running(): boolean {
    return !!this.#abort;
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Stops a run and forgets its outcome: the element left the page, or another caller or server is set. */
  clear(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#progress = undefined;
    this.#result = undefined;
    this.#error = undefined;
  }

  async run(): Promise<void> {
    if (this.#abort) return;
    const abort = (this.#abort = new AbortController());
    this.#progress = undefined;
    this.#result = undefined;
    this.#error = undefined;
    this.#host.requestUpdate();
    const { api, lang, msg } = this.#c;
    try {
      const res = await api().open('POST', '/api/v1/audit/verify', undefined, { signal: abort.signal, accept: 'application/x-ndjson' });
      await readNdjson(res, (line) => this.#line(line as VerifyLine), { lang: lang(), signal: abort.signal });
      if (!this.#result && !this.#error) this.#error = msg('verify.incomplete');
    } catch (err) {
      if (abort.signal.aborted) return;
      if (!(err instanceof ApiError)) reportError(err);
      this.#error = err instanceof ApiError ? err.message : msg('verify.stopped');
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.#host.requestUpdate();
    }
    // Set by the lines as they arrived (TypeScript cannot see that through the callback).
    const result = this.#result as LogVerification | undefined;
    if (result && !abort.signal.aborted) {
      this.#c.emit('jxjy-audit-verified', { valid: result.valid, events: result.events, streams: result.streams, problems: problemCount(result), upTo: result.upTo });
      this.#c.focus('#verify-result-title');
    } else if (this.#error) this.#c.focus('#verify-error');
  }

  #line(line: VerifyLine | LogVerification): void {
    if ('progress' in line) this.#progress = line.progress;
    else if ('result' in line) this.#result = line.result;
    // The server stopped midway; its words are for its log, the reader gets ours.
    else if ('error' in line) this.#error = this.#c.msg('verify.stopped');
    // A server (or gateway) that ignored Accept answers the result alone, as JSON.
    else if (isResult(line)) this.#result = line;
    this.#host.requestUpdate();
  }

  #progressView() {
    const { msg, lang } = this.#c;
    if (!this.running) return nothing;
    const p = this.#progress;
    const n = (value: number) => count(lang(), value);
    let text = msg('verify.starting');
    if (p) text = p.total ? msg('verify.progressOf', { events: n(p.events), total: n(p.total), streams: n(p.streams) }) : msg('verify.progress', { events: n(p.events), streams: n(p.streams), position: p.position });
    // Without a total the bar is indeterminate: it says "working", the words say how far.
    return html`<div class="progress" data-testid="verify-progress" data-events=${p?.events ?? 0}>
      <progress max=${p?.total ?? 1} value=${p?.total ? Math.min(p.events, p.total) : nothing} aria-label=${msg('verify.progressLabel')}></progress>
      <span class="progress-text">${text}</span>
    </div>`;
  }

  #problems(result: LogVerification) {
    const { msg } = this.#c;
    if (!result.problems.length) return nothing;
    return html`<div class="table-wrap">
      <table class="problems" part="problems">
        <caption>
          ${msg('verify.problemsCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('log.stream')}</th>
            <th scope="col" class="num">${msg('log.revision')}</th>
            <th scope="col">${msg('log.position')}</th>
            <th scope="col">${msg('verify.problem')}</th>
            <th scope="col">${msg('verify.openStream')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            result.problems,
            (p) => `${p.streamId}:${p.revision}:${p.problem}`,
            (p) => html`<tr data-stream-id=${p.streamId} data-revision=${p.revision}>
              <th scope="row"><code>${p.streamId}</code></th>
              <td class="num">${p.revision}</td>
              <td>${p.position ? html`<code class="position">${p.position}</code>` : nothing}</td>
              <td>${problemText(msg, p.problem)}</td>
              <td class="actions">
                <button type="button" class="small" data-action="open-stream" aria-label=${msg('verify.openStreamOf', { stream: p.streamId })}
                  @click=${() => this.#c.openStream(p.streamId)}>${msg('verify.openStream')}</button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #sealProblems(problems: readonly SealProblem[]) {
    const { msg } = this.#c;
    if (!problems.length) return nothing;
    return html`<div class="table-wrap">
      <table class="seal-problems" part="problems">
        <caption>
          ${msg('verify.sealProblemsCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('verify.sealId')}</th>
            <th scope="col">${msg('seals.position')}</th>
            <th scope="col">${msg('verify.problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${problems.map(
            (p) => html`<tr data-seal-id=${p.sealId}>
              <th scope="row"><code class="id">${p.sealId}</code></th>
              <td><code class="position">${p.position}</code></td>
              <td>${sealProblemText(msg, p.problem)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #resultView() {
    const { msg, lang } = this.#c;
    const r = this.#result;
    if (!r) return nothing;
    const facts = { events: count(lang(), r.events), streams: count(lang(), r.streams), upTo: r.upTo || '—' };
    const sealsOk = r.seals !== undefined && !r.sealProblems?.length ? html`<p data-testid="seals-valid">${msg('verify.sealsValid', { seals: count(lang(), r.seals) })}</p>` : nothing;
    return html`<section class="verdict ${r.valid ? 'valid' : 'broken'}" part="verdict" data-valid=${String(r.valid)} aria-labelledby="verify-result-title">
      <h3 id="verify-result-title" tabindex="-1">
        <span aria-hidden="true">${r.valid ? '✓ ' : '✕ '}</span>${r.valid ? msg('verify.valid') : msg('verify.invalid', { count: problemCount(r) })}
      </h3>
      <p>${r.valid ? msg('verify.validDetail', facts) : msg('verify.invalidDetail', facts)}</p>
      ${sealsOk} ${this.#problems(r)} ${this.#sealProblems(r.sealProblems ?? [])}
    </section>`;
  }

  render() {
    const { msg } = this.#c;
    const running = this.running;
    return html`<p class="intro">${msg('verify.intro')}</p>
      <button type="button" class="primary" data-action="verify" aria-busy=${running ? 'true' : 'false'} @click=${() => void this.run()}>
        ${running ? msg('verify.running') : msg('verify.run')}
      </button>
      <div class="progress-area" role="status">${this.#progressView()}</div>
      <div id="verify-error" class="load-error" role="alert" tabindex="-1" ?hidden=${!this.#error}>
        ${this.#error ? html`<p>${this.#error}</p>` : nothing}
      </div>
      ${this.#resultView()}`;
  }
}
