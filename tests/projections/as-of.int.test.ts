/**
 * Projections built into a scratch schema as of a past position, on real PGlite and PostgreSQL: the tasks, orgs and
 * stream_catalog tables built up to a position equal the live tables as they were at that position (and the live
 * tables rebuilt to it), the live tables are never touched, a build extends or starts over as `to` moves, and the
 * projections' own query functions read the scratch schema.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgEvent } from '../../events/org.js';
import type { Sql } from '../../events/store/database.js';
import type { EventStore, NewEvent } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { ReviewRequested, TaskEvent } from '../../events/task.js';
import { buildProjectionAsOf, dropProjectionSchema } from '../../projections/as-of.js';
import { listOrgs, orgsProjection } from '../../projections/orgs.js';
import { inPlacement, placement } from '../../projections/placement.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { streamCatalog } from '../../projections/stream-catalog.js';
import { tasksProjection } from '../../projections/tasks.js';
import { catchUpTo } from '../support/catch-up.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../support/databases.js';

const at = (day: number) => `2026-04-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const draft = (events: Array<OrgEvent | TaskEvent>): NewEvent[] => events.map((e) => ({ eventId: crypto.randomUUID(), ...e }));

/** One organisation's stream: its registration and its approval task. */
function registration(name: string) {
  const orgId = crypto.randomUUID();
  const registered: OrgEvent = {
    type: 'OrgRegistered',
    data: {
      orgId, kind: 'unit', name, uscc: `9144${crypto.randomBytes(7).toString('hex').toUpperCase()}`, regionCode: '440106',
      contactName: '张三', contactPhone: '13800138000', reviewerAccountId: crypto.randomUUID(), reviewerUsername: `rev_${orgId.slice(0, 8)}`,
      registeredAt: at(1),
    },
  };
  const task: ReviewRequested = {
    type: 'ReviewRequested',
    data: {
      taskId: crypto.randomUUID(), kind: 'org-approval', workflowId: `org-${orgId}`, assignee: { role: 'admin' },
      subject: { type: 'org', id: orgId, title: name }, requestedBy: { id: crypto.randomUUID(), name: '张三' },
      requestedAt: at(1), dueAt: at(8), escalatesAt: at(30), details: { regionCode: '440106' },
    },
  };
  return { orgId, taskId: task.data.taskId, stream: `org-${orgId}`, events: [registered, task] };
}

const approved = (orgId: string, taskId: string): Array<OrgEvent | TaskEvent> => [
  { type: 'ReviewCompleted', data: { taskId, decision: 'approve', decidedBy: { id: 'admin-1', role: 'admin' }, decidedAt: at(2) } },
  { type: 'OrgApproved', data: { orgId, taskId, approvedBy: 'admin-1', approvedAt: at(2) } },
];

async function tables(sql: Sql, schema?: string) {
  const q = (table: string, key: string) => sql.query(`SELECT * FROM ${schema ? `"${schema}".` : ''}${table} ORDER BY ${key}`).then((r) => r.rows);
  return { tasks: await q('tasks', 'task_id'), orgs: await q('orgs', 'org_id'), catalog: await q('stream_catalog', 'stream_id') };
}

for (const engine of ENGINES) {
  describe(`projections as of a position on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function append(store: EventStore, stream: string, events: Array<OrgEvent | TaskEvent>) {
      return (await store.append(stream, draft(events), { expectedRevision: 'any' })).position;
    }

    it('builds tasks, orgs and stream_catalog into a scratch schema equal to the live tables at that position', async () => {
      const db: TestDatabase = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const all = [tasksProjection, orgsProjection, streamCatalog];
      const live = createProjectionRunner({ db, store, projections: all, batchSize: 3 });
      await live.init();

      const a = registration('甲单位');
      const b = registration('乙单位');
      const c = registration('丙单位');
      await append(store, a.stream, a.events);
      await append(store, b.stream, b.events);
      await append(store, a.stream, approved(a.orgId, a.taskId));
      const asOf = await append(store, c.stream, c.events);
      await catchUpTo(live, asOf);
      const then = await tables(db);

      // After the as-of position: rows that existed change, and new ones appear.
      await append(store, b.stream, approved(b.orgId, b.taskId));
      await append(store, c.stream, [{ type: 'ReviewReminded', data: { taskId: c.taskId, remindedAt: at(8) } }]);
      const d = registration('丁单位');
      const end = await append(store, d.stream, d.events);
      await catchUpTo(live, end);
      const now = await tables(db);
      expect(now).not.toEqual(then);

      const schema = `audit_${crypto.randomBytes(3).toString('hex')}`;
      cleanups.push(() => dropProjectionSchema(db, schema));
      for (const projection of all) expect(await buildProjectionAsOf(db, store, projection, { schema, to: asOf })).toEqual({ schema, position: asOf });
      expect(await tables(db, schema)).toEqual(then);
      expect(await tables(db)).toEqual(now); // the live tables were not touched
      // The projection's own queries read the scratch schema when its transaction points there.
      const approvedThen = await inPlacement(db, placement(schema), (tx) => listOrgs(tx, { limit: 10 }));
      expect(approvedThen.items.map((org) => org.name)).toEqual(['甲单位']);

      // A later `to` extends the build; an earlier one starts it over.
      await buildProjectionAsOf(db, store, tasksProjection, { schema, to: end });
      expect((await tables(db, schema)).tasks).toEqual(now.tasks);
      await buildProjectionAsOf(db, store, tasksProjection, { schema, to: asOf });
      expect((await tables(db, schema)).tasks).toEqual(then.tasks);

      // The live tables rebuilt up to the same position agree too.
      await createProjectionRunner({ db, store, projections: all, to: asOf }).rebuild();
      expect(await tables(db)).toEqual(then);
    });

    it('refuses the live schema, odd schema names and a position that is not readable yet', async () => {
      const db: TestDatabase = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const a = registration('甲单位');
      const position = await append(store, a.stream, a.events);
      await expect(buildProjectionAsOf(db, store, orgsProjection, { schema: 'public', to: position })).rejects.toThrow(/live read models/);
      await expect(buildProjectionAsOf(db, store, orgsProjection, { schema: 'Audit; DROP', to: position })).rejects.toBeInstanceOf(RangeError);
      await expect(buildProjectionAsOf(db, store, orgsProjection, { schema: 'pg_audit', to: position })).rejects.toBeInstanceOf(RangeError);
      const beyond = `${'9'.repeat(20)}:${'0'.repeat(20)}`;
      await expect(buildProjectionAsOf(db, store, orgsProjection, { schema: 'audit_x', to: beyond })).rejects.toThrow(/not readable yet/);
      const { rows } = await db.query(`SELECT to_regclass('public.orgs') AS live`);
      expect(rows).toEqual([{ live: null }]); // nothing was created where the live tables would be
    });
  });
}
