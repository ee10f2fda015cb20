/**
 * The orgs projection on real PGlite and PostgreSQL: organisation streams appended to a real store (registration,
 * decisions, a re-application), folded by the runner in small batches, then the public listing — approved only by
 * default, kind, name search, region at district/city/province level, cursor pages — the full record, and a rebuild.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../events/store/event-store.js';
import { type OrgEvent, type OrgKind, orgStream } from '../../events/org.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { type ProjectionRunner, createProjectionRunner } from '../../projections/runner.js';
import { regionPattern } from '../../events/vocabulary/index.js';
import { getOrg, listOrgs, orgsProjection } from '../../projections/orgs.js';
import { catchUpTo } from '../support/catch-up.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../support/databases.js';

const T0 = '2026-04-01T08:00:00.000Z';
const T1 = '2026-04-02T08:00:00.000Z';

function registered(kind: OrgKind, name: string, regionCode: string): OrgEvent & { type: 'OrgRegistered' } {
  const orgId = crypto.randomUUID();
  return {
    type: 'OrgRegistered',
    data: {
      orgId, kind, name, regionCode,
      uscc: `9144${crypto.randomBytes(7).toString('hex').toUpperCase()}`,
      contactName: '张三', contactPhone: '13800138000',
      reviewerAccountId: crypto.randomUUID(), reviewerUsername: `rev_${orgId.slice(0, 8)}`, registeredAt: T0,
    },
  };
}
const approved = (orgId: string): OrgEvent => ({ type: 'OrgApproved', data: { orgId, taskId: crypto.randomUUID(), approvedBy: 'admin-1', approvedAt: T1 } });
const rejected = (orgId: string, reason: string): OrgEvent => ({
  type: 'OrgRejected',
  data: { orgId, taskId: crypto.randomUUID(), reason, rejectedBy: 'admin-1', rejectedAt: T1 },
});

for (const engine of ENGINES) {
  describe(`orgs projection on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function setup() {
      const db: TestDatabase = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const runner = createProjectionRunner({ db, store, projections: [orgsProjection], batchSize: 3, pollMs: 50 });
      await runner.init();
      return { db, store, runner };
    }

    // The store shows events only below the cluster-wide snapshot xmin: on a shared PostgreSQL server another test's
    // open transaction can hide fresh events for a moment, so catch up until the last append has been applied.
    let last = '';
    const catchUp = (runner: ProjectionRunner) => catchUpTo(runner, last);

    async function append(store: EventStore, events: OrgEvent[]) {
      const stream = orgStream(events[0]!.data.orgId);
      ({ position: last } = await store.append(stream, events.map((e) => ({ eventId: crypto.randomUUID(), ...e })), { expectedRevision: 'any' }));
    }

    async function seed(store: EventStore) {
      const tianhe = registered('unit', 'Alpha 科技有限公司', '440106');
      const shenzhen = registered('unit', '深圳 alphabet 电子', '440305');
      const school = registered('institution', '广州继续教育学院', '440100');
      const pending = registered('unit', 'Alpha 待审单位', '440104');
      const reapplied = registered('unit', '旧名称单位', '440103');
      const refused = registered('unit', '被驳回单位', '440111');
      const foshan = registered('unit', '佛山制造', '440604');
      for (const org of [tianhe, shenzhen, school, foshan]) await append(store, [org, approved(org.data.orgId)]);
      await append(store, [pending]);
      await append(store, [refused, rejected(refused.data.orgId, '材料不全')]);
      // Rejected, corrected and approved across batches: the row follows every step.
      const { orgId } = reapplied.data;
      await append(store, [reapplied, rejected(orgId, '名称有误')]);
      const { kind: _kind, reviewerAccountId: _a, reviewerUsername: _u, registeredAt: _r, ...details } = reapplied.data;
      await append(store, [{ type: 'OrgReapplied', data: { ...details, name: '新名称单位', regionCode: '440106', reappliedAt: T1, attempt: 2 } }]);
      await append(store, [approved(orgId)]);
      return { tianhe, shenzhen, school, pending, reapplied, refused, foshan };
    }

    const names = (page: { items: Array<{ name: string }> }) => page.items.map((item) => item.name).sort();

    it('lists approved organisations by kind, name and region, public fields only', async () => {
      const { db, store, runner } = await setup();
      const s = await seed(store);
      await catchUp(runner);

      expect(names(await listOrgs(db, { limit: 20 }))).toEqual(
        ['Alpha 科技有限公司', '佛山制造', '广州继续教育学院', '新名称单位', '深圳 alphabet 电子'].sort(),
      );
      expect((await listOrgs(db, { kind: 'institution', limit: 20 })).items).toEqual([
        { orgId: s.school.data.orgId, kind: 'institution', name: '广州继续教育学院', regionCode: '440100', status: 'approved' },
      ]);
      expect(names(await listOrgs(db, { q: 'ALPHA', limit: 20 }))).toEqual(['Alpha 科技有限公司', '深圳 alphabet 电子'].sort());
      expect(names(await listOrgs(db, { q: '50%_', limit: 20 }))).toEqual([]); // LIKE wildcards are literal
      expect(names(await listOrgs(db, { regionCode: '440106', limit: 20 }))).toEqual(['Alpha 科技有限公司', '新名称单位'].sort());
      expect(names(await listOrgs(db, { regionCode: '440100', limit: 20 }))).toEqual(['Alpha 科技有限公司', '广州继续教育学院', '新名称单位'].sort());
      expect(names(await listOrgs(db, { regionCode: '440000', kind: 'unit', limit: 20 }))).toEqual(
        ['Alpha 科技有限公司', '佛山制造', '新名称单位', '深圳 alphabet 电子'].sort(),
      );
      expect(names(await listOrgs(db, { regionCode: '450000', limit: 20 }))).toEqual([]);
      expect(names(await listOrgs(db, { status: 'pending', limit: 20 }))).toEqual(['Alpha 待审单位']);
      expect(names(await listOrgs(db, { status: 'rejected', limit: 20 }))).toEqual(['被驳回单位']);
    });

    it('pages with an opaque cursor', async () => {
      const { db, store, runner } = await setup();
      await seed(store);
      await catchUp(runner);
      const all = (await listOrgs(db, { regionCode: '440000', limit: 200 })).items;
      expect(all).toHaveLength(5);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await listOrgs(db, { regionCode: '440000', limit: 2, cursor });
        expect(result.items.length).toBeLessThanOrEqual(2);
        seen.push(...result.items.map((item) => item.orgId));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(all.map((item) => item.orgId));
    });

    it('keeps the full record through a re-application, and rebuilds to exactly the live table', async () => {
      const { db, store, runner } = await setup();
      const s = await seed(store);
      await catchUp(runner);

      const { orgId, uscc, reviewerAccountId, reviewerUsername } = s.reapplied.data;
      expect(await getOrg(db, orgId)).toEqual({
        orgId, kind: 'unit', name: '新名称单位', uscc, regionCode: '440106', contactName: '张三', contactPhone: '13800138000',
        status: 'approved', reason: null, reviewerAccountId, reviewerUsername, attempt: 2, registeredAt: T0, decidedAt: T1,
        position: expect.any(String),
      });
      expect(await getOrg(db, s.refused.data.orgId)).toMatchObject({ status: 'rejected', reason: '材料不全', attempt: 1 });
      expect(await getOrg(db, s.pending.data.orgId)).toMatchObject({ status: 'pending', reason: null, decidedAt: null });
      expect(await getOrg(db, crypto.randomUUID())).toBeNull();

      const snapshot = async () => (await db.query(`SELECT * FROM orgs ORDER BY org_id`)).rows;
      const live = await snapshot();
      expect(live).toHaveLength(7);
      await runner.rebuild('orgs');
      expect(await snapshot()).toEqual(live);
    });
  });
}

describe('regionPattern', () => {
  it('widens a province or city code to a prefix and keeps a district exact', () => {
    expect(regionPattern('440000')).toEqual({ prefix: '44' });
    expect(regionPattern('440100')).toEqual({ prefix: '4401' });
    expect(regionPattern('440106')).toEqual({ exact: '440106' });
  });
});
