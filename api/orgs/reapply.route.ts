/**
 * POST /orgs/{orgId}/applications — a rejected organisation applies again with corrected details (an extension of
 * CONTRACT.md). Its reviewer account stays; a new run of `org-<orgId>` opens a new approval task.
 */
import type { ServerRoute } from '@hapi/hapi';
import { WithStartWorkflowOperation } from '@temporalio/client';
import Joi from 'joi';
import { usccClaimStream } from '../../events/account.js';
import { claimOwner } from '../../events/store/claims.js';
import { ORG_WORKFLOW_TYPE, applyUpdate, orgWorkflowId } from '../../workflows/org/messages.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { eventMetadata } from '../request-context.js';
import { withTemporal } from '../temporal-client.js';
import { loadOrgSummary } from './org-access.js';
import { USCC_TAKEN } from './register.route.js';
import { applicationResultSchema, orgDetailsFields } from './schemas.js';

interface ReapplyPayload {
  name: string;
  uscc: string;
  regionCode: string;
  contactName: string;
  contactPhone: string;
}

export const reapplyRoute: ServerRoute<{ Params: { orgId: string }; Payload: ReapplyPayload }> = {
  method: 'POST',
  path: '/orgs/{orgId}/applications',
  options: {
    description: 'Apply again after a rejection',
    notes: 'Only the organisation’s own reviewer, and only while the organisation is rejected (409 otherwise).',
    tags: ['api', 'orgs'],
    plugins: { jxjy: { successStatus: 202 } },
    auth: { access: { scope: ['unit', 'institution'] } },
    validate: { params: Joi.object({ orgId: Joi.string().guid().required() }), payload: Joi.object(orgDetailsFields) },
    response: { status: { 202: applicationResultSchema } },
    handler: async (request, h) => {
      const { store, config } = request.server.app.deps;
      const { orgId } = request.params;
      if (request.auth.credentials.orgId !== orgId) throw new NotFoundError();
      const org = await loadOrgSummary(store, orgId);
      if (!org) throw new NotFoundError();
      const owner = await claimOwner(store, usccClaimStream(request.payload.uscc));
      if (owner && owner !== orgId) throw new ConflictError(USCC_TAKEN, { details: [{ field: 'uscc', message: USCC_TAKEN }] });
      const metadata = eventMetadata(request);
      const view = await withTemporal(request, (client) =>
        client.workflow.executeUpdateWithStart(applyUpdate, {
          args: [{ orgId, details: { kind: org.kind, ...request.payload }, actor: metadata.actor!, correlationId: metadata.correlationId }],
          // The previous run ended with the rejection, so this starts a new one; a running (pending) one is reused,
          // and its validator answers 409.
          startWorkflowOperation: new WithStartWorkflowOperation(ORG_WORKFLOW_TYPE, {
            workflowId: orgWorkflowId(orgId),
            taskQueue: config.temporalTaskQueue,
            args: [{ orgId }],
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      return h.response({ orgId, status: 'pending', position: view.position }).code(202);
    },
  },
};
