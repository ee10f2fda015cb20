/**
 * Sends an application to `org-<orgId>` with update-with-start: a first registration starts the workflow ('FAIL' if
 * it somehow exists); a re-application starts a new run after the rejected one ended, or reuses a running one,
 * whose validator then refuses it (409).
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { ORG_WORKFLOW_TYPE, type OrgApplication, type OrgView, applyUpdate, orgWorkflowId } from '../../workflows/org/messages.js';
import { withTemporal } from '../temporal-client.js';

export function sendApplication<R extends ReqRef>(request: Request<R>, application: OrgApplication, conflictPolicy: 'FAIL' | 'USE_EXISTING'): Promise<OrgView> {
  const { config } = request.server.app.deps;
  return withTemporal(request, (client) =>
    client.workflow.executeUpdateWithStart(applyUpdate, {
      args: [application],
      startWorkflowOperation: new WithStartWorkflowOperation(ORG_WORKFLOW_TYPE, {
        workflowId: orgWorkflowId(application.orgId),
        taskQueue: config.temporalTaskQueue,
        args: [{ orgId: application.orgId }],
        workflowIdConflictPolicy: conflictPolicy,
      }),
    }),
  );
}
