/**
 * GET /orgs/{orgId} — the organisation and its status. Admin, auditors and the organisation's own reviewers see
 * everything (including a rejection's reason); anyone else sees an approved organisation's public fields, and 404
 * for one that is not approved.
 */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { getOrg } from '../../projections/orgs.js';
import { NotFoundError } from '../errors.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { orgSchema } from './schemas.js';

export const getOrgRoute: ServerRoute<{ Params: { orgId: string }; Query: { after?: string } }> = {
  method: 'GET',
  path: '/orgs/{orgId}',
  options: {
    auth: { mode: 'optional' },
    description: 'One organisation',
    tags: ['api', 'orgs'],
    validate: { params: Joi.object({ orgId: Joi.string().guid().required() }), query: Joi.object({ ...afterQuery }) },
    response: { schema: orgSchema },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['orgs']);
      const org = await getOrg(request.server.app.deps.db, request.params.orgId);
      if (!org) throw new NotFoundError();
      const caller = request.auth.isAuthenticated ? request.auth.credentials : undefined;
      const full = caller && (caller.role === 'admin' || caller.role === 'auditor' || caller.orgId === org.orgId);
      if (full) {
        return {
          orgId: org.orgId, kind: org.kind, name: org.name, regionCode: org.regionCode, status: org.status, uscc: org.uscc,
          contactName: org.contactName, contactPhone: org.contactPhone, reason: org.reason ?? null, attempt: org.attempt,
          registeredAt: org.registeredAt, decidedAt: org.decidedAt ?? null,
        };
      }
      if (org.status !== 'approved') throw new NotFoundError();
      return { orgId: org.orgId, kind: org.kind, name: org.name, regionCode: org.regionCode, status: org.status };
    },
  },
};
