/**
 * Latency of the read routes against the generated province, over real HTTP to the API in its own process, with
 * tokens minted by the API's key (api/auth.ts `issueAccessToken`, the claims a login would give). Three views of each:
 *  - sequential — one request at a time: the route's own latency; in rounds interleaved with the other routes, so a
 *    busy moment of the shared machine lands on one round, not on one route;
 *  - saturated — `clients` requests always in flight: what one API process serves per second, and the queueing then;
 *  - open loop — requests arriving at random (Poisson) at a quarter and at half that rate: latency at a given load.
 * Every scenario is warmed first; figures are the client's wall time, beside the API's own time per request.
 */
import { issueAccessToken } from '../../api/auth.js';
import { percentile } from '../http-actor.js';
import { type Api, take } from './api-process.js';
import type { Manifest } from './generate.js';
import { type Random, seededRandom } from './random.js';
import os from 'node:os';

export interface Figures {
  route: string;
  mode: string;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Achieved (sequential, saturated) or offered (open loop) requests per second. */
  perSecond: number;
  /** Sequential: the p99 of each round. */
  roundP99s?: number[];
  /** The API's own time per request, and how late its event loop ran (a process waiting for a core shows here). */
  server: { p50: number; p99: number; loopDelayP99: number };
  /** 1-minute load average when the measurement began (the machine is shared). */
  load: number;
}

interface Scenario {
  route: string;
  path(): string;
  token?: () => string;
}

export interface MeasureOptions {
  sequential: number;
  rounds: number;
  concurrent: number;
  clients: number;
  openLoopSeconds: number;
}

async function get(base: string, path: string, token?: string): Promise<{ ms: number; body: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as Record<string, unknown> };
}

const call = (api: Api, s: Scenario) => get(api.uri, s.path(), s.token?.());

function summarise(route: string, mode: string, values: number[], perSecond: number, server: Awaited<ReturnType<typeof take>>, load: number): Figures {
  return {
    route, mode, requests: values.length, p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99), max: Math.max(...values), perSecond,
    server: { p50: percentile(server.durations, 50), p99: percentile(server.durations, 99), loopDelayP99: server.loopDelayP99Ms }, load,
  };
}

/** `requests` calls with `clients` always in flight; resolves to the latencies and the rate achieved. */
async function closedLoop(api: Api, s: Scenario, clients: number, requests: number): Promise<{ values: number[]; perSecond: number }> {
  const values: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next++ < requests) values.push((await call(api, s)).ms);
  }));
  return { values, perSecond: values.length / ((performance.now() - started) / 1000) };
}

/** Poisson arrivals at `rate` per second for `seconds`, each sent when it arrives whatever is still in flight. */
async function openLoop(api: Api, s: Scenario, rate: number, seconds: number, random: Random): Promise<number[]> {
  const values: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  for (let at = started; at < started + seconds * 1000; at += random.exponential(1000 / rate)) {
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(call(api, s).then(({ ms }) => void values.push(ms)));
  }
  await Promise.all(inFlight);
  return values;
}

/** Walks a cursor-paged list to its end; returns every later page's cursor and how many items there are. */
async function walk(base: string, path: string, token: string): Promise<{ cursors: string[]; items: number }> {
  const cursors: string[] = [];
  let items = 0;
  let cursor: string | null = null;
  do {
    const { body } = await get(base, `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    items += (body.items as unknown[]).length;
    cursor = body.nextCursor as string | null;
    if (cursor) cursors.push(cursor);
  } while (cursor && cursors.length < 2000);
  return { cursors, items };
}

/** What people type to find their unit: a part of its name (2–4 characters from anywhere in it), sometimes all of it. */
function searchQueries(names: string[], random: Random): string[] {
  return Array.from({ length: 300 }, () => {
    const chars = [...random.pick(names)];
    if (random.chance(0.1)) return chars.join('');
    const length = random.int(2, 4);
    const from = random.int(0, Math.max(0, chars.length - length));
    return chars.slice(from, from + length).join('');
  });
}

export async function measureRoutes(api: Api, jwtSecret: string, ttl: number, manifest: Manifest, options: MeasureOptions): Promise<{ figures: Figures[]; inboxOpen: number; members: number }> {
  const random = seededRandom(11);
  const keys = { jwtSecret, accessTokenTtl: ttl };
  const personTokens = manifest.persons.map(({ personId, accountId }) => issueAccessToken(keys, { accountId, role: 'person', subjectId: personId, credentialVersion: 2 }).accessToken);
  const { orgId, reviewerAccountId } = manifest.bigUnit;
  const reviewer = issueAccessToken(keys, { accountId: reviewerAccountId, role: 'unit', subjectId: reviewerAccountId, orgId, credentialVersion: 2 }).accessToken;
  const inboxPath = '/tasks?status=open&limit=20';
  const membersPath = `/units/${orgId}/members?limit=20`;
  const inbox = await walk(api.uri, inboxPath, reviewer);
  const members = await walk(api.uri, membersPath, reviewer);
  const queries = searchQueries(manifest.unitNames, random);
  const deep = (path: string, cursors: string[]) => () => (cursors.length ? `${path}&cursor=${encodeURIComponent(random.pick(cursors))}` : path);

  // Measured every way; the fixed searches after them only sequentially.
  const loaded: Scenario[] = [
    { route: 'GET /me/credit-summary (random persons)', path: () => '/me/credit-summary', token: () => random.pick(personTokens) },
    { route: 'GET /tasks?status=open — big unit, first page', path: () => inboxPath, token: () => reviewer },
    { route: 'GET /tasks?status=open — big unit, a later page (cursor)', path: deep(inboxPath, inbox.cursors), token: () => reviewer },
    { route: 'GET /units/{unitId}/members — big unit, first page', path: () => membersPath, token: () => reviewer },
    { route: 'GET /units/{unitId}/members — big unit, a later page (cursor)', path: deep(membersPath, members.cursors), token: () => reviewer },
    { route: 'GET /units/{unitId}/members?limit=200 — big unit, a later page', path: deep(`/units/${orgId}/members?limit=200`, members.cursors.filter((_, i) => i % 10 === 9)), token: () => reviewer },
    { route: 'GET /orgs?q=<2–4 characters of a unit name>', path: () => `/orgs?q=${encodeURIComponent(random.pick(queries))}` },
  ];
  const scenarios = [...loaded, ...['广州', '有限公司', '科技', '医院', '华'].map((q) => ({ route: `GET /orgs?q=${q}`, path: () => `/orgs?q=${encodeURIComponent(q)}` }))];

  const figures: Figures[] = [];
  for (const s of scenarios) await closedLoop(api, s, 4, 200); // warm-up
  // Sequential, in rounds across all scenarios.
  const sequential = new Map<Scenario, { values: number[]; rounds: number[]; seconds: number; server: number[]; loop: number[]; load: number }>();
  const perRound = Math.ceil(options.sequential / options.rounds);
  for (let round = 0; round < options.rounds; round++) {
    for (const s of scenarios) {
      const entry = sequential.get(s) ?? { values: [], rounds: [], seconds: 0, server: [], loop: [], load: os.loadavg()[0]! };
      await take(api);
      const { values, perSecond } = await closedLoop(api, s, 1, perRound);
      const server = await take(api);
      entry.values.push(...values);
      entry.rounds.push(percentile(values, 99));
      entry.seconds += values.length / perSecond;
      entry.server.push(...server.durations);
      entry.loop.push(server.loopDelayP99Ms);
      sequential.set(s, entry);
    }
  }
  for (const [s, e] of sequential) {
    const server = { durations: e.server, loopDelayP99Ms: Math.max(...e.loop) };
    figures.push({ ...summarise(s.route, 'sequential', e.values, e.values.length / e.seconds, server, e.load), roundP99s: e.rounds });
  }
  // Saturated, then open loops at a quarter and half the rate saturation reached (the fixed searches only sequentially).
  for (const s of loaded) {
    let load = os.loadavg()[0]!;
    await take(api);
    const saturated = await closedLoop(api, s, options.clients, options.concurrent);
    figures.push(summarise(s.route, `saturated, ${options.clients} clients`, saturated.values, saturated.perSecond, await take(api), load));
    for (const [share, label] of [[0.25, 'a quarter'], [0.5, 'half']] as const) {
      const rate = saturated.perSecond * share;
      load = os.loadavg()[0]!;
      const open = await openLoop(api, s, rate, options.openLoopSeconds, random);
      figures.push(summarise(s.route, `open loop, ${Math.round(rate)}/s (${label} of saturation)`, open, rate, await take(api), load));
    }
  }
  return { figures, inboxOpen: inbox.items, members: members.items };
}
