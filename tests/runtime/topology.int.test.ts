/**
 * The production topology as `npm run topology` launches it (runtime/topology/launch.ts): two API processes, a
 * worker and two projection runners on a fresh PostgreSQL database, talking over real HTTP. It proves what the
 * topology is for: the APIs are interchangeable (a captcha from one is answered on the other, a token from one is
 * honoured by the other), the admin exists once, and when the leading runner is SIGKILLed the standby takes the
 * lock and applies what was written meanwhile — every event exactly once.
 *
 * Temporal is the run's shared dev server (one per test run), in a namespace of this file's own, so the workers'
 * system schedules meet no other test's.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isValidIdNumber } from '../../events/vocabulary/identifiers.js';
import { dropDatabase } from '../../runtime/topology/database.js';
import { type Topology, launchTopology } from '../../runtime/topology/launch.js';
import { TEST_POSTGRES_URL } from '../support/databases.js';
import { reconcile, runLoad } from '../../bench/load/index.js';

type Json = Record<string, unknown>;

async function call(base: string, method: string, url: string, options: { token?: string; payload?: Json } = {}) {
  const response = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      ...(options.payload ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.payload ? { body: JSON.stringify(options.payload) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** The captcha comes from one API and is answered on another: captchas live in the database, not in a process. */
async function captchaFrom(base: string) {
  const { body } = await call(base, 'GET', '/captcha');
  return { captchaId: body.captchaId as string, captchaAnswer: body.answer as string };
}

/** A valid GB 11643 number: a random Guangzhou body and whichever check character the rule accepts. */
function randomIdNumber(): string {
  const birth = new Date(Date.UTC(1980, 0, 1) + crypto.randomInt(0, 3650) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `440106${birth}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
  return [...'0123456789X'].map((check) => body + check).find(isValidIdNumber)!;
}

async function registerPerson(captchaBase: string, base: string): Promise<{ personId: string; position: string }> {
  const username = `topo_${crypto.randomBytes(4).toString('hex')}`;
  const payload = { username, password: `Topo${crypto.randomInt(1e6)}pw`, name: '张三丰', idNumber: randomIdNumber(), ...(await captchaFrom(captchaBase)) };
  const registered = await call(base, 'POST', '/accounts', { payload });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return { personId: registered.body.personId as string, position: registered.body.position as string };
}

/** The admin's password once the first sign-in has changed it (the load below signs in with it). */
const adminPassword = `Admin${crypto.randomInt(1e6)}topology`;

/** Signs in with the one-time password and sets a new one: the only way to a full session. */
async function signInFirstTime(signInBase: string, base: string, username: string, oneTimePassword: string): Promise<string> {
  const session = await call(signInBase, 'POST', '/sessions', { payload: { username, password: oneTimePassword, ...(await captchaFrom(signInBase)) } });
  expect(session.status, JSON.stringify(session.body)).toBe(200);
  const changed = await call(base, 'PUT', '/accounts/me/password', {
    token: session.body.accessToken as string,
    payload: { currentPassword: oneTimePassword, newPassword: adminPassword },
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  return changed.body.accessToken as string;
}

describe('the production topology (npm run topology)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-topology-'));
  const databaseUrl = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/jxjy_topology_${crypto.randomBytes(6).toString('hex')}` }).toString();
  let topology: Topology | undefined;
  let sql: pg.Pool;
  // A launch still going when beforeAll times out is stopped, so it leaves no process behind.
  const launching = new AbortController();

  beforeAll(async () => {
    topology = await launchTopology({
      dataDir,
      databaseUrl,
      temporalAddress: inject('temporalAddress'),
      temporalNamespace: `topology-${crypto.randomBytes(6).toString('hex')}`,
      apis: 2,
      workers: 1,
      runners: 2,
      // The load below signs many people in from one address: it says which client it is (X-Forwarded-For).
      env: { JXJY_CAPTCHA: 'reveal', JXJY_TRUST_PROXY: '1', JXJY_LOGIN_RATE_PER_MINUTE: '10000' },
      signal: launching.signal,
    });
    console.info(`topology (2 APIs, 1 worker, 2 runners) healthy in ${topology.startupMs} ms`);
    sql = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  }, 150_000);

  afterAll(async () => {
    launching.abort();
    await sql?.end();
    if (topology) await topology.destroy();
    else {
      await dropDatabase(databaseUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('starts every process healthy, with one runner leading and one admin account', async () => {
    const t = topology!;
    expect(t.processes().map((p) => [p.name, p.alive])).toEqual(
      expect.arrayContaining([['api-1', true], ['api-2', true], ['worker-1', true], ['runner-1', true], ['runner-2', true]]),
    );
    for (const url of t.apiUrls) {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', checks: { store: { status: 'ok' }, temporal: { status: 'ok' }, projections: { status: 'ok' } } });
    }
    expect(['runner-1', 'runner-2']).toContain(await t.leaderRunner());
    expect(t.admin).toMatchObject({ created: true, username: 'admin', oneTimePassword: expect.any(String) });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'AccountRegistered' AND data->>'username' = 'admin'`);
    expect(rows[0].n).toBe(1);
  });

  it('survives a SIGKILL of the leading runner: the standby takes over and applies each event exactly once', async () => {
    const t = topology!;
    const [api1, api2] = t.apiUrls as [string, string];
    // A token signed by one API is honoured by the other: they share the signing key.
    const admin = await signInFirstTime(api1, api2, t.admin.username, t.admin.oneTimePassword!);
    const before = await registerPerson(api1, api2);
    expect((await call(api1, 'GET', `/tasks?status=open&after=${encodeURIComponent(before.position)}`, { token: admin })).status).toBe(200);

    const leader = (await t.leaderRunner())!;
    const standby = leader === 'runner-1' ? 'runner-2' : 'runner-1';
    const killedAt = performance.now();
    expect(await t.kill(leader, 'SIGKILL')).toBe('SIGKILL');
    // Written while no runner leads: only the standby can project it.
    const during = await registerPerson(api2, api1);
    await expect.poll(() => t.leaderRunner(), { timeout: 20_000, interval: 100 }).toBe(standby);
    const takeoverMs = Math.round(performance.now() - killedAt);
    // Read-your-writes waits up to 5 s, then 503: asking again is what a client does.
    await expect
      .poll(async () => (await call(api2, 'GET', `/tasks?status=open&after=${encodeURIComponent(during.position)}`, { token: admin })).status, { timeout: 20_000, interval: 200 })
      .toBe(200);
    const readMs = Math.round(performance.now() - killedAt);
    console.info(`${standby} took the lead ${takeoverMs} ms after ${leader} was SIGKILLed; the write made meanwhile was readable after ${readMs} ms`);

    // The killed runner comes back as a standby; the new leader keeps the lock.
    await t.restart(leader);
    expect(await t.leaderRunner()).toBe(standby);
    const after = await registerPerson(api1, api2);
    await expect.poll(async () => (await call(api1, 'GET', `/tasks?status=open&after=${encodeURIComponent(after.position)}`, { token: admin })).status, { timeout: 20_000 }).toBe(200);

    await expect
      .poll(async () => {
        const health = (await (await fetch(`${api1}/health`)).json()) as { checks: { projections: { lag: number } } };
        return health.checks.projections.lag;
      }, { timeout: 20_000 })
      .toBe(0);
    const streams = await sql.query(`SELECT stream_id FROM stream_catalog WHERE stream_id = ANY($1)`, [[before, during, after].map((p) => `person-${p.personId}`)]);
    expect(streams.rowCount).toBe(3);
    // stream_catalog accumulates event_count per stream: an event applied twice would break either equality.
    const { rows } = await sql.query(`
      SELECT (SELECT count(*) FROM events)::int AS events,
             (SELECT coalesce(sum(event_count), 0) FROM stream_catalog)::int AS counted,
             (SELECT count(*) FROM stream_catalog WHERE event_count <> revision + 1)::int AS miscounted`);
    expect(rows[0]).toMatchObject({ miscounted: 0 });
    expect(rows[0].counted).toBe(rows[0].events);
  });

  it('spreads a load over both API instances, and a SIGKILLed instance loses no acknowledged command', async () => {
    const t = topology!;
    const [api1] = t.apiUrls as [string, string];
    const killed = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      return t.kill('api-2', 'SIGKILL');
    })();
    const load = await runLoad({ bases: t.apiUrls, clients: 8, seconds: 25, rampSeconds: 2, admin: { username: 'admin', password: adminPassword }, log: () => {} });
    expect(await killed).toBe('SIGKILL');
    expect(load.acknowledged.length).toBeGreaterThan(0);
    expect(load.failed.some((request) => request.status === 0), 'some requests met the dead instance').toBe(true);
    // The live instance answered everything it was asked without a 5xx other than 503.
    expect(load.failed.filter((request) => request.base === api1 && request.status >= 500 && request.status !== 503)).toEqual([]);
    // Its clients' sessions read their summaries from it again once it is back (as a load balancer would send them).
    await t.restart('api-2');
    const reconciliation = await reconcile(load);
    expect(reconciliation.events.missing, JSON.stringify(reconciliation.events).slice(0, 2_000)).toEqual([]);
    expect(reconciliation.ok, JSON.stringify({ events: reconciliation.events, totals: reconciliation.totals }).slice(0, 3_000)).toBe(true);
  }, 150_000);
});
