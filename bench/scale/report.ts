/**
 * The run's figures as markdown (and the same as JSON beside it): what was generated and how fast, the sizes on
 * disk, the rebuild and catch-up rates, the append path at scale, the audit check, each route's latency against its
 * target, and the database's own account of the statements behind them.
 */
import type { Sizes } from './database.js';
import type { Plan } from './explain.js';
import type { Manifest } from './generate.js';
import type { Figures } from './measure.js';
import type { RebuildResult } from './rebuild.js';
import type { TailResult } from './tail.js';
import type { TemporalCosts } from './temporal-costs.js';
import type { VerifyResult } from './verify.js';

export interface Results {
  label: string;
  startedAt: string;
  finishedAt?: string;
  /** `--reuse`: the phases measured again on the same database, and when. */
  remeasured?: { phases: string[]; startedAt: string };
  machine: { cpus: number; memoryGb: number; node: string; postgres: string; settings: Record<string, string> };
  /** 1-minute load average when each phase started (the machine is shared). */
  load: Record<string, number>;
  manifest: Omit<Manifest, 'persons' | 'unitNames'>;
  generation?: { seconds: number; eventsPerSecond: number; copiedBytes: number; indexSeconds: number; vacuumSeconds: number };
  sizes?: Sizes;
  rebuild?: RebuildResult;
  tail?: TailResult;
  verify?: VerifyResult;
  routes?: { figures: Figures[]; inboxOpen: number; members: number };
  plans?: Plan[];
  temporal?: TemporalCosts;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const mb = (bytes: number) => (bytes >= 1024 ** 3 ? gb(bytes) : `${(bytes / 1024 ** 2).toFixed(1)} MB`);

const TARGETS: Array<[RegExp, number]> = [
  [/credit-summary/, 20],
  [/tasks\?status=open/, 50],
  [/units\/\{unitId\}\/members/, 50],
];

function target(route: string): string {
  const found = TARGETS.find(([pattern]) => pattern.test(route));
  return found ? `≤ ${found[1]} ms` : '—';
}

/** Sequential: judged on the median round (one noisy moment of the shared machine is one round); otherwise on p99. */
function judged(f: Figures): number {
  if (!f.roundP99s?.length) return f.p99;
  const sorted = [...f.roundP99s].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function verdict(f: Figures): string {
  const found = TARGETS.find(([pattern]) => pattern.test(f.route));
  if (!found) return '';
  return judged(f) <= found[1] ? 'met' : '**missed**';
}

export function renderMarkdown(r: Results): string {
  const lines: string[] = [];
  const m = r.manifest;
  lines.push(`# jxjy scale bench — ${r.label}`, '');
  if (r.remeasured) lines.push(`Generated ${r.startedAt.slice(0, 16)}; measured again on the same database from ${r.remeasured.startedAt.slice(0, 16)}: ${r.remeasured.phases.join(', ')}.`, '');
  lines.push(`${r.remeasured?.startedAt ?? r.startedAt} → ${r.finishedAt ?? '…'} · ${r.machine.cpus} cores, ${r.machine.memoryGb} GB RAM · Node ${r.machine.node} · ${r.machine.postgres}`);
  lines.push(`PostgreSQL settings (server defaults, untuned): ${Object.entries(r.machine.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push(`Shared machine: 1-minute load average when each phase started — ${Object.entries(r.load).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`, '');

  lines.push('## Generated history', '');
  lines.push(`${n(m.shape.persons)} persons, ${n(m.shape.units)} units (one with ${n(m.shape.bigUnitMembers)} members), ${n(m.records)} credit records; ${n(m.events)} events in ${n(m.appends)} appends, ${m.start.slice(0, 10)} → ${m.end.slice(0, 10)} (seed ${m.shape.seed}).`, '');
  lines.push('| event type | count |', '|---|---|', ...Object.entries(m.types).map(([type, count]) => `| ${type} | ${n(count)} |`), '');
  if (r.generation) {
    const g = r.generation;
    lines.push(`Generation (deciders + hash chain + COPY, keys and indexes set aside): ${g.seconds.toFixed(0)} s, **${n(g.eventsPerSecond)} events/s**, ${gb(g.copiedBytes)} of COPY text.`);
    lines.push(`Keys and indexes rebuilt: ${g.indexSeconds.toFixed(0)} s; VACUUM ANALYZE: ${g.vacuumSeconds.toFixed(0)} s.`, '');
  }
  if (r.sizes) {
    lines.push(`## Sizes — database ${gb(r.sizes.database)}`, '');
    lines.push('| table | rows | heap | indexes | total | per row |', '|---|---|---|---|---|---|');
    for (const t of r.sizes.tables.filter((t) => t.total > 1024 ** 2)) {
      lines.push(`| ${t.table} | ${n(t.rows)} | ${mb(t.heap)} | ${mb(t.indexes)} | ${mb(t.total)} | ${t.rows > 0 ? `${n(t.total / t.rows)} B` : '—'} |`);
    }
    lines.push('');
  }
  if (r.rebuild) {
    const b = r.rebuild;
    lines.push('## Projections', '');
    lines.push(`Full rebuild of every projection (runner.rebuild(), batches of ${b.batchSize}): ${n(b.events)} events in ${b.seconds.toFixed(0)} s — **${n(b.eventsPerSecond)} events/s**.`);
  }
  if (r.tail) {
    const t = r.tail;
    lines.push(`Appends through the adapter at this size (${t.lifecycles} credit lifecycles, ${t.writers} writers, 4 appends each): ${n(t.appendsPerSecond)} appends/s, ${n(t.eventsPerSecond)} events/s; one append p50 ${ms(t.appendP50Ms)} ms, p99 ${ms(t.appendP99Ms)} ms.`);
    lines.push(`Incremental catch-up of those ${n(t.events)} events by all projections: ${t.catchUpSeconds.toFixed(2)} s — **${n(t.catchUpEventsPerSecond)} events/s**.`, '');
  }
  if (r.verify) {
    const v = r.verify;
    lines.push(`Audit check — ${v.scope}: ${n(v.events)} events in ${n(v.streams)} streams, ${v.valid ? '**valid**' : `**INVALID** (${v.problems.join('; ')})`}, ${v.seconds.toFixed(1)} s (${n(v.eventsPerSecond)} events/s).`, '');
  }
  if (r.routes) {
    lines.push('## Read routes', '');
    lines.push(`Big unit: ${n(r.routes.members)} confirmed members, ${n(r.routes.inboxOpen)} open tasks in its inbox. Pages of 20 unless stated; "a later page" = a random one of its later pages, by its cursor.`, '');
    lines.push(
      `Client-observed wall time per request. Sequential: one request at a time, in rounds interleaved with the other routes (p99 of each round shown; the verdict takes the median round). Saturated: that many requests always in flight (req/s = what one API process serves). Open loop: random (Poisson) arrivals at a quarter and at half the saturated rate — on this ${r.machine.cpus}-core machine the load generator, the API and PostgreSQL share its cores, so "half of saturation" is already much of the machine. "API" = the API process's own time (received → response written); "loop p99" = how late its event loop ran timers (waiting for a core shows here); "load" = 1-minute load average when the measurement began.`,
      '',
    );
    lines.push('| route | mode | requests | p50 ms | p90 ms | p99 ms | max ms | req/s | round p99s | API p50 / p99 ms | loop p99 ms | load | target (p99) | |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const f of r.routes.figures) {
      const rounds = f.roundP99s ? f.roundP99s.map(ms).join(' / ') : '';
      lines.push(`| ${f.route} | ${f.mode} | ${n(f.requests)} | ${ms(f.p50)} | ${ms(f.p90)} | ${ms(f.p99)} | ${ms(f.max)} | ${n(f.perSecond)} | ${rounds} | ${f.server ? `${ms(f.server.p50)} / ${ms(f.server.p99)} | ${ms(f.server.loopDelayP99)}` : ' | '} | ${f.load.toFixed(1)} | ${target(f.route)} | ${verdict(f)} |`);
    }
    lines.push('');
  }
  if (r.temporal) {
    const t = r.temporal;
    lines.push('## What the lifecycles cost Temporal (dev server, real worker and API)', '');
    lines.push(`${t.lifecycles} credit lifecycles one at a time over HTTP (declare, attach, submit, approve): ${ms(t.lifecycleMs)} ms each. What each timed lifecycle added to Temporal's SQLite file: ${n(t.temporalBytesPerLifecycle / 1024)} KiB (every run kept, dev-server retention).`, '');
    lines.push('| workflow kind | completed runs | history events per run | history bytes per run |', '|---|---|---|---|');
    for (const k of t.kinds) lines.push(`| ${k.kind} | ${k.runs} | ${k.eventsPerRun.toFixed(1)} | ${n(k.bytesPerRun)} |`);
    lines.push('', 'One credit record\'s run (all four commands in one run), by history event type:', '');
    lines.push('| event type | count |', '|---|---|', ...Object.entries(t.creditRun).sort((a, b) => b[1] - a[1]).map(([type, count]) => `| ${type} | ${count} |`), '');
  }
  if (r.plans) {
    lines.push('## The statements behind the routes (EXPLAIN ANALYZE, warm cache)', '');
    lines.push('| what | execution ms |', '|---|---|', ...r.plans.map((p) => `| ${p.what} | ${ms(p.executionMs)} |`), '');
    for (const p of r.plans) lines.push(`<details><summary>${p.what} — ${ms(p.executionMs)} ms</summary>`, '', '```sql', p.sql, '```', '```', p.plan, '```', '</details>', '');
  }
  return lines.join('\n');
}
