/**
 * Review (task) events: how any lifecycle asks a person to decide (DESIGN.md §4). The owning workflow appends them to
 * its own stream through the lifecycle kit's review module (workflows/kit/reviews.ts); the `tasks` projection turns
 * them into inboxes, whatever the kind — a new kind needs no change here. Pure: imported by workflows and browsers.
 */
import type { ReviewerRole, TaskDecisionValue, TaskKind, TaskSubjectType } from './vocabulary/index.js';

export type { ReviewerRole, TaskDecisionValue, TaskKind } from './vocabulary/index.js';

/** Who may decide: every reviewer of a role, narrowed to one organisation for unit and institution tasks. */
export interface TaskAssignee {
  role: ReviewerRole;
  orgId?: string;
}

export interface TaskSubject {
  type: TaskSubjectType;
  id: string;
  title: string;
}

/** Who did something, as events record it (DESIGN.md §3 metadata `actor`). */
export interface Actor {
  id: string;
  role: string;
  orgId?: string;
  name?: string;
}

export interface ReviewRequested {
  type: 'ReviewRequested';
  data: {
    taskId: string;
    kind: TaskKind;
    /** The workflow that owns the task; decisions are routed to its `decideTask` Update. */
    workflowId: string;
    assignee: TaskAssignee;
    subject: TaskSubject;
    requestedBy: { id: string; name: string };
    requestedAt: string;
    /** The reviewer should decide by then; a `ReviewReminded` follows when it passes undecided. */
    dueAt: string;
    /** When an undecided review goes to `admin` as well (`ReviewEscalated`). */
    escalatesAt: string;
    /** What the reviewer should know beyond the title (e.g. a masked ID number, overlap warnings). */
    details?: Record<string, unknown>;
  };
}

/** The due date passed undecided: the inbox marks the task overdue. */
export interface ReviewReminded {
  type: 'ReviewReminded';
  data: { taskId: string; remindedAt: string };
}

/** Still undecided at `escalatesAt`: `admin` sees the task too and may decide it; the assignee still may. */
export interface ReviewEscalated {
  type: 'ReviewEscalated';
  data: { taskId: string; escalatedTo: TaskAssignee; escalatedAt: string };
}

export interface ReviewCompleted {
  type: 'ReviewCompleted';
  data: {
    taskId: string;
    decision: TaskDecisionValue;
    reason?: string;
    decidedBy: Actor;
    decidedAt: string;
  };
}

/** The requester took the request back before anyone decided (a cancelled binding, a withdrawn record): the task closes undecided. */
export interface ReviewWithdrawn {
  type: 'ReviewWithdrawn';
  data: { taskId: string; withdrawnBy: Actor; withdrawnAt: string };
}

export type TaskEvent = ReviewRequested | ReviewReminded | ReviewEscalated | ReviewCompleted | ReviewWithdrawn;
export const TASK_EVENT_TYPES: TaskEvent['type'][] = ['ReviewRequested', 'ReviewReminded', 'ReviewEscalated', 'ReviewCompleted', 'ReviewWithdrawn'];
