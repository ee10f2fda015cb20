/**
 * A registration answered with 503 (or not at all) may have gone through anyway: the API gives up on Temporal after
 * its deadline while the registration itself carries on and completes. Its owner finds out as a person would, by
 * trying to sign in a few times over a few seconds; the registration stays unacknowledged either way (its events are
 * reported as those of a failed request), but the client can go on with its journey.
 */
import type { Client } from '../client.js';
import { RequestFailed } from '../http.js';
import type { Session } from '../session.js';

export async function registeredAfterAll(client: Client, session: Session, failure: unknown): Promise<boolean> {
  if (!(failure instanceof RequestFailed) || (failure.status !== 503 && failure.status !== 0)) return false;
  for (let tries = 0; tries < 4 && !client.clock.stopped(); tries++) {
    await client.clock.sleep(2_000);
    if (await session.trySignIn()) return true;
  }
  return false;
}
