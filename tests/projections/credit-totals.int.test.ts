/**
 * credit_totals on real PGlite and PostgreSQL: after a mixed history of approvals and revocations over several people,
 * years and categories — folded live in small batches — a rebuild from zero gives exactly the same rows, and both
 * equal the pure fold of the events.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type CreditCategory, creditStream } from '../../events/credit.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { creditTotalDeltas, creditTotalsProjection } from '../../projections/credit-totals.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { catchUpTo } from '../support/catch-up.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../support/databases.js';

const CATEGORIES: CreditCategory[] = ['public', 'professional', 'elective'];

for (const engine of ENGINES) {
  describe(`credit_totals on ${engine}`, () => {
    const dbs: TestDatabase[] = [];
    afterEach(async () => {
      while (dbs.length) await dbs.pop()!.drop();
    });

    it('rebuilds from zero to exactly the live totals, which equal the pure fold', async () => {
      const db = await openTestDatabase(engine);
      dbs.push(db);
      const store = await createPostgresEventStore(db);
      const runner = createProjectionRunner({ db, store, projections: [creditTotalsProjection], batchSize: 7 });
      await runner.init();
      const people = Array.from({ length: 4 }, () => crypto.randomUUID());
      const appended: Array<{ type: string; data: unknown }> = [];
      let last = '';
      for (let i = 0; i < 40; i++) {
        const recordId = crypto.randomUUID();
        const data = { recordId, personId: people[i % 4]!, year: 2024 + (i % 3), category: CATEGORIES[i % 3]!, halfHours: 2 + (i % 9) };
        const events = [{ type: 'CreditRecordApproved', data: { ...data, approvedBy: 'rev', approvedAt: '2026-01-01T00:00:00.000Z' } }];
        if (i % 4 === 1) events.push({ type: 'CreditRecordRevoked', data: { ...data, reason: '撤销', revokedBy: 'admin', revokedAt: '2026-01-02T00:00:00.000Z' } } as never);
        const result = await store.append(creditStream(recordId), events.map((e) => ({ ...e, eventId: crypto.randomUUID(), recordedAt: '2026-01-01T00:00:00.000Z' })), { expectedRevision: 'no_stream' });
        appended.push(...events);
        last = result.position;
        if (i % 10 === 9) await catchUpTo(runner, last); // live: folded as the history grows
      }
      await catchUpTo(runner, last);
      const rows = async () =>
        (await db.query<{ person_id: string; year: number; category: string; half_hours: number }>(`SELECT person_id, year, category, half_hours FROM credit_totals ORDER BY 1, 2, 3`)).rows;
      const live = await rows();
      const folded = creditTotalDeltas(appended)
        .map((d) => ({ person_id: d.personId, year: d.year, category: d.category, half_hours: d.halfHours }))
        .sort((a, b) => a.person_id.localeCompare(b.person_id) || a.year - b.year || a.category.localeCompare(b.category));
      expect(live).toEqual(folded);
      expect(live.some((row) => row.half_hours === 0)).toBe(true); // some years were approved and fully revoked

      await runner.rebuild('credit_totals');
      await catchUpTo(runner, last);
      expect(await rows()).toEqual(live);
    });
  });
}
