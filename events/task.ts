/**
 * Task events: how any workflow asks a person to decide (DESIGN.md §4). The owning workflow appends them to its own
 * stream; the `tasks` projection turns them into inboxes, whatever the kind — a new kind needs no change here.
 * Pure: imported by workflows.
 */

export type TaskKind = 'org-approval' | 'binding-confirmation' | 'credit-review' | 'enrolment-review';
export type TaskDecisionValue = 'approve' | 'reject';
export type ReviewerRole = 'admin' | 'unit' | 'institution';

/** Who may decide: every reviewer of a role, narrowed to one organisation for unit and institution tasks. */
export interface TaskAssignee {
  role: ReviewerRole;
  orgId?: string;
}

export interface TaskSubject {
  type: 'org' | 'binding' | 'credit' | 'enrolment';
  id: string;
  title: string;
}

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
    dueAt?: string;
  };
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

export interface ReviewEscalated {
  type: 'ReviewEscalated';
  data: { taskId: string; escalatedTo: TaskAssignee; escalatedAt: string };
}

export type TaskEvent = ReviewRequested | ReviewCompleted | ReviewEscalated;
export const TASK_EVENT_TYPES: TaskEvent['type'][] = ['ReviewRequested', 'ReviewCompleted', 'ReviewEscalated'];
