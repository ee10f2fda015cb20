/**
 * The tasks projection on real PGlite and PostgreSQL: task events appended to a real store, folded by the runner
 * (small batches, so a task's request and completion land in the same batch and in different ones), then queried —
 * visibility per reviewer, filters, cursor pagination, reminders, escalation and details — and a rebuild that equals
 * the live table.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { ReviewCompleted, ReviewEscalated, ReviewReminded, ReviewRequested, TaskAssignee, TaskKind } from '../../events/task.js';
import { InvalidCursorError } from '../../projections/cursor.js';
import { type ProjectionRunner, createProjectionRunner } from '../../projections/runner.js';
import { getTask, listTasks, tasksProjection } from '../../projections/tasks.js';
import { catchUpTo } from '../support/catch-up.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../support/databases.js';

type TaskEventDraft = ReviewRequested | ReviewReminded | ReviewCompleted | ReviewEscalated;

for (const engine of ENGINES) {
  describe(`tasks projection on ${engine}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (cleanups.length) await cleanups.pop()!();
    });

    async function setup() {
      const db: TestDatabase = await openTestDatabase(engine);
      cleanups.push(() => db.drop());
      const store = await createPostgresEventStore(db);
      const runner = createProjectionRunner({ db, store, projections: [tasksProjection], batchSize: 3, pollMs: 50 });
      await runner.init();
      return { db, store, runner };
    }

    // The store shows events only below the cluster-wide snapshot xmin: on a shared PostgreSQL server another test's
    // open transaction can hide fresh events for a moment, so catch up until the last append has been applied.
    let last = '';
    const catchUp = (runner: ProjectionRunner) => catchUpTo(runner, last);

    async function append(store: EventStore, stream: string, events: Array<TaskEventDraft | { type: string; data: unknown }>) {
      ({ position: last } = await store.append(stream, events.map((e) => ({ eventId: crypto.randomUUID(), ...e })), { expectedRevision: 'any' }));
    }

    let minute = 0;
    function requested(kind: TaskKind, assignee: TaskAssignee, title: string = kind, details?: Record<string, unknown>): ReviewRequested {
      const subjectId = crypto.randomUUID();
      minute += 1;
      const mm = String(minute).padStart(2, '0');
      return {
        type: 'ReviewRequested',
        data: {
          taskId: crypto.randomUUID(),
          kind,
          workflowId: `${kind}-${subjectId}`,
          assignee,
          subject: { type: kind === 'org-approval' ? 'org' : 'binding', id: subjectId, title },
          requestedBy: { id: crypto.randomUUID(), name: '王五' },
          requestedAt: `2026-04-01T08:${mm}:00.000Z`,
          dueAt: `2026-04-08T08:${mm}:00.000Z`,
          escalatesAt: `2026-05-01T08:${mm}:00.000Z`,
          ...(details ? { details } : {}),
        },
      };
    }
    const completed = (task: ReviewRequested, decision: 'approve' | 'reject', reason?: string): ReviewCompleted => ({
      type: 'ReviewCompleted',
      data: { taskId: task.data.taskId, decision, ...(reason ? { reason } : {}), decidedBy: { id: 'admin-1', role: 'admin' }, decidedAt: '2026-04-02T00:00:00.000Z' },
    });

    async function seed(store: EventStore) {
      const unitA = crypto.randomUUID();
      const unitB = crypto.randomUUID();
      const institution = crypto.randomUUID();
      const org1 = requested('org-approval', { role: 'admin' }, '单位一');
      const org2 = requested('org-approval', { role: 'admin' }, '单位二');
      const bindA = requested('binding-confirmation', { role: 'unit', orgId: unitA });
      const creditA = requested('credit-review', { role: 'unit', orgId: unitA });
      const bindB = requested('binding-confirmation', { role: 'unit', orgId: unitB });
      const enrol = requested('enrolment-review', { role: 'institution', orgId: institution });
      await append(store, `org-${org1.data.subject.id}`, [org1]);
      await append(store, `org-${org2.data.subject.id}`, [org2, completed(org2, 'reject', '材料不全')]); // same batch
      await append(store, `binding-${bindA.data.subject.id}`, [bindA]);
      await append(store, `credit-${creditA.data.subject.id}`, [creditA]);
      await append(store, `binding-${bindB.data.subject.id}`, [bindB]);
      await append(store, `enrolment-${enrol.data.subject.id}`, [enrol]);
      await append(store, `binding-${bindA.data.subject.id}`, [completed(bindA, 'approve')]); // a later batch
      const escalated: ReviewEscalated = {
        type: 'ReviewEscalated',
        data: { taskId: creditA.data.taskId, escalatedTo: { role: 'admin' }, escalatedAt: '2026-05-01T00:00:00.000Z' },
      };
      await append(store, `credit-${creditA.data.subject.id}`, [escalated]);
      // Events of other kinds on the same streams never reach the projection.
      await append(store, `org-${org1.data.subject.id}`, [{ type: 'OrgRegistered', data: {} }]);
      return { unitA, unitB, institution, org1, org2, bindA, creditA, bindB, enrol };
    }

    const ids = (page: { items: Array<{ taskId: string }> }) => page.items.map((item) => item.taskId);

    it('shows each reviewer only their tasks, newest first, with status and kind filters', async () => {
      const { db, store, runner } = await setup();
      const s = await seed(store);
      await catchUp(runner);

      // admin: admin tasks plus the escalated credit review
      expect(ids(await listTasks(db, { assignee: { role: 'admin' }, limit: 20 }))).toEqual([s.creditA, s.org2, s.org1].map((t) => t.data.taskId));
      expect(ids(await listTasks(db, { assignee: { role: 'admin' }, status: 'open', kind: 'org-approval', limit: 20 }))).toEqual([s.org1.data.taskId]);
      expect(ids(await listTasks(db, { assignee: { role: 'unit', orgId: s.unitA }, limit: 20 }))).toEqual([s.creditA, s.bindA].map((t) => t.data.taskId));
      expect(ids(await listTasks(db, { assignee: { role: 'unit', orgId: s.unitA }, status: 'closed', limit: 20 }))).toEqual([s.bindA.data.taskId]);
      expect(ids(await listTasks(db, { assignee: { role: 'unit', orgId: s.unitB }, limit: 20 }))).toEqual([s.bindB.data.taskId]);
      expect(ids(await listTasks(db, { assignee: { role: 'institution', orgId: s.institution }, limit: 20 }))).toEqual([s.enrol.data.taskId]);
      // A unit reviewer never sees an institution's tasks with the same org id, nor tasks without an org id.
      expect(ids(await listTasks(db, { assignee: { role: 'unit', orgId: s.institution }, limit: 20 }))).toEqual([]);
      expect(ids(await listTasks(db, { assignee: { role: 'unit' }, limit: 20 }))).toEqual([]);
      expect(ids(await listTasks(db, { assignee: { role: 'person' }, limit: 20 }))).toEqual([]);

      const [rejected] = (await listTasks(db, { assignee: { role: 'admin' }, status: 'closed', limit: 20 })).items;
      expect(rejected).toEqual({
        taskId: s.org2.data.taskId,
        kind: 'org-approval',
        status: 'closed',
        subject: s.org2.data.subject,
        requestedBy: s.org2.data.requestedBy,
        createdAt: s.org2.data.requestedAt,
        dueAt: s.org2.data.dueAt,
        remindedAt: null,
        escalated: false,
        decision: 'reject',
        reason: '材料不全',
        decidedAt: '2026-04-02T00:00:00.000Z',
      });
      expect((await listTasks(db, { assignee: { role: 'unit', orgId: s.unitA }, status: 'open', limit: 20 })).items[0]).toMatchObject({
        taskId: s.creditA.data.taskId,
        dueAt: s.creditA.data.dueAt,
        escalated: true,
      });
    });

    it('pages with an opaque cursor and rejects a forged one', async () => {
      const { db, store, runner } = await setup();
      const tasks = Array.from({ length: 7 }, (_, i) => requested('org-approval', { role: 'admin' }, `单位${i}`));
      // Two tasks at the same instant: the task id breaks the tie, so no page boundary drops or repeats one.
      tasks[4] = { ...tasks[4]!, data: { ...tasks[4]!.data, requestedAt: tasks[3]!.data.requestedAt } };
      for (const task of tasks) await append(store, `org-${task.data.subject.id}`, [task]);
      await catchUp(runner);

      const all = ids(await listTasks(db, { assignee: { role: 'admin' }, limit: 200 }));
      expect(all).toHaveLength(7);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await listTasks(db, { assignee: { role: 'admin' }, limit: 3, cursor });
        seen.push(...ids(result));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(all);
      await expect(listTasks(db, { assignee: { role: 'admin' }, limit: 3, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('marks a reminded task, shows an escalated one to admin as well as its assignee, and keeps its details', async () => {
      const { db, store, runner } = await setup();
      const unit = crypto.randomUUID();
      const details = { idNumber: '440106********1234', overlaps: [{ recordId: 'r-1', hours: '8.0' }] };
      const bind = requested('binding-confirmation', { role: 'unit', orgId: unit }, '张三', details);
      const other = requested('binding-confirmation', { role: 'unit', orgId: unit }, '李四');
      const stream = `binding-${bind.data.subject.id}`;
      const reminded: ReviewReminded = { type: 'ReviewReminded', data: { taskId: bind.data.taskId, remindedAt: '2026-04-08T08:30:00.000Z' } };
      await append(store, stream, [bind, reminded]); // request and reminder in one batch
      await append(store, `binding-${other.data.subject.id}`, [other]);
      await catchUp(runner);
      const unitInbox = () => listTasks(db, { assignee: { role: 'unit', orgId: unit }, status: 'open', limit: 20 });
      const adminInbox = () => listTasks(db, { assignee: { role: 'admin' }, limit: 20 });
      expect((await unitInbox()).items).toEqual([
        expect.objectContaining({ taskId: other.data.taskId, remindedAt: null, escalated: false }),
        expect.objectContaining({ taskId: bind.data.taskId, remindedAt: '2026-04-08T08:30:00.000Z', escalated: false, details }),
      ]);
      expect((await unitInbox()).items[0]).not.toHaveProperty('details');
      expect(ids(await adminInbox())).toEqual([]);

      const escalated: ReviewEscalated = {
        type: 'ReviewEscalated',
        data: { taskId: bind.data.taskId, escalatedTo: { role: 'admin' }, escalatedAt: bind.data.escalatesAt },
      };
      await append(store, stream, [escalated]); // a later batch
      await catchUp(runner);
      expect((await adminInbox()).items).toEqual([expect.objectContaining({ taskId: bind.data.taskId, escalated: true, remindedAt: '2026-04-08T08:30:00.000Z' })]);
      expect(ids(await unitInbox())).toEqual([other.data.taskId, bind.data.taskId]);
      // The decision route lets admin decide it because it is escalated; the assignee stays the unit.
      expect(await getTask(db, bind.data.taskId)).toMatchObject({ escalated: true, status: 'open', assignee: { role: 'unit', orgId: unit }, details });
      const { rows } = await db.query(`SELECT escalates_at, reminded_at FROM tasks WHERE task_id = $1`, [bind.data.taskId]);
      expect(rows).toEqual([{ escalates_at: bind.data.escalatesAt, reminded_at: '2026-04-08T08:30:00.000Z' }]);

      await append(store, stream, [completed(bind, 'approve')]);
      await catchUp(runner);
      expect((await adminInbox()).items).toEqual([expect.objectContaining({ taskId: bind.data.taskId, status: 'closed', decision: 'approve', escalated: true })]);
    });

    it('finds one task with its workflow and assignee, and rebuilds to exactly the live table', async () => {
      const { db, store, runner } = await setup();
      const s = await seed(store);
      await catchUp(runner);

      expect(await getTask(db, s.bindA.data.taskId)).toMatchObject({
        taskId: s.bindA.data.taskId,
        workflowId: s.bindA.data.workflowId,
        assignee: { role: 'unit', orgId: s.unitA },
        status: 'closed',
        decision: 'approve',
        decidedBy: 'admin-1',
        subject: s.bindA.data.subject,
        position: expect.any(String),
      });
      expect(await getTask(db, s.org1.data.taskId)).toMatchObject({ assignee: { role: 'admin' }, status: 'open' });
      expect(await getTask(db, crypto.randomUUID())).toBeNull();

      const snapshot = async () => (await db.query(`SELECT * FROM tasks ORDER BY task_id`)).rows;
      const live = await snapshot();
      expect(live).toHaveLength(6);
      await runner.rebuild('tasks');
      expect(await snapshot()).toEqual(live);
    });
  });
}
