/**
 * Contract of the organisation lifecycle workflow (`org-<orgId>`), imported by the API — never the workflow itself.
 * The API starts a run with update-with-start of `applyUpdate`: the first registration (with the reviewer account)
 * or, after a rejection, a new application in a new run of the same workflow id. The admin's decision arrives as
 * the generic `decideTaskUpdate` (workflows/tasks/messages.ts).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OrgDetails, OrgKind, OrgStatus } from '../../events/org.js';
import type { Actor } from '../../events/task.js';

export const ORG_WORKFLOW_TYPE = 'orgLifecycle';
export const orgWorkflowId = (orgId: string) => `org-${orgId}`;

export interface OrgWorkflowInput {
  orgId: string;
  /**
   * How long a run without an open task waits for an application before it ends (default 60 s): an update-with-start
   * whose application is refused leaves a run with nothing to do. Tests shrink it.
   */
  applyWindowMs?: number;
}

/** The first reviewer account, created with the registration (password already hashed by the API). */
export interface ReviewerAccount {
  accountId: string;
  username: string;
  name: string;
  passwordHash: string;
}

export interface OrgApplication {
  orgId: string;
  details: OrgDetails;
  /** Present on the first registration only; a re-application keeps the existing reviewer. */
  reviewer?: ReviewerAccount;
  actor: Actor;
  correlationId?: string;
}

export interface OrgView {
  orgId: string;
  kind: OrgKind;
  name: string;
  status: OrgStatus;
  taskId?: string;
  reason?: string;
  attempt: number;
  /** Event position of the last append, for `?after=` reads. */
  position: string;
}

/**
 * Failures: Conflict → 409 (username or uscc taken; details[1] names the field), InvalidTransition → 409 (an
 * application is already pending or the organisation is approved), InvalidInput → 422.
 */
export const applyUpdate = defineUpdate<OrgView, [OrgApplication]>('apply');
export const orgViewQuery = defineQuery<OrgView | null>('view');
