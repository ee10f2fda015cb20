/**
 * The one Update every task-owning workflow implements. `POST /tasks/{taskId}/decision` looks the task up in the
 * `tasks` projection, finds its `workflowId`, and sends this Update — so a new task kind needs no API change.
 * Failure types (ApplicationFailure.type) the API maps: InvalidTransition → 409 (already decided),
 * InvalidInput → 422 (reject without reason), NotFound → 404 (no such open task for this caller).
 */
import { defineUpdate } from '@temporalio/workflow';
import type { Actor, TaskDecisionValue, TaskSubject } from '../../events/task.js';

export interface TaskDecision {
  taskId: string;
  decision: TaskDecisionValue;
  reason?: string;
  actor: Actor;
  correlationId?: string;
}

export interface TaskDecisionResult {
  taskId: string;
  status: 'closed';
  decision: TaskDecisionValue;
  subject: TaskSubject;
  /** Event position of the outcome, for `?after=` reads. */
  position: string;
}

export const decideTaskUpdate = defineUpdate<TaskDecisionResult, [TaskDecision]>('decideTask');

/** ApplicationFailure types shared by every workflow's validators and the API's error mapping. */
export const FailureType = {
  InvalidTransition: 'InvalidTransition',
  InvalidInput: 'InvalidInput',
  NotFound: 'NotFound',
  Forbidden: 'Forbidden',
  Conflict: 'Conflict',
} as const;
