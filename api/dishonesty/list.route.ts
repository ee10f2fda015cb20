/**
 * Who sees dishonesty records (DOMAIN.md): the person their own (`GET /me/dishonesty-records`); admin and auditors
 * anyone's (`GET /dishonesty-records?personId=`, or the newest of all without it); a unit its confirmed members' —
 * one member's by `personId`, or all of them — and nobody else's (404 for a person who is not its member).
 */
import type { ServerRoute } from '@hapi/hapi';
import { chinaDate } from '../../events/vocabulary/index.js';
import { listDishonesty } from '../../projections/dishonesty-records.js';
import { nowOf } from '../clock.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { loadBinding } from '../persons/person-repository.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { dishonestyBody, dishonestyPageSchema } from './schemas.js';

interface PageQuery {
  limit: number;
  cursor?: string;
  after?: string;
}

const page = { limit: Joi.number().integer().min(1).max(200).default(20), cursor: Joi.string().max(200), ...afterQuery };

export const myDishonestyRoute: ServerRoute<{ Query: PageQuery }> = {
  method: 'GET',
  path: '/me/dishonesty-records',
  options: {
    description: 'My dishonesty records (我的失信信息)',
    notes: 'Newest first; status active, expired (past its end date) or revoked.',
    tags: ['api', 'dishonesty'],
    auth: { access: { scope: ['person'] } },
    validate: { query: Joi.object(page) },
    response: { schema: dishonestyPageSchema },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['dishonesty_records']);
      const { limit, cursor } = request.query;
      const result = await listDishonesty(request.server.app.deps.db, {
        personId: request.auth.credentials.subjectId, today: chinaDate(nowOf(request)), limit, ...(cursor ? { cursor } : {}),
      });
      return { items: result.items.map((row) => dishonestyBody(row)), nextCursor: result.nextCursor };
    },
  },
};

export const listDishonestyRoute: ServerRoute<{ Query: PageQuery & { personId?: string } }> = {
  method: 'GET',
  path: '/dishonesty-records',
  options: {
    description: 'Dishonesty records of a person, or of all (admin, auditor) or of my unit’s members (unit)',
    notes: 'A unit sees only its confirmed members’ records: 404 for anyone else’s personId.',
    tags: ['api', 'dishonesty'],
    auth: { access: { scope: ['admin', 'auditor', 'unit'] } },
    plugins: { jxjy: { audited: true, statuses: [404], labels: { personId: { zh: '人员', en: 'Person' } } } },
    validate: { query: Joi.object({ personId: Joi.string().guid(), ...page }) },
    response: { schema: dishonestyPageSchema },
    handler: async (request) => {
      const { role, orgId } = request.auth.credentials;
      const { personId, limit, cursor } = request.query;
      const { db, store } = request.server.app.deps;
      let unitId: string | undefined;
      if (role === 'unit') {
        await requireApprovedOrg(request);
        if (personId && (await loadBinding(store, personId)).current?.unit.unitId !== orgId) throw new NotFoundError();
        unitId = orgId;
      }
      await waitForPosition(request, request.query.after, ['dishonesty_records', 'unit_members']);
      const result = await listDishonesty(db, {
        ...(personId ? { personId } : {}), ...(unitId && !personId ? { unitId } : {}), today: chinaDate(nowOf(request)), limit, ...(cursor ? { cursor } : {}),
      });
      return { items: result.items.map((row) => dishonestyBody(row)), nextCursor: result.nextCursor };
    },
  },
};
