/**
 * After a fault has healed: the system converges by itself (the runner catches up with the log), nothing
 * acknowledged is missing from the log, and credit_totals equals a fold of the approvals read back from the log —
 * a fold written here, not the projection's own.
 */
import type { EventStore } from '../../../events/store/event-store.js';
import type { ProjectionRunner } from '../../../projections/runner.js';
import type { TestDatabase } from '../../support/databases.js';
import type { Acknowledged } from './journeys.js';

export interface Reconciliation {
  missing: Acknowledged[];
  totals: { expected: Record<string, number>; projected: Record<string, number> };
}

/** Until the log stops growing and every projection has applied all of it. */
export async function waitForConvergence(projections: ProjectionRunner, store: EventStore, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    if (!(await projections.waitFor(head, Math.max(1, deadline - Date.now())))) throw new Error(`projections still behind ${head} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if ((await store.headPosition()) === head) return;
  }
}

export async function reconcile(db: TestDatabase, store: EventStore, acknowledged: Acknowledged[], personIds: string[]): Promise<Reconciliation> {
  const streams = new Map<string, Array<{ type: string; data: Record<string, unknown> }>>();
  const read = async (streamId: string) => {
    if (!streams.has(streamId)) streams.set(streamId, (await store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> })));
    return streams.get(streamId)!;
  };
  const missing: Acknowledged[] = [];
  for (const ack of acknowledged) {
    if (!(await read(ack.streamId)).some((event) => event.type === ack.eventType)) missing.push(ack);
  }
  // The whole log's approvals and revocations, not only this run's: the totals are the sum of everything.
  const expected: Record<string, number> = {};
  const people = new Set(personIds);
  let after: string | undefined;
  for (;;) {
    const page = await store.readPage({ ...(after ? { after } : {}), limit: 1_000, filter: { eventTypes: ['CreditRecordApproved', 'CreditRecordRevoked'] } });
    for (const event of page.events) {
      const data = event.data as { personId: string; year: number; category: string; halfHours: number };
      if (!people.has(data.personId)) continue;
      const key = `${data.personId}/${data.year}/${data.category}`;
      expected[key] = (expected[key] ?? 0) + (event.type === 'CreditRecordApproved' ? 1 : -1) * data.halfHours;
    }
    if (page.events.length === 0 || page.checkpoint === after) break;
    after = page.checkpoint;
  }
  for (const [key, halfHours] of Object.entries(expected)) if (halfHours === 0) delete expected[key];
  const { rows } = await db.query<{ person_id: string; year: number; category: string; half_hours: number }>(
    `SELECT person_id, year, category, half_hours FROM credit_totals WHERE person_id = ANY($1) AND half_hours <> 0`,
    [personIds],
  );
  const projected = Object.fromEntries(rows.map((row) => [`${row.person_id}/${row.year}/${row.category}`, Number(row.half_hours)]));
  return { missing, totals: { expected, projected } };
}
