/**
 * One simulated client of a load run — its line to an API instance, the shared world and ledger, and the run's clock —
 * and the loop every journey runs: act until the run ends, pausing a little between steps. A failed request is already
 * recorded as an error; the journey moves on to its next step. Anything else thrown is a bug in the driver, kept for
 * the report rather than lost.
 */
import crypto from 'node:crypto';
import { type ApiLine, RequestFailed } from './http.js';
import type { Ledger } from './ledger.js';
import type { World } from './world.js';

export interface RunClock {
  /** Milliseconds since the run started. */
  now(): number;
  /** The run's time is up or it was aborted: start nothing new. */
  stopped(): boolean;
  /** Milliseconds left of the run. */
  remaining(): number;
  /** Sleeps, waking early when the run stops. */
  sleep(ms: number): Promise<void>;
  /** Waits for `promise`, or for the run to stop (then undefined). */
  until<T>(promise: Promise<T>): Promise<T | undefined>;
}

export interface Client {
  index: number;
  line: ApiLine;
  world: World;
  ledger: Ledger;
  clock: RunClock;
  /** Upper bound of the random pause between two steps. */
  thinkMs: number;
  driverError(error: unknown): void;
  /** A read answered 2xx but did not show what `?after=` promised: the system's error, reported with the others. */
  inconsistent(route: string, message: string): void;
}

/** True with probability `p`. */
export const chance = (p: number) => crypto.randomInt(1_000_000) < p * 1_000_000;

export const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[crypto.randomInt(items.length)] : undefined);

/** Runs `step` until the run stops. */
export async function keepGoing(client: Client, step: () => Promise<void>): Promise<void> {
  while (!client.clock.stopped()) {
    await attempt(client, step);
    if (client.thinkMs > 0) await client.clock.sleep(crypto.randomInt(client.thinkMs + 1));
  }
}

/** Runs one step; a failed request ends the step (it is recorded already), a driver bug is kept. Returns success. */
export async function attempt(client: Client, step: () => Promise<void>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    if (!(error instanceof RequestFailed)) client.driverError(error);
    // Give a struggling system a moment rather than hammering it with the next step at once.
    await client.clock.sleep(100);
    return false;
  }
}

/** Runs a command on `entity`, marking it busy meanwhile and `uncertain` when the command fails. */
export async function commanding(entity: { busy: boolean; status: string }, command: () => Promise<void>): Promise<void> {
  entity.busy = true;
  try {
    await command();
  } catch (error) {
    entity.status = 'uncertain';
    throw error;
  } finally {
    entity.busy = false;
  }
}
