/**
 * Catch-up until a known position has been applied. On the shared PostgreSQL server a transaction open in another
 * test's database holds back every database's global order for a moment (the snapshot xmin is cluster-wide), so
 * one catchUp() may legitimately stop short of an event that was just appended.
 */
import type { Position } from '../../events/store/event-store.js';
import type { ProjectionRunner } from '../../projections/runner.js';

export async function catchUpTo(runner: ProjectionRunner, position: Position, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let total = 0;
  for (;;) {
    total += await runner.catchUp();
    if ((await runner.status()).position >= position) return total;
    if (Date.now() > deadline) throw new Error(`projections did not reach ${position} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
