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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Reviewer, approvedOrg, boundPerson } from '../../api/actors.js';
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
async function underLoad(fault: { inject(): Promise<void>; heal(): Promise<void> }, downMs = 4_000): Promise<LoadResult> {
  const controller = new AbortController();
  const load = runJourneys(system.server, { unit, persons }, controller.signal);
  await pause(1_500);
  await fault.inject();
  await pause(downMs);
  await fault.heal();
  await pause(2_500);
  controller.abort();
  const result = await load;

  const failures = result.answers.filter((answer) => answer.status >= 500 && answer.status !== 503);
  expect(failures, JSON.stringify(failures.slice(0, 5))).toEqual([]);
  const bare = result.answers.filter((answer) => answer.status === 503 && !/^\d+$/.test(answer.retryAfter ?? ''));
  expect(bare, '503 without Retry-After').toEqual([]);
  expect(result.acknowledged.length).toBeGreaterThan(0);

  await waitForConvergence(system.projections, system.store).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${JSON.stringify(await system.projections.status())}\nrunner:\n${system.runner.log().slice(-3_000)}\nworker:\n${system.worker.log().slice(-3_000)}`);
  });
  const { missing, totals } = await reconcile(system.db, system.store, result.acknowledged, persons.map((p) => p.personId));
  expect(missing).toEqual([]);
  expect(totals.projected).toEqual(totals.expected);
  // Still working afterwards, without an operator.
  const after = await call(system.server, { method: 'POST', url: '/api/v1/credit-records', token: persons[0]!.token, payload: { year: 2026, category: 'elective', title: '恢复后的课程', mode: 'distance', startDate: '2026-06-01', endDate: '2026-06-01', hours: 1 } });
  expect(after.statusCode, after.payload).toBe(201);
  return result;
}

const unavailable = (result: LoadResult) => result.answers.filter((answer) => answer.status === 503);

describe('faults under load', { timeout: 180_000 }, () => {
  it('survives a SIGKILL of the projection runner: commands go on, the restarted runner catches up exactly once', async () => {
    await underLoad({ inject: () => system.runner.kill('SIGKILL'), heal: () => system.runner.start() });
  });

  it('survives a SIGKILL of the worker: 503 with Retry-After while it is gone, then every acknowledged command holds', async () => {
    const result = await underLoad({ inject: () => system.worker.kill('SIGKILL'), heal: () => system.worker.start() });
    expect(unavailable(result).length, 'commands met the missing worker').toBeGreaterThan(0);
  });

  it('survives a SIGKILL of the Temporal server: 503 with Retry-After while it is gone, then the same worker and API carry on', async () => {
    const result = await underLoad({ inject: () => system.temporal.kill(), heal: () => system.temporal.start() });
    expect(unavailable(result).length, 'commands met the missing server').toBeGreaterThan(0);
  });

  it('survives PostgreSQL terminating every connection, again and again', async () => {
    let terminating: Promise<void> | undefined;
    let stop = false;
    await underLoad({
      async inject() {
        terminating = (async () => {
          while (!stop) {
            spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qtAc', `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${new URL(system.db.url!).pathname.slice(1)}'`]);
            await pause(700);
          }
        })();
      },
      async heal() {
        stop = true;
        await terminating;
      },
    });
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
  });
});
