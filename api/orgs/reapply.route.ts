/**
 * POST /orgs/{orgId}/applications — a rejected organisation applies again with corrected details (an extension of
 * CONTRACT.md). Its reviewer account stays; a new run of `org-<orgId>` opens a new approval task.
 */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { usccClaimStream } from '../../events/account.js';
import type { OrgDetails } from '../../events/org.js';
import { claimedByAnother } from '../../events/store/claims.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { eventMetadata } from '../request-context.js';
import { sendApplication } from './apply.js';
import { loadOrgSummary } from './org-access.js';
import { requireProvinceRegion } from './region.js';
import { USCC_TAKEN } from '../../workflows/org/messages.js';
import { ORG_LABELS, applicationResultSchema, orgDetailsFields } from './schemas.js';

type ReapplyPayload = Omit<OrgDetails, 'kind'>;

export const reapplyRoute: ServerRoute<{ Params: { orgId: string }; Payload: ReapplyPayload }> = {
  method: 'POST',
  path: '/orgs/{orgId}/applications',
  options: {
    description: 'Apply again after a rejection',
    notes: 'Only the organisation’s own reviewer, and only while the organisation is rejected (409 otherwise).',
    tags: ['api', 'orgs'],
    plugins: { jxjy: { successStatus: 202, labels: ORG_LABELS } },
    auth: { access: { scope: ['unit', 'institution'] } },
    validate: { params: Joi.object({ orgId: Joi.string().guid().required() }), payload: Joi.object(orgDetailsFields) },
    response: { status: { 202: applicationResultSchema } },
    handler: async (request, h) => {
      const { store } = request.server.app.deps;
      const { orgId } = request.params;
      if (request.auth.credentials.orgId !== orgId) throw new NotFoundError();
      const org = await loadOrgSummary(store, orgId);
      if (!org) throw new NotFoundError();
      requireProvinceRegion(request.payload.regionCode);
      if (await claimedByAnother(store, usccClaimStream(request.payload.uscc), orgId)) throw new ConflictError(USCC_TAKEN, { details: [{ field: 'uscc', message: USCC_TAKEN }] });
      const metadata = eventMetadata(request);
      const application = { orgId, details: { kind: org.kind, ...request.payload }, actor: metadata.actor, correlationId: metadata.correlationId };
      const view = await sendApplication(request, application);
      return h.response({ orgId, status: 'pending', position: view.position }).code(202);
    },
  },
};
