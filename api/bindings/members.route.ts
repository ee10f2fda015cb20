/**
 * GET /units/{unitId}/members — a unit's reviewers list their confirmed members (or `?status=pending` requests) with
 * the binding date and this year's progress. Another unit's reviewers get 404; people and institutions 403.
 */
import type { ServerRoute } from '@hapi/hapi';
import { toHours } from '../../events/credit.js';
import { chinaYear } from '../../events/vocabulary/index.js';
import { totalsOfMany } from '../../projections/credit-totals.js';
import { listMembers } from '../../projections/unit-members.js';
import { nowOf } from '../clock.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';

interface MembersQuery {
  status: 'confirmed' | 'pending';
  limit: number;
  cursor?: string;
  after?: string;
}

const member = Joi.object({
  personId: Joi.string().required(),
  name: Joi.string().required(),
  idNumberMasked: Joi.string().required(),
  status: Joi.string().valid('pending', 'confirmed').required(),
  requestedAt: Joi.string().required(),
  boundSince: Joi.string().allow(null).required(),
  /** This year's approved hours per category. */
  progress: Joi.object({ year: Joi.number().integer(), public: Joi.number(), professional: Joi.number(), elective: Joi.number(), total: Joi.number() }).allow(null).required(),
}).label('UnitMember');

export const membersRoute: ServerRoute<{ Params: { unitId: string }; Query: MembersQuery }> = {
  method: 'GET',
  path: '/units/{unitId}/members',
  options: {
    description: 'A unit’s members (本单位人员)',
    notes: 'For the unit’s own reviewers (admin and auditors may read too). ID numbers are masked.',
    tags: ['api', 'bindings'],
    auth: { access: { scope: ['unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: {
      params: Joi.object({ unitId: Joi.string().guid().required() }),
      query: Joi.object({
        status: Joi.string().valid('confirmed', 'pending').default('confirmed'),
        limit: Joi.number().integer().min(1).max(200).default(20),
        cursor: Joi.string().max(200),
        ...afterQuery,
      }),
    },
    response: { schema: Joi.object({ items: Joi.array().items(member).required(), nextCursor: Joi.string().allow(null).required() }).label('UnitMemberPage') },
    handler: async (request) => {
      const { role, orgId } = request.auth.credentials;
      const { unitId } = request.params;
      if (role === 'unit') {
        await requireApprovedOrg(request);
        if (orgId !== unitId) throw new NotFoundError();
      }
      await waitForPosition(request, request.query.after, ['unit_members', 'credit_totals']);
      const { status, limit, cursor } = request.query;
      const { db } = request.server.app.deps;
      const page = await listMembers(db, { unitId, status, limit, ...(cursor ? { cursor } : {}) });
      const year = chinaYear(nowOf(request));
      const totals = await totalsOfMany(db, page.items.map((item) => item.personId), year);
      return {
        items: page.items.map((item) => {
          const t = totals.get(item.personId)!;
          return { ...item, progress: { year, public: toHours(t.public), professional: toHours(t.professional), elective: toHours(t.elective), total: toHours(t.public + t.professional + t.elective) } };
        }),
        nextCursor: page.nextCursor,
      };
    },
  },
};
