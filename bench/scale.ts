/**
 * `npm run bench:scale` (issue 13, item 4): a province on PostgreSQL. Generates the history of 1,000,000 persons,
 * 20,000 units and 20,000,000 events at `--scale 1` (1% by default) straight into a fresh `jxjy_scale*` database —
 * every event decided by the project's own deciders and chained with the adapter's own hash — then builds the read
 * models with the projection runner, appends and catches up a live tail, checks the audit chain, and measures the
 * read routes over HTTP against their targets (summary p99 ≤ 20 ms; a 5,000-member unit's inbox and member pages
 * p99 ≤ 50 ms). Figures, never pass/fail; the report lands in bench/scale/results/. Options: bench/scale/options.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../api/accounts/passwords.js';
import { createPostgresEventStore } from '../events/store/postgres-event-store.js';
import { databaseExists, databaseUrl, dropDatabase, finishLoad, loadManifest, openBenchDatabase, prepareForLoad, recreateDatabase, saveManifest, sizes, vacuumAnalyze } from './scale/database.js';
import { explainRoutes } from './scale/explain.js';
import { type Manifest, generate } from './scale/generate.js';
import { newJwtSecret, startApi, stopApi } from './scale/api-process.js';
import { measureRoutes } from './scale/measure.js';
import { parseOptions } from './scale/options.js';
import { rebuildAll } from './scale/rebuild.js';
import { type Results, renderMarkdown } from './scale/report.js';
import { runTail } from './scale/tail.js';
import { measureTemporalCosts } from './scale/temporal-costs.js';
import { verifyGenerated } from './scale/verify.js';

const options = parseOptions(process.argv.slice(2));
const url = databaseUrl(options.adminUrl, options.database);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function machine(): Promise<Results['machine']> {
  const db = await openBenchDatabase(options.adminUrl, 1);
  try {
    const setting = async (name: string) => (await db.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0]!.v;
    const settings: Record<string, string> = {};
    for (const name of ['shared_buffers', 'work_mem', 'effective_cache_size', 'max_wal_size', 'random_page_cost']) settings[name] = await setting(name);
    return { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, postgres: (await setting('server_version')).split(' ')[0]!, settings };
  } finally {
    await db.close();
  }
}

async function main() {
  const label = options.database;
  const json = path.join(options.out, `${label}.json`);
  // --reuse measures again what it does not skip and keeps the rest of the last run's figures.
  const previous: Partial<Results> = options.reuse && fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Results) : {};
  if (!options.skip.has('api')) delete previous.routes;
  if (!options.skip.has('explain')) delete previous.plans;
  if (!options.skip.has('temporal')) delete previous.temporal;
  const now = new Date().toISOString();
  const phases = (['rebuild', 'tail', 'verify', 'api', 'explain', 'temporal'] as const).filter((p) => !options.skip.has(p));
  const results: Results = {
    ...previous, label, startedAt: previous.startedAt ?? now, machine: await machine(), load: { ...previous.load },
    ...(options.reuse ? { remeasured: { phases, startedAt: now } } : {}),
    manifest: undefined as unknown as Results['manifest'],
  };
  const phase = (name: string) => {
    results.load[name] = os.loadavg()[0]!;
    log(`${name} (load ${os.loadavg()[0]!.toFixed(2)})`);
  };
  fs.mkdirSync(options.out, { recursive: true });
  const write = () => {
    results.finishedAt = new Date().toISOString();
    fs.writeFileSync(json, JSON.stringify(results, null, 2));
    fs.writeFileSync(path.join(options.out, `${label}.md`), renderMarkdown(results));
  };

  let manifest: Manifest;
  if (options.reuse) {
    if (!(await databaseExists(options.adminUrl, options.database))) throw new Error(`--reuse: there is no database ${options.database}`);
    const db = await openBenchDatabase(url);
    manifest = await loadManifest(db);
    await db.close();
  } else {
    phase('generate');
    log(`${options.database}: ${options.persons.toLocaleString('en-US')} persons, ${options.units.toLocaleString('en-US')} units, ~${options.events.toLocaleString('en-US')} events`);
    await recreateDatabase(options.adminUrl, options.database);
    const db = await openBenchDatabase(url);
    const setAside = await prepareForLoad(db);
    const started = performance.now();
    const shape = { persons: options.persons, units: options.units, events: options.events, bigUnitMembers: options.bigUnitMembers, seed: options.seed };
    const generated = await generate(shape, url, await hashPassword('Generated2026x'), log);
    const seconds = (performance.now() - started) / 1000;
    manifest = generated.manifest;
    await saveManifest(db, manifest);
    await db.close();
    log(`generated ${manifest.events.toLocaleString('en-US')} events in ${seconds.toFixed(0)} s; rebuilding keys and indexes`);
    phase('index');
    const finished = await finishLoad(url, setAside);
    results.generation = { seconds, eventsPerSecond: manifest.events / seconds, copiedBytes: generated.copiedBytes, ...finished };
  }
  const { persons: _persons, unitNames: _names, ...summary } = manifest;
  results.manifest = summary;
  write();

  const db = await openBenchDatabase(url, 8);
  try {
    const store = await createPostgresEventStore(db);
    if (!options.skip.has('rebuild')) {
      phase('rebuild');
      results.rebuild = await rebuildAll(db, store, options.rebuildBatch, log);
      await vacuumAnalyze(url);
      write();
    }
    if (!options.skip.has('tail')) {
      phase('tail');
      results.tail = await runTail(db, store, options.tailLifecycles, options.tailWriters);
      write();
    }
    if (!options.skip.has('verify')) {
      phase('verify');
      results.verify = await verifyGenerated(db, store, manifest.events <= 2_500_000);
      write();
    }
    results.sizes = await sizes(db);
    if (!options.skip.has('api')) {
      phase('api');
      const secret = newJwtSecret();
      const ttl = 24 * 3600;
      const api = await startApi(url, secret, ttl);
      try {
        const { sequential, rounds, concurrent, clients, openLoopSeconds } = options;
        results.routes = await measureRoutes(api, secret, ttl, manifest, { sequential, rounds, concurrent, clients, openLoopSeconds });
      } finally {
        await stopApi(api);
      }
      write();
    }
    if (!options.skip.has('explain')) {
      phase('explain');
      results.plans = await explainRoutes(db, manifest);
    }
  } finally {
    await db.close();
    write();
    if (!options.keep) await dropDatabase(options.adminUrl, options.database);
  }
  if (!options.skip.has('temporal')) {
    phase('temporal');
    results.temporal = await measureTemporalCosts(10, log);
    write();
  }
  log(`report: ${path.join(options.out, `${label}.md`)}${options.keep ? ` (database ${options.database} kept)` : ''}`);
}

await main();
