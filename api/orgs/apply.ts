/**
 * Sends an application to `org-<orgId>`: a first registration starts the lifecycle; a re-application reaches the
 * running one or starts a new run after the rejected one settled — either way the decider judges it.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { type OrgApplication, type OrgView, applyUpdate, orgWorkflowId } from '../../workflows/org/messages.js';
import { sendCommand } from '../lifecycles.js';

export function sendApplication<R extends ReqRef>(request: Request<R>, application: OrgApplication): Promise<OrgView> {
  return sendCommand(request, { workflowId: orgWorkflowId(application.orgId), update: applyUpdate, args: application });
}
