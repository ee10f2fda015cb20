/**
 * `npm run bench:scale -- [options]`. The province is 1,000,000 persons, 20,000 units and 20,000,000 events at
 * `--scale 1`; the default is 1% (a quick run). One unit always has `--big-unit` members (5,000), the size the route
 * targets are about.
 */
import { parseArgs } from 'node:util';
import { TEST_POSTGRES_URL } from '../../tests/support/scratch-postgres.js';

export interface Options {
  persons: number;
  units: number;
  events: number;
  bigUnitMembers: number;
  seed: number;
  database: string;
  adminUrl: string;
  /** Measure an already generated database again (its manifest says what it holds). */
  reuse: boolean;
  /** Keep the database afterwards (default: drop it). */
  keep: boolean;
  skip: Set<'rebuild' | 'tail' | 'verify' | 'api' | 'explain' | 'temporal'>;
  rebuildBatch: number;
  tailLifecycles: number;
  tailWriters: number;
  sequential: number;
  rounds: number;
  concurrent: number;
  openLoopSeconds: number;
  clients: number;
  out: string;
}

const USAGE = `npm run bench:scale -- [--scale 0.01] [--persons N --units N --events N] [--big-unit 5000] [--seed 1]
  [--db jxjy_scale_…] [--reuse] [--keep] [--skip rebuild,tail,verify,api,explain,temporal] [--rebuild-batch 500]
  [--tail 1000] [--tail-writers 8] [--requests 1500] [--rounds 3] [--concurrent 3000] [--clients 8] [--open-seconds 15]
  [--out bench/scale/results]`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '0.01' },
      persons: { type: 'string' },
      units: { type: 'string' },
      events: { type: 'string' },
      'big-unit': { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      db: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
      'rebuild-batch': { type: 'string', default: '500' },
      tail: { type: 'string', default: '1000' },
      'tail-writers': { type: 'string', default: '8' },
      requests: { type: 'string', default: '1500' },
      rounds: { type: 'string', default: '3' },
      concurrent: { type: 'string', default: '3000' },
      'open-seconds': { type: 'string', default: '15' },
      clients: { type: 'string', default: '8' },
      out: { type: 'string', default: 'bench/scale/results' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, not ${value}`);
    return n;
  };
  const scale = number('scale', values.scale, 0.01);
  const persons = Math.round(number('persons', values.persons, 1_000_000 * scale));
  const skip = new Set(values.skip.split(',').map((s) => s.trim()).filter(Boolean)) as Options['skip'];
  const phases = ['rebuild', 'tail', 'verify', 'api', 'explain', 'temporal'];
  for (const phase of skip) if (!phases.includes(phase)) throw new Error(`--skip knows ${phases.join(', ')} — not ${phase}`);
  return {
    persons,
    units: Math.max(2, Math.round(number('units', values.units, 20_000 * scale))),
    events: Math.round(number('events', values.events, 20_000_000 * scale)),
    bigUnitMembers: Math.min(Math.round(number('big-unit', values['big-unit'], 5000)), Math.floor(persons / 2)),
    seed: number('seed', values.seed, 1),
    database: values.db ?? `jxjy_scale_${String(scale).replace('.', '_')}`,
    adminUrl: TEST_POSTGRES_URL,
    reuse: values.reuse,
    keep: values.keep || values.reuse,
    skip,
    rebuildBatch: number('rebuild-batch', values['rebuild-batch'], 500),
    tailLifecycles: number('tail', values.tail, 1000),
    tailWriters: Math.max(1, number('tail-writers', values['tail-writers'], 8)),
    sequential: number('requests', values.requests, 1500),
    rounds: Math.max(1, number('rounds', values.rounds, 3)),
    concurrent: number('concurrent', values.concurrent, 3000),
    openLoopSeconds: number('open-seconds', values['open-seconds'], 15),
    clients: Math.max(1, number('clients', values.clients, 8)),
    out: values.out,
  };
}
