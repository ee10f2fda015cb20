/**
 * Faults under load (issue 13): while people declare, attach, submit and approve, one part at a time fails — the
 * worker and the projection runner are SIGKILLed, the Temporal server is SIGKILLed, PostgreSQL's connections are
 * terminated, the files folder fills up. While it is down, commands answer 503 with Retry-After, never another 5xx;
 * once it is back, everything converges by itself, nothing acknowledged is missing from the log, and the credit
 * totals equal a fold of the log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, SAMPLE_PDF, approvedOrg, boundPerson, multipart } from '../../api/actors.js';
import { TEST_POSTGRES_URL } from '../../support/databases.js';
import { call } from '../../api/system.js';
import { type FaultSystem, canMountTmpfs, startFaultSystem } from './fault-system.js';
import { type LoadResult, runJourneys } from './journeys.js';
import { reconcile, waitForConvergence } from './reconcile.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const onTmpfs = canMountTmpfs();

let system: FaultSystem;
let unit: Reviewer;
let persons: Person[];

beforeAll(async () => {
  system = await startFaultSystem(onTmpfs ? { filesOnTmpfs: '64m' } : {});
  unit = await approvedOrg(system.server);
  persons = [];
  for (const name of ['王故障', '李恢复', '张收敛']) persons.push(await boundPerson(system.server, unit, name));
}, 180_000);

afterAll(async () => system?.close());

/** Load for a while, the fault for `downMs`, healed, more load; then convergence and the reconciliation. */
async function underLoad(fault: { inject(): Promise<unknown>; heal(): Promise<unknown> }, downMs = 4_000): Promise<LoadResult> {
  const controller = new AbortController();
  const load = runJourneys(system.server, { unit, persons }, controller.signal);
  let result: LoadResult;
  try {
    await pause(1_500);
    try {
      await fault.inject();
      await pause(downMs);
    } finally {
      await fault.heal();
    }
    await pause(2_500);
  } finally {
    controller.abort();
    result = await load;
  }

  const failures = result.answers.filter((answer) => answer.status >= 500 && answer.status !== 503);
  expect(failures, JSON.stringify(failures.slice(0, 5))).toEqual([]);
  const bare = result.answers.filter((answer) => answer.status === 503 && !/^\d+$/.test(answer.retryAfter ?? ''));
  expect(bare, '503 without Retry-After').toEqual([]);
  expect(result.acknowledged.some((ack) => ack.eventType === 'CreditRecordApproved'), 'records were approved').toBe(true);

  await waitForConvergence(system.projections, system.store).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${JSON.stringify(await system.projections.status())}\nrunner:\n${system.runner.log().slice(-3_000)}\nworker:\n${system.worker.log().slice(-3_000)}`);
  });
  const { missing, totals } = await reconcile(system.db, system.store, result.acknowledged, persons.map((p) => p.personId));
  expect(missing).toEqual([]);
  expect(Object.keys(totals.expected).length).toBeGreaterThan(0);
  expect(totals.projected).toEqual(totals.expected);
  // Still working afterwards, without an operator.
  const after = await call(system.server, { method: 'POST', url: '/api/v1/credit-records', token: persons[0]!.token, payload: { year: 2026, category: 'elective', title: '恢复后的课程', mode: 'distance', startDate: '2026-06-01', endDate: '2026-06-01', hours: 1 } });
  expect(after.statusCode, after.payload).toBe(201);
  return result;
}

const unavailable = (result: LoadResult) => result.answers.filter((answer) => answer.status === 503);

describe('faults under load', { timeout: 180_000 }, () => {
  it('survives a SIGKILL of the projection runner: commands go on, the restarted runner catches up exactly once', async () => {
    let killedAt = '';
    let ended: string | null = null;
    await underLoad({
      async inject() {
        ended = await system.runner.kill('SIGKILL');
        killedAt = await system.store.headPosition();
      },
      async heal() {
        // The log grew while no runner applied it; the restarted one must catch up past it.
        expect(await system.store.headPosition()).not.toBe(killedAt);
        await system.runner.start();
      },
    });
    expect(ended).toBe('SIGKILL');
  });

  it('survives a SIGKILL of the worker: 503 with Retry-After while it is gone, then every acknowledged command holds', async () => {
    let ended: string | null = null;
    const result = await underLoad({ inject: async () => (ended = await system.worker.kill('SIGKILL')), heal: () => system.worker.start() });
    expect(ended).toBe('SIGKILL');
    expect(unavailable(result).length, 'commands met the missing worker').toBeGreaterThan(0);
  });

  it('survives a SIGKILL of the Temporal server: 503 with Retry-After while it is gone, then the same worker and API carry on', async () => {
    const result = await underLoad({ inject: () => system.temporal.kill(), heal: () => system.temporal.start() });
    expect(unavailable(result).length, 'commands met the missing server').toBeGreaterThan(0);
  });

  it('survives PostgreSQL terminating every connection, again and again', async () => {
    const processes = { runner: system.runner.pid, worker: system.worker.pid };
    const database = new URL(system.db.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    let terminated = 0;
    let terminating: Promise<void> | undefined;
    let stop = false;
    try {
      await underLoad({
        async inject() {
          terminating = (async () => {
            while (!stop) {
              const { rows } = await admin.query<{ n: string }>(
                `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
                [database],
              );
              terminated += Number(rows[0]!.n);
              await pause(700);
            }
          })();
        },
        async heal() {
          stop = true;
          await terminating;
        },
      });
    } finally {
      stop = true;
      await admin.end();
    }
    expect(terminated, 'connections terminated').toBeGreaterThan(0);
    // Nobody died of it: the same worker and runner processes carried on.
    expect({ runner: system.runner.pid, worker: system.worker.pid }).toEqual(processes);
  });

  it.skipIf(!onTmpfs)('answers 503 with Retry-After while the files folder is full, and takes evidence again once there is room', async () => {
    const filler = path.join(system.filesDir, 'filler');
    const result = await underLoad({
      async inject() {
        spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'count=100']);
      },
      async heal() {
        fs.rmSync(filler, { force: true });
      },
    });
    const refused = unavailable(result).filter((answer) => answer.route === 'POST /credit-records/{id}/attachments');
    expect(refused.length, 'uploads met the full disk').toBeGreaterThan(0);
    // Room again: new evidence is taken.
    const record = await call(system.server, { method: 'POST', url: '/api/v1/credit-records', token: persons[1]!.token, payload: { year: 2026, category: 'elective', title: '磁盘恢复后的课程', mode: 'distance', startDate: '2026-07-01', endDate: '2026-07-01', hours: 1 } });
    const evidence = Buffer.concat([SAMPLE_PDF, Buffer.from(`% after the disk was freed ${Date.now()}\n`, 'latin1')]);
    const { payload, headers } = multipart('file', '证明.pdf', evidence, 'application/pdf');
    const attached = await system.server.inject({ method: 'POST', url: `/api/v1/credit-records/${record.result!.recordId as string}/attachments`, payload, headers: { ...headers, authorization: `Bearer ${persons[1]!.token}` } });
    expect(attached.statusCode, attached.payload).toBe(201);
  });
});
