/** GET /orgs — approved organisations, public fields only (a person choosing their unit). */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import type { OrgKind } from '../../events/org.js';
import { listOrgs } from '../../projections/orgs.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';

interface OrgListQuery {
  kind?: OrgKind;
  q?: string;
  regionCode?: string;
  limit: number;
  cursor?: string;
  after?: string;
}

export const listOrgsRoute: ServerRoute<{ Query: OrgListQuery }> = {
  method: 'GET',
  path: '/orgs',
  options: {
    auth: false,
    description: 'Approved organisations',
    notes: '`regionCode` ending in 00 matches the whole city (4401xx), ending in 0000 the whole province.',
    tags: ['api', 'orgs'],
    plugins: { jxjy: { labels: { kind: { zh: '机构类型', en: 'Kind of organisation' } } } },
    validate: {
      query: Joi.object({
        kind: Joi.string().valid('unit', 'institution'),
        q: Joi.string().trim().max(100).allow(''),
        regionCode: Joi.string().pattern(/^\d{6}$/),
        limit: Joi.number().integer().min(1).max(200).default(20),
        cursor: Joi.string().max(200),
        ...afterQuery,
      }),
    },
    response: {
      schema: Joi.object({
        items: Joi.array().items(
          Joi.object({ orgId: Joi.string(), kind: Joi.string(), name: Joi.string(), regionCode: Joi.string(), status: Joi.string() }).label('OrgListItem'),
        ),
        nextCursor: Joi.string().allow(null),
      }).label('OrgPage'),
    },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['orgs']);
      const { kind, q, regionCode, limit, cursor } = request.query;
      return listOrgs(request.server.app.deps.db, { kind, q: q || undefined, regionCode, status: 'approved', limit, cursor });
    },
  },
};
