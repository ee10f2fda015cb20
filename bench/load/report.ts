/**
 * The load run as markdown: per-route latency and throughput, errors by route and status, and both reconciliations,
 * with what failed spelled out (which command lost which event, whose totals differ and by how much).
 */
import type { Reconciliation } from './reconcile.js';
import type { LoadResult } from './run-load.js';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function loadReport(load: LoadResult, reconciliation: Reconciliation | undefined): string {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  const { roles } = load;
  const failures = load.errors.reduce((sum, e) => sum + e.count, 0);
  out(`## jxjy load — ${roles.admin + roles.units + roles.institutions + roles.persons} clients for ${load.seconds.toFixed(1)} s — ${load.startedAt}`);
  out();
  out(`API: ${load.bases.join(', ')} · clients: 1 admin, ${roles.units} units, ${roles.institutions} institutions, ${roles.persons} persons · run ${load.runTag}`);
  const retried = load.routes.reduce((sum, r) => sum + r.retried, 0);
  out(`requests: ${load.requests} (${(load.requests / load.seconds).toFixed(1)}/s) · commands acknowledged: ${load.acknowledged.length} · errors: ${failures} · 503s sent again after Retry-After: ${retried}`);
  out();
  out('A try answered 503 is sent again after Retry-After, as a client should: a create route with the same Idempotency-Key, a task decision as it is (its Update id comes from the decision). Those tries count under "503 retried", not errors; a request whose last try fails is an error.');
  out();
  out('| route | requests | req/s | p50 ms | p99 ms | max ms | 503 retried | errors |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of load.routes) out(`| ${r.route} | ${r.requests} | ${r.perSecond.toFixed(2)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.retried} | ${r.errors} |`);
  out();
  out(`### Errors: ${failures + load.inconsistencies.length + load.driverErrors.length}`);
  if (load.errors.length > 0) {
    out();
    out('| route | status | count | messages |');
    out('|---|---:|---:|---|');
    for (const e of load.errors) out(`| ${e.route} | ${e.status || 'no answer'} | ${e.count} | ${cell(e.messages.join(' · '))} |`);
  }
  for (const i of load.inconsistencies) out(`- stale or wrong read: ${i.route}: ${i.message}`);
  for (const d of load.driverErrors) out(`- driver error (a bug in bench/load): ${cell(d.split('\n').slice(0, 3).join(' '))}`);
  if (reconciliation) reconciliationReport(reconciliation, out);
  return lines.join('\n');
}

function reconciliationReport(r: Reconciliation, out: (line?: string) => void) {
  const { events: e, totals: t } = r;
  out();
  const ofFailed = Object.values(e.ofFailedRequests).reduce((sum, types) => sum + Object.values(types).reduce((a, b) => a + b, 0), 0);
  const foreignCount = Object.values(e.notOfThisRun).reduce((a, b) => a + b, 0);
  out(`### Reconciliation (a): events ↔ acknowledged commands — ${e.missing.length === 0 && e.unexpected.length === 0 && e.wrongPositions.length === 0 ? 'OK' : 'MISMATCH'}`);
  out();
  out(`- the run's events (after ${r.headBefore ?? 'the start'} up to ${r.headAfter ?? '–'}): ${e.events} = ${e.matched} of acknowledged commands + ${e.unexpected.length} unexpected under them + ${ofFailed} of failed requests + ${foreignCount} of no request of this run`);
  out(`- ${e.acknowledged} acknowledged commands expect ${e.expected} events (${e.grantsDerived} seat grants derived from class lines); found ${e.matched}, missing ${e.missing.length}`);
  out(`- unexpected events under an acknowledged request: ${e.unexpected.length}`);
  out(`- answered positions checked against the command's own events: ${e.positionsChecked}, wrong: ${e.wrongPositions.length}`);
  for (const w of e.wrongPositions.slice(0, 10)) out(`  - ${w.route} (${w.requestId}) answered ${w.position}; its events: ${w.events.join(', ')}`);
  for (const m of e.missing.slice(0, 20)) out(`  - missing: ${m.type} on ${m.stream} for ${m.route} (${m.requestId})`);
  for (const u of e.unexpected.slice(0, 20)) out(`  - unexpected: ${u.type} on ${u.stream} under ${u.route} (${u.requestId})`);
  const failedKinds = Object.entries(e.ofFailedRequests);
  out(`- events of failed requests (may exist, never required): ${failedKinds.length === 0 ? 'none' : ''}`);
  for (const [request, types] of failedKinds) out(`  - ${request}: ${Object.entries(types).map(([type, n]) => `${type} ×${n}`).join(', ')}`);
  const foreign = Object.entries(e.notOfThisRun);
  out(`- events no request of this run carries (schedules, other users, or what a lifecycle did on its own after a failed request): ${foreign.length === 0 ? 'none' : foreign.map(([type, n]) => `${type} ×${n}`).join(', ')}`);
  out();
  const totalsOk = t.mismatches.length === 0 && t.unreadable.length === 0;
  out(`### Reconciliation (b): credit totals = fold of the events — ${totalsOk ? 'OK' : 'MISMATCH'}`);
  out();
  out(`- folded: ${Object.entries(t.folded).map(([type, n]) => `${type} ×${n}`).join(', ')}`);
  out(`- ${t.persons} persons: ${t.summariesCompared} year summaries (GET /me/credit-summary) and ${t.membersCompared} unit-member rows (GET /units/{id}/members) compared with the fold`);
  out(`- mismatches: ${t.mismatches.length}; unreadable: ${t.unreadable.length}`);
  for (const m of t.mismatches.slice(0, 20)) out(`  - ${m.view} ${m.personId} ${m.year}: folded ${JSON.stringify(m.folded)}, read ${JSON.stringify(m.read)}`);
  for (const u of t.unreadable.slice(0, 10)) out(`  - unreadable: ${u}`);
  out();
  out(`**Reconciliation: ${r.ok ? 'OK' : 'FAILED'}**`);
}

/** Whether the run should fail its caller: any error, inconsistency, driver bug or reconciliation mismatch. */
export function loadFailed(load: LoadResult, reconciliation: Reconciliation | undefined): boolean {
  return load.errors.length > 0 || load.inconsistencies.length > 0 || load.driverErrors.length > 0 || !reconciliation?.ok;
}
