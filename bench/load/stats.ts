/**
 * What a load run measured, per route: every answer's latency and status, summarised as requests, throughput, p50/p99
 * and errors grouped by route and status. Failed requests are kept whole (with their X-Request-Id) because a failed
 * command may still have written: reconciliation names the events it left behind.
 */

/** Which part of a run a request belongs to: only `run` counts in the figures. */
export type Phase = 'setup' | 'run' | 'reconcile';

export interface RequestResult {
  phase: Phase;
  /** `METHOD /path/{template}`, e.g. `POST /credit-records/{id}/submit`. */
  route: string;
  /** 0 when no answer came (connection refused, reset, or the client's timeout). */
  status: number;
  ms: number;
  /** Whether the status is the one the journey expected (anything else is an error). */
  ok: boolean;
  /** Milliseconds since the run started. */
  at: number;
  client: number;
  base: string;
  requestId: string;
  /** The error's message, for a failed request. */
  message?: string;
  /** A 503 the client then sent again (Retry-After, the same Idempotency-Key): not an error unless the last try fails. */
  retried?: boolean;
}

export interface RouteStats {
  route: string;
  requests: number;
  errors: number;
  /** Tries answered 503 and sent again. */
  retried: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ErrorGroup {
  route: string;
  /** The HTTP status, or 0 for no answer. */
  status: number;
  count: number;
  /** Up to three distinct messages, as the server (or the network) gave them. */
  messages: string[];
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly requestCounts = new Map<string, number>();
  private readonly errorCounts = new Map<string, number>();
  private readonly retriedCounts = new Map<string, number>();
  private readonly groups = new Map<string, ErrorGroup>();
  /** Every failed request of the run phase, in order. */
  readonly failed: RequestResult[] = [];

  constructor(private readonly listener?: (result: RequestResult) => void) {}

  add(result: RequestResult): void {
    this.listener?.(result);
    if (result.phase !== 'run') return;
    this.requestCounts.set(result.route, (this.requestCounts.get(result.route) ?? 0) + 1);
    const latencies = this.latencies.get(result.route) ?? [];
    // Latency is that of every answer, an error's included; a request that got none has no latency to show.
    if (result.status > 0) latencies.push(result.ms);
    this.latencies.set(result.route, latencies);
    if (result.retried) this.retriedCounts.set(result.route, (this.retriedCounts.get(result.route) ?? 0) + 1);
    if (result.ok || result.retried) return;
    this.failed.push(result);
    this.errorCounts.set(result.route, (this.errorCounts.get(result.route) ?? 0) + 1);
    const key = `${result.route} ${result.status}`;
    const group = this.groups.get(key) ?? { route: result.route, status: result.status, count: 0, messages: [] };
    group.count++;
    const message = result.message ?? '';
    if (group.messages.length < 3 && !group.messages.includes(message)) group.messages.push(message);
    this.groups.set(key, group);
  }

  /** Per-route figures over `seconds` of run, busiest route first. */
  routes(seconds: number): RouteStats[] {
    return [...this.requestCounts]
      .map(([route, requests]) => {
        const latencies = this.latencies.get(route) ?? [];
        const errors = this.errorCounts.get(route) ?? 0;
        return {
          route, requests, errors, retried: this.retriedCounts.get(route) ?? 0, perSecond: requests / seconds,
          p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.length ? Math.max(...latencies) : NaN,
        };
      })
      .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
  }

  errors(): ErrorGroup[] {
    return [...this.groups.values()].sort((a, b) => a.route.localeCompare(b.route) || a.status - b.status);
  }
}
