// The 数据重放 part of <jxjy-audit>: POST /audit/replays (a read model as of a position, or a moment typed in China
// time), then GET /audit/replays/{id} every `interval` while it runs — one request at a time, timed from the last
// answer — until it has completed or failed; the rows it rebuilt, and on 与当前数据对比 the same with ?diff=live. A
// network failure or a 5xx is passing (it keeps asking); a refusal stops. Leaving the page stops it; coming back resumes.
import { html, nothing, type ReactiveController } from 'lit';
import { ApiError } from '../api/api-client.js';
import { REPLAY_PROJECTIONS, type Replay, type ReplayStarted } from '../api/audit.types.js';
import { fromChinaLocal } from '../shared/china-time.js';
import { FormController } from '../shared/form-controller.js';
import { projectionLabel, replayReport } from './audit.replay.view.js';
import { errorText, type AuditContext, type AuditHost } from './audit.shared.js';

const FIELDS = ['projection', 'asOfKind', 'position', 'time'] as const;
type Field = (typeof FIELDS)[number];
type AsOfKind = 'position' | 'time';
const POSITION = /^\d{20}:\d{20}$/;
/** Rows (and differences) shown; the server allows up to 1,000. */
const ROWS = 200;

export interface ReplayOptions extends AuditContext {
  /** Milliseconds between one answer and the next read while the replay runs. */
  interval(): number;
}

export class Replays implements ReactiveController {
  readonly #host: AuditHost;
  readonly #c: ReplayOptions;
  readonly #form: FormController<Field>;
  #kind: AsOfKind = 'position';
  #started: ReplayStarted | undefined;
  #report: Replay | undefined;
  #pollError: { message: string; retrying: boolean } | undefined;
  #diffing = false;
  #diffError: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #connected = false;

  constructor(host: AuditHost, c: ReplayOptions) {
    this.#host = host;
    this.#c = c;
    host.addController(this);
    const kind = () => this.#kind;
    this.#form = new FormController<Field>(host, c.lang, {
      fields: FIELDS,
      // Only the moment chosen is asked for (and marked required).
      get optional() {
        return kind() === 'position' ? (['time'] as const) : (['position'] as const);
      },
      label: (field) => c.msg(field === 'asOfKind' ? 'replay.asOf' : `replay.${field}`),
      check: (v) => ({
        position: v.asOfKind === 'position' && v.position && !POSITION.test(v.position) ? c.msg('replay.positionInvalid') : undefined,
        time: v.asOfKind === 'time' && v.time && !fromChinaLocal(v.time) ? c.msg('replay.timeInvalid') : undefined,
      }),
      send: async (v) => {
        const asOf = v.asOfKind === 'time' ? { time: fromChinaLocal(v.time)! } : { position: v.position };
        const started = await c.api().post<ReplayStarted>('/api/v1/audit/replays', { projection: v.projection, asOf });
        this.#follow(started);
        c.notify(c.msg('replay.started', { projection: projectionLabel(c.msg, v.projection) }));
        c.focus('#replay-title');
      },
    });
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#started && (!this.#report || this.#report.status === 'running')) this.#read();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** Forgets the replay followed: another caller or server. */
  clear(): void {
    this.#stop();
    this.#started = undefined;
    this.#report = undefined;
    this.#pollError = undefined;
    this.#diffError = undefined;
    this.#diffing = false;
  }

  /** 按此位置重放 in the log: the form, with that position in it. */
  async presetPosition(position: string): Promise<void> {
    this.#kind = 'position';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const input = this.#host.renderRoot.querySelector<HTMLInputElement>('#position');
    if (input) input.value = position;
    input?.focus();
  }

  #follow(started: ReplayStarted): void {
    this.#stop();
    this.#started = started;
    this.#report = undefined;
    this.#pollError = undefined;
    this.#diffError = undefined;
    if (this.#connected) this.#read();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #again(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#connected) this.#timer = setTimeout(() => this.#read(), Math.max(10, this.#c.interval() || 1500));
  }

  #url(diff: boolean): string {
    const q = new URLSearchParams({ ...(diff ? { diff: 'live' } : {}), limit: String(ROWS) });
    return `/api/v1/audit/replays/${encodeURIComponent(this.#started!.replayId)}?${q}`;
  }

  #read(): void {
    if (!this.#started || this.#abort) return;
    this.#timer = undefined;
    const abort = (this.#abort = new AbortController());
    this.#c
      .api()
      .get<Replay>(this.#url(false), { signal: abort.signal })
      .then((report) => {
        if (abort.signal.aborted) return;
        this.#report = report;
        this.#pollError = undefined;
        if (report.status === 'running') this.#again();
        else this.#finished(report);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        if (!(err instanceof ApiError)) reportError(err);
        const passing = err instanceof ApiError && (err.status === 0 || err.status >= 500);
        this.#pollError = { message: errorText(err, this.#c.msg('error')), retrying: passing };
        if (passing) this.#again();
      })
      .finally(() => {
        if (this.#abort === abort) this.#abort = undefined;
        this.#host.requestUpdate();
      });
  }

  #finished(report: Replay): void {
    const { msg } = this.#c;
    const status = report.status === 'failed' ? 'failed' : 'completed';
    this.#c.emit('jxjy-replay-finished', { replayId: report.replayId, projection: report.projection, position: report.position, status });
    const projection = projectionLabel(msg, report.projection);
    this.#c.notify(status === 'failed' ? msg('replay.failed', { error: report.error ?? '—' }) : msg('replay.completed', { projection, total: report.totalRows ?? 0 }));
  }

  async #compare(): Promise<void> {
    if (this.#diffing || !this.#started) return;
    this.#diffing = true;
    this.#diffError = undefined;
    this.#host.requestUpdate();
    try {
      this.#report = await this.#c.api().get<Replay>(this.#url(true));
      this.#c.focus('#replay-diff');
    } catch (err) {
      if (!(err instanceof ApiError)) reportError(err);
      this.#diffError = errorText(err, this.#c.msg('error'));
    } finally {
      this.#diffing = false;
      this.#host.requestUpdate();
    }
  }

  #setKind(kind: AsOfKind): void {
    this.#kind = kind;
    this.#form.reset();
    this.#host.requestUpdate();
  }

  #formView() {
    const { msg } = this.#c;
    const form = this.#form;
    const kind = this.#kind;
    const radio = (value: AsOfKind) => html`<label class="radio">
      <input type="radio" name="asOfKind" value=${value} .checked=${kind === value} @change=${() => this.#setKind(value)} />
      ${msg(`replay.asOf.${value}`)}
    </label>`;
    return html`<section class="replay-form" aria-labelledby="replay-form-title">
      <h3 id="replay-form-title">${msg('replay.formTitle')}</h3>
      ${form.render(html`${form.select('projection', {
          options: REPLAY_PROJECTIONS.map((p) => ({ value: p, label: projectionLabel(msg, p) })),
          value: 'credit_totals',
        })}
        <fieldset class="as-of" part="field">
          <legend>${msg('replay.asOf')}</legend>
          ${radio('position')} ${radio('time')}
        </fieldset>
        ${kind === 'position'
          ? form.input('position', { maxlength: 41, autocomplete: 'off', hint: msg('replay.positionHint') })
          : form.input('time', { type: 'datetime-local', hint: msg('replay.timeHint') })}
        ${form.submitButton(msg('replay.start'), msg('replay.starting'))}`)}
    </section>`;
  }

  render() {
    const { msg, lang } = this.#c;
    return html`<p class="intro">${msg('replay.intro')}</p>
      ${this.#formView()}
      ${this.#started
        ? replayReport({
            lang: lang(),
            msg,
            started: this.#started,
            report: this.#report,
            pollError: this.#pollError,
            diffing: this.#diffing,
            diffError: this.#diffError,
            compare: () => void this.#compare(),
            retry: () => this.#read(),
          })
        : nothing}`;
  }
}
