/**
 * `runLoad`: many clients at once, each on a journey (one admin, units, institutions, persons), spread round-robin
 * over one or more API instances, for a fixed time — returning per-route figures, the commands the system
 * acknowledged with the events each must have written, and every error by route and status. Free of process-level
 * side effects (no exit, no signal handlers, no output but `log`), so fault tests can drive it too: abort through
 * `signal`, watch every request through `onResult`, then `reconcile` the result.
 */
import crypto from 'node:crypto';
import { logHead } from './audit-log.js';
import type { Client, RunClock } from './client.js';
import { ApiLine, RequestFailed } from './http.js';
import { adminJourney } from './journeys/admin.js';
import { institutionJourney } from './journeys/institution.js';
import { personJourney } from './journeys/person.js';
import { unitJourney } from './journeys/unit.js';
import { type Acknowledged, Ledger } from './ledger.js';
import { Session } from './session.js';
import { type ErrorGroup, type Phase, Recorder, type RequestResult, type RouteStats } from './stats.js';
import { World } from './world.js';

export interface LoadOptions {
  /** API origins, e.g. `http://127.0.0.1:3000`; client i talks to bases[i % bases.length]. */
  bases: string[];
  clients: number;
  seconds: number;
  signal?: AbortSignal;
  onResult?: (result: RequestResult) => void;
  /** The administrator's account; a first sign-in changes `password` to `newPassword`. Default admin / Initial2026x. */
  admin?: { username?: string; password?: string; newPassword?: string };
  /** Upper bound of each client's random pause between steps (default 0: as fast as answers come). */
  thinkMs?: number;
  /** Clients start spread evenly over this many seconds (default 0: all at once, registrations in one burst). */
  rampSeconds?: number;
  requestTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Roles {
  admin: number;
  units: number;
  institutions: number;
  persons: number;
}

export interface LoadResult {
  runTag: string;
  startedAt: string;
  bases: string[];
  roles: Roles;
  /** From the first client's start to the last one's stop. */
  seconds: number;
  requests: number;
  routes: RouteStats[];
  errors: ErrorGroup[];
  /** Every failed request of the run (with its X-Request-Id, for the events it may have left). */
  failed: RequestResult[];
  /** Reads that answered but did not show what their `?after=` promised. */
  inconsistencies: Array<{ route: string; message: string }>;
  /** Exceptions of the driver itself (not the system's); there should be none. */
  driverErrors: string[];
  acknowledged: Acknowledged[];
  world: World;
  /** Signed in as an auditor: reconciliation reads the log with it. */
  auditor: Session;
  /** The newest event before the run: the run's events are those after it. */
  headBefore: string | undefined;
}

/** One admin; a unit per ten clients and an institution per sixteen (at least one each); persons for the rest. */
export function rolesFor(clients: number): Roles {
  if (!Number.isInteger(clients) || clients < 4) throw new Error('a load run needs at least 4 clients: an admin, a unit, an institution and a person');
  const units = Math.max(1, Math.round(clients * 0.1));
  const institutions = Math.max(1, Math.round(clients * 0.06));
  return { admin: 1, units, institutions, persons: clients - 1 - units - institutions };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { bases, clients, seconds, signal, thinkMs = 0, rampSeconds = 0, requestTimeoutMs = 30_000, log = () => {} } = options;
  if (bases.length === 0) throw new Error('runLoad needs at least one base URL');
  const roles = rolesFor(clients);
  const runTag = `ld${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  const recorder = new Recorder(options.onResult);
  const inconsistencies: LoadResult['inconsistencies'] = [];
  const driverErrors: string[] = [];
  let phase: Phase = 'setup';
  let startedAt = performance.now();
  const network = crypto.randomInt(1, 255);
  const line = (client: number) =>
    new ApiLine({
      base: bases[client % bases.length]!, client, address: `10.${network}.${(client >> 8) & 255}.${client & 255}`, runTag,
      record: (result) => recorder.add(result), clock: () => performance.now() - startedAt, timeoutMs: requestTimeoutMs, phase: () => phase,
    });

  log(`setup: signing in as admin and creating an auditor on ${bases[0]}`);
  const setupLine = line(clients);
  const admin = await signInAdmin(setupLine, options.admin);
  const auditor = await createAuditor(admin);
  const headBefore = await logHead(auditor.session, auditor.position);

  const world = new World();
  startedAt = performance.now();
  const ledger = new Ledger(() => performance.now() - startedAt);
  const clock = runClock(seconds * 1000, () => performance.now() - startedAt, signal);
  phase = 'run';
  log(`run ${runTag}: ${clients} clients (${roles.units} units, ${roles.institutions} institutions, ${roles.persons} persons, 1 admin) for ${seconds} s over ${bases.join(', ')}`);
  const client = (index: number): Client => ({
    index, line: line(index), world, ledger, clock, thinkMs,
    driverError: (error) => driverErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    inconsistent: (route, message) => inconsistencies.push({ route, message }),
  });
  const cycleMs = Math.min(20_000, Math.max(5_000, (seconds * 1000) / 4));
  const journeys: Array<Promise<void>> = [];
  let next = 0;
  // Reviewers first, so persons find approved units; with a ramp, client i starts at i/clients of it.
  const begin = (journey: (c: Client) => Promise<void>) => {
    const c = client(next++);
    const delay = (rampSeconds * 1000 * c.index) / clients;
    journeys.push(started(c, async (ready) => {
      if (delay > 0) await ready.clock.sleep(delay);
      if (!ready.clock.stopped()) await journey(ready);
    }));
  };
  begin((c) => adminJourney(c, admin.over(c.line)));
  for (let i = 0; i < roles.units; i++) begin(unitJourney);
  for (let i = 0; i < roles.institutions; i++) begin((c) => institutionJourney(c, cycleMs));
  for (let i = 0; i < roles.persons; i++) begin(personJourney);
  await Promise.all(journeys);
  const elapsed = (performance.now() - startedAt) / 1000;
  clock.dispose();
  phase = 'reconcile';

  const routes = recorder.routes(elapsed);
  log(`run ${runTag} ended after ${elapsed.toFixed(1)} s: ${ledger.acknowledged.length} commands acknowledged, ${recorder.failed.length} failed requests`);
  return {
    runTag, startedAt: new Date(Date.now() - elapsed * 1000).toISOString(), bases, roles, seconds: elapsed,
    requests: routes.reduce((sum, r) => sum + r.requests, 0), routes, errors: recorder.errors(), failed: recorder.failed,
    inconsistencies, driverErrors, acknowledged: ledger.acknowledged, world, auditor: auditor.session, headBefore,
  };
}

/** A journey whose opening steps failed ends there; its failure is already recorded. */
async function started(client: Client, journey: (client: Client) => Promise<void>): Promise<void> {
  try {
    await journey(client);
  } catch (error) {
    if (!(error instanceof RequestFailed)) client.driverError(error);
  }
}

async function signInAdmin(line: ApiLine, admin: LoadOptions['admin'] = {}): Promise<Session> {
  const { username = 'admin', password = 'Initial2026x', newPassword = `${password}9` } = admin;
  const first = new Session(line, username, password, newPassword);
  try {
    await first.signIn();
    return first;
  } catch (error) {
    // A system an earlier run signed in to already has the changed password.
    if (!(error instanceof RequestFailed) || error.status !== 401) throw error;
    const again = new Session(line, username, newPassword, `${newPassword}9`);
    await again.signIn();
    return again;
  }
}

async function createAuditor(admin: Session): Promise<{ session: Session; position: string }> {
  const username = `ld_audit_${crypto.randomBytes(4).toString('hex')}`;
  const created = await admin.call<{ oneTimePassword: string; position: string }>('POST /staff', '/staff', { body: { username, name: '负载测试审计员', role: 'auditor' } });
  const session = new Session(admin.line, username, created.body.oneTimePassword, 'Auditor2026load');
  await session.signIn();
  return { session, position: created.body.position };
}

function runClock(durationMs: number, now: () => number, signal: AbortSignal | undefined): RunClock & { dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  const whenStopped = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, durationMs - now()));
    signal?.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  return {
    now,
    stopped: () => Boolean(signal?.aborted) || now() >= durationMs,
    remaining: () => (signal?.aborted ? 0 : Math.max(0, durationMs - now())),
    sleep: (ms) => Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms)), whenStopped.then(() => undefined)]),
    until: <T>(promise: Promise<T>) => Promise.race([promise, whenStopped]),
    dispose: () => clearTimeout(timer),
  };
}
