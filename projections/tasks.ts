/**
 * Every reviewer's inbox (CONTRACT.md Tasks): one row per task, folded only from the generic review events
 * (`ReviewRequested`/`ReviewReminded`/`ReviewEscalated`/`ReviewCompleted`), so a new task kind appears here with no
 * change. Visibility is decided in the query: admin sees admin tasks and escalated ones; a unit or institution
 * reviewer sees the tasks of its role AND its own organisation, escalated ones included (the assignee still may decide).
 */
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { TASK_EVENT_TYPES, type TaskAssignee, type TaskDecisionValue, type TaskEvent, type TaskKind, type TaskSubject } from '../events/task.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface TaskItem {
  taskId: string;
  kind: TaskKind;
  status: 'open' | 'closed';
  subject: TaskSubject;
  requestedBy: { id: string; name: string };
  createdAt: string;
  dueAt: string | null;
  /** When the due date passed undecided (`ReviewReminded`): the inbox shows the task as overdue. */
  remindedAt: string | null;
  escalated: boolean;
  /** What the reviewer should know beyond the title, as the requesting lifecycle put it. */
  details?: Record<string, unknown>;
  decision?: TaskDecisionValue;
  reason?: string;
  decidedAt?: string;
}

export interface TaskRecord extends TaskItem {
  workflowId: string;
  assignee: TaskAssignee;
  decidedBy?: string;
  position: string;
}

export interface ListTasksQuery {
  /** The caller: role and, for unit and institution reviewers, their organisation. */
  assignee: { role: string; orgId?: string };
  status?: 'open' | 'closed';
  kind?: string;
  limit: number;
  cursor?: string;
}

/** A task as stored: one column per property. */
export interface TaskRow {
  task_id: string;
  kind: string;
  status: string;
  workflow_id: string;
  assignee_role: string;
  assignee_org_id: string | null;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  requested_by_id: string;
  requested_by_name: string;
  created_at: string;
  due_at: string | null;
  escalates_at: string | null;
  reminded_at: string | null;
  escalated: boolean;
  details: Record<string, unknown> | null;
  decision: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  position: string;
}

// "C" collation on the keyset columns: byte order, the same in PGlite and on any server locale.
const TABLES = `
CREATE TABLE IF NOT EXISTS tasks (
  task_id           text COLLATE "C" PRIMARY KEY,
  kind              text NOT NULL,
  status            text NOT NULL,
  workflow_id       text NOT NULL,
  assignee_role     text NOT NULL,
  assignee_org_id   text,
  subject_type      text NOT NULL,
  subject_id        text NOT NULL,
  subject_title     text NOT NULL,
  requested_by_id   text NOT NULL,
  requested_by_name text NOT NULL,
  created_at        text COLLATE "C" NOT NULL,
  due_at            text,
  escalates_at      text,
  reminded_at       text,
  escalated         boolean NOT NULL DEFAULT false,
  details           jsonb,
  decision          text,
  reason            text,
  decided_by        text,
  decided_at        text,
  position          text NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_inbox ON tasks (assignee_role, assignee_org_id, status, created_at DESC, task_id DESC);
CREATE INDEX IF NOT EXISTS tasks_escalated ON tasks (created_at DESC, task_id DESC) WHERE escalated;`;

/** The column map of the fold (the row's properties are its columns). */
export const TASK_ROWS: RowFold<TaskRow> = {
  table: 'tasks',
  key: 'task_id',
  columns: {
    task_id: ['task_id', 'text'],
    kind: ['kind', 'text'],
    status: ['status', 'text'],
    workflow_id: ['workflow_id', 'text'],
    assignee_role: ['assignee_role', 'text'],
    assignee_org_id: ['assignee_org_id', 'text'],
    subject_type: ['subject_type', 'text'],
    subject_id: ['subject_id', 'text'],
    subject_title: ['subject_title', 'text'],
    requested_by_id: ['requested_by_id', 'text'],
    requested_by_name: ['requested_by_name', 'text'],
    created_at: ['created_at', 'text'],
    due_at: ['due_at', 'text'],
    escalates_at: ['escalates_at', 'text'],
    reminded_at: ['reminded_at', 'text'],
    escalated: ['escalated', 'boolean'],
    details: ['details', 'jsonb'],
    decision: ['decision', 'text'],
    reason: ['reason', 'text'],
    decided_by: ['decided_by', 'text'],
    decided_at: ['decided_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { taskId: string }).taskId,
  evolve: evolveTaskRow,
};

/**
 * The fold: one review event on one task's row (pure, exported for replays). A reminder, escalation or completion
 * without its request (impossible from one writer) is skipped. `dueAt` and `escalatesAt` may be absent from requests
 * written before they were required.
 */
export function evolveTaskRow(row: TaskRow | undefined, event: RecordedEvent): TaskRow | undefined {
  const typed = { type: event.type, data: event.data } as TaskEvent;
  switch (typed.type) {
    case 'ReviewRequested': {
      const d = typed.data;
      return {
        task_id: d.taskId, kind: d.kind, status: 'open', workflow_id: d.workflowId,
        assignee_role: d.assignee.role, assignee_org_id: d.assignee.orgId ?? null,
        subject_type: d.subject.type, subject_id: d.subject.id, subject_title: d.subject.title,
        requested_by_id: d.requestedBy.id, requested_by_name: d.requestedBy.name,
        created_at: d.requestedAt, due_at: d.dueAt ?? null, escalates_at: d.escalatesAt ?? null, reminded_at: null,
        escalated: false, details: d.details ?? null,
        decision: null, reason: null, decided_by: null, decided_at: null, position: event.position,
      };
    }
    case 'ReviewReminded':
      return row && { ...row, reminded_at: typed.data.remindedAt, position: event.position };
    case 'ReviewEscalated':
      return row && { ...row, escalated: true, position: event.position };
    case 'ReviewCompleted': {
      const d = typed.data;
      return row && { ...row, status: 'closed', decision: d.decision, reason: d.reason ?? null, decided_by: d.decidedBy.id, decided_at: d.decidedAt, position: event.position };
    }
    case 'ReviewWithdrawn':
      // Closed without a decision: the requester took it back (a cancelled binding, a withdrawn record).
      return row && { ...row, status: 'closed', decided_at: typed.data.withdrawnAt, position: event.position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

const SELECT = selectRows(TASK_ROWS);

export const tasksProjection: Projection = {
  name: 'tasks',
  // 2: reminders, escalation deadline and details.
  version: 2,
  tables: TABLES,
  tableNames: ['tasks'],
  filter: { eventTypes: TASK_EVENT_TYPES },
  apply: foldRows(TASK_ROWS),
};

const toItem = (row: TaskRow): TaskItem => ({
  taskId: row.task_id,
  kind: row.kind as TaskKind,
  status: row.status as TaskItem['status'],
  subject: { type: row.subject_type as TaskSubject['type'], id: row.subject_id, title: row.subject_title },
  requestedBy: { id: row.requested_by_id, name: row.requested_by_name },
  createdAt: row.created_at,
  dueAt: row.due_at,
  remindedAt: row.reminded_at,
  escalated: row.escalated,
  ...(row.details ? { details: row.details } : {}),
  ...(row.decision ? { decision: row.decision as TaskDecisionValue } : {}),
  ...(row.reason ? { reason: row.reason } : {}),
  ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
});

/** The caller's inbox, newest first, with an opaque keyset cursor. Roles without an inbox get an empty list. */
export async function listTasks(sql: Sql, query: ListTasksQuery): Promise<{ items: TaskItem[]; nextCursor: string | null }> {
  const { role, orgId } = query.assignee;
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  let visible: string;
  if (role === 'admin') visible = `(assignee_role = 'admin' OR escalated)`;
  else if ((role === 'unit' || role === 'institution') && orgId) visible = `assignee_role = ${param(role)} AND assignee_org_id = ${param(orgId)}`;
  else return { items: [], nextCursor: null };
  const where = [visible];
  if (query.status) where.push(`status = ${param(query.status)}`);
  if (query.kind) where.push(`kind = ${param(query.kind)}`);
  const after = decodeCursor(query.cursor);
  if (after) where.push(`(created_at, task_id) < (${param(after[0])}, ${param(after[1])})`);
  const { rows } = await sql.query<TaskRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY created_at DESC, task_id DESC LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.task_id]) : null };
}

/** One task with what the decision route needs (owning workflow, assignee), whoever may see it; null if unknown. */
export async function getTask(sql: Sql, taskId: string): Promise<TaskRecord | null> {
  const { rows } = await sql.query<TaskRow>(`${SELECT} WHERE task_id = $1`, [taskId]);
  const row = rows[0];
  if (!row) return null;
  return {
    ...toItem(row),
    workflowId: row.workflow_id,
    assignee: { role: row.assignee_role as TaskAssignee['role'], ...(row.assignee_org_id ? { orgId: row.assignee_org_id } : {}) },
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    position: row.position,
  };
}
