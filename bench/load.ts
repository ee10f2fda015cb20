/**
 * `npm run bench:load` (issue 13): many clients on mixed journeys — registration and sign-in, credit records declared,
 * evidenced and submitted, unit decisions from the inbox, classes opened, enrolled in and completed, summaries and
 * inbox pages — against a running system, then a reconciliation of the event log with the acknowledged commands and
 * of the credit totals with a fold of the log. Prints a markdown report; exits 1 on any error or mismatch.
 *
 *   npm run bench:load                                  50 clients × 60 s against a system it starts (npm start)
 *   npm run bench:load -- --clients 5 --seconds 15
 *   npm run bench:load -- --base http://127.0.0.1:3000 --base http://127.0.0.1:3001   clients round-robin
 *
 * Flags or env: --clients (BENCH_LOAD_CLIENTS), --seconds (BENCH_LOAD_SECONDS), --base, repeatable or comma-separated
 * (BENCH_LOAD_BASES), --think-ms (BENCH_LOAD_THINK_MS: a random pause up to it between a client's steps, default 0),
 * --ramp-seconds (BENCH_LOAD_RAMP_SECONDS: clients start spread over it, default 0 — all at once), --admin-password
 * (BENCH_LOAD_ADMIN_PASSWORD), --keep-data (keep the started system's data folder and log).
 * A system given by --base must run with JXJY_CAPTCHA=reveal, and with JXJY_TRUST_PROXY set (each client forwards
 * its own address) or its per-address captcha limit will refuse most of the clients.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOAD_ADMIN_PASSWORD, type RunningSystem, loadFailed, loadReport, reconcile, runLoad, startSystem } from './load/index.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    seconds: { type: 'string' },
    base: { type: 'string', multiple: true },
    'think-ms': { type: 'string' },
    'ramp-seconds': { type: 'string' },
    'admin-password': { type: 'string' },
    'keep-data': { type: 'boolean', default: false },
  },
});

const number = (name: string, value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not "${value}"`);
  return n;
};
const clients = number('--clients', values.clients ?? process.env.BENCH_LOAD_CLIENTS, 50);
const seconds = number('--seconds', values.seconds ?? process.env.BENCH_LOAD_SECONDS, 60);
const thinkMs = number('--think-ms', values['think-ms'] ?? process.env.BENCH_LOAD_THINK_MS, 0);
const rampSeconds = number('--ramp-seconds', values['ramp-seconds'] ?? process.env.BENCH_LOAD_RAMP_SECONDS, 0);
const bases = (values.base ?? (process.env.BENCH_LOAD_BASES ? [process.env.BENCH_LOAD_BASES] : []))
  .flatMap((base) => base.split(','))
  .map((base) => base.trim().replace(/\/+$/, '').replace(/\/api\/v1$/, ''))
  .filter(Boolean);

const aborted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => aborted.abort());
const log = (line: string) => console.error(`[bench:load] ${line}`);

let system: RunningSystem | undefined;
let failed = true;
try {
  if (bases.length === 0) {
    log('starting the system (runtime/start-all.ts) in a temporary DATA_DIR…');
    system = await startSystem();
    log(`system running at ${system.base} (log: ${system.logFile})`);
    bases.push(system.base);
  }
  const adminPassword = values['admin-password'] ?? process.env.BENCH_LOAD_ADMIN_PASSWORD ?? LOAD_ADMIN_PASSWORD;
  const load = await runLoad({ bases, clients, seconds, thinkMs, rampSeconds, signal: aborted.signal, admin: { password: adminPassword }, log });
  // Interrupted (Ctrl-C also stops a system started here): the figures so far, no reconciliation.
  const reconciliation = aborted.signal.aborted ? undefined : (log('reconciling the event log and the credit totals…'), await reconcile(load));
  console.log(loadReport(load, reconciliation));
  if (system) {
    const { warnings, errors, serverErrors, examples } = system.problems();
    console.log(`\nSystem log (${system.logFile}): ${errors} errors, ${warnings} warnings, ${serverErrors} answers 5xx`);
    for (const example of examples) console.log(`- ${example}`);
  }
  failed = loadFailed(load, reconciliation);
} catch (error) {
  console.error(error);
} finally {
  if (system) {
    log(values['keep-data'] ? `stopping the system; its data and log stay in ${path.dirname(system.dataDir)}` : 'stopping the system…');
    await system.stop({ keepData: values['keep-data'] });
  }
}
// Idle keep-alive sockets must not hold the process open.
process.exit(failed ? 1 : 0);
