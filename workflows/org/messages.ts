/**
 * Contract of the organisation lifecycle (`org-<orgId>`), imported by the API — never the workflow itself. The API
 * sends `applyUpdate` with update-with-start: the first registration (with the reviewer account) or, after a
 * rejection, a new application. The admin's decision arrives as the kit's generic `decideTaskUpdate`.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OrgDetails, OrgKind, OrgStatus } from '../../events/org.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const ORG_KIND = 'org';

export const USCC_TAKEN = { zh: '该统一社会信用代码已注册', en: 'an organisation with this USCC is already registered' };
export const orgWorkflowId = (orgId: string) => `${ORG_KIND}-${orgId}`;

/** The first reviewer account, created with the registration. Its password waits as a pending credential. */
export interface ReviewerAccount {
  accountId: string;
  username: string;
  name: string;
  /** events/store/credentials.ts: only this random id crosses Temporal, never the password or its hash. */
  credentialId: string;
}

export interface OrgApplication extends CommandEnvelope {
  orgId: string;
  details: OrgDetails;
  /** Present on the first registration only; a re-application keeps the existing reviewer. */
  reviewer?: ReviewerAccount;
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
