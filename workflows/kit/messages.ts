/**
 * The contract every lifecycle shares, imported by the API (never a workflow file): how a lifecycle instance is named
 * and started, the `decideTask` Update every task-owning lifecycle answers, and the failure types the API maps.
 * `POST /tasks/{taskId}/decision` finds the task's `workflowId` in the `tasks` projection and sends `decideTaskUpdate`
 * there — a new task kind needs no API change.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { Actor, TaskSubject } from '../../events/task.js';
import type { TaskDecisionValue } from '../../events/vocabulary/index.js';
import type { ReviewBook, ReviewTimes } from './reviews.js';

/** ApplicationFailure types the API maps to HTTP (api/temporal-errors.ts). */
export const FailureType = {
  /** 409: the command does not fit the state. */
  InvalidTransition: 'InvalidTransition',
  /** 422: a well-formed value a rule refuses (details name the field). */
  InvalidInput: 'InvalidInput',
  /** 404: absent or not visible to the caller. */
  NotFound: 'NotFound',
  /** 403 */
  Forbidden: 'Forbidden',
  /** 409: a duplicate (a username, ID number or USCC claimed by someone else). */
  Conflict: 'Conflict',
  /** 500: a bug in a handler, failed rather than left to retry forever. */
  InternalError: 'InternalError',
} as const;

/** Every command a lifecycle takes carries who asks and the request it belongs to (event metadata). */
export interface CommandEnvelope {
  actor: Actor;
  correlationId?: string;
}

export interface TaskDecision extends CommandEnvelope {
  taskId: string;
  decision: TaskDecisionValue;
  reason?: string;
}

export interface TaskDecisionResult {
  taskId: string;
  status: 'closed';
  decision: TaskDecisionValue;
  subject: TaskSubject;
  /** Event position of the outcome, for `?after=` reads. */
  position: string;
}

/** Failures: NotFound → 404 (no such task for this caller), InvalidTransition → 409, InvalidInput → 422 (no reason). */
export const decideTaskUpdate = defineUpdate<TaskDecisionResult, [TaskDecision]>('decideTask');

/** What a lifecycle run starts from. Everything but `id` has a default; tests shrink the durations. */
export interface LifecycleInput<State = unknown> {
  /** The business id: the workflow and stream are `<kind>-<id>`. */
  id: string;
  review?: Partial<ReviewTimes>;
  /** How long a settled run (nothing open) waits for another command before it ends (default 60 s; 0 = end at once). */
  idleMs?: number;
  /** Events per page when the run loads its stream (default 500). */
  pageSize?: number;
  /** Continue-as-new after this many commands even if Temporal has not suggested it yet (tests). */
  maxCommandsPerRun?: number;
  /** A command to run at start (a child workflow started by another lifecycle); its failure fails the run. */
  command?: { update: string; args: unknown };
  /** State carried over by continue-as-new, so the new run need not reload the stream. */
  carried?: { state: State; reviews: ReviewBook; revision: string; position: string };
}

/** `org` → `orgLifecycle`: the registered workflow type of a lifecycle kind. */
export const lifecycleWorkflowType = (kind: string) => `${kind}Lifecycle`;

/** `org-<orgId>` → `org`: stream ids and workflow ids are `<kind>-<id>`, ids never start with a kind. */
export const kindOfWorkflowId = (workflowId: string) => workflowId.slice(0, Math.max(workflowId.indexOf('-'), 0));
