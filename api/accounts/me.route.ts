/**
 * GET /me — the caller's account; for a person their profile (the ID number whole: it is their own) and their unit
 * binding, for a reviewer their organisation. Read from the streams, so a change shows at once.
 */
import type { ServerRoute } from '@hapi/hapi';
import { UnauthorizedError } from '../errors.js';
import { Joi } from '../joi.js';
import { loadOrgSummary } from '../orgs/org-access.js';
import { loadBinding, loadPerson } from '../persons/person-repository.js';
import { bindingSchema, profileSchema } from '../persons/schemas.js';
import { loadAccount } from './account-repository.js';

export const meRoute: ServerRoute = {
  method: 'GET',
  path: '/me',
  options: {
    description: 'Who am I',
    tags: ['api', 'accounts'],
    response: {
      schema: Joi.object({
        accountId: Joi.string().required(),
        username: Joi.string().required(),
        role: Joi.string().required(),
        subjectId: Joi.string().required(),
        orgId: Joi.string(),
        name: Joi.string().allow(''),
        mustChangePassword: Joi.boolean().required(),
        profile: profileSchema,
        binding: bindingSchema.allow(null),
        org: Joi.object({
          orgId: Joi.string(), kind: Joi.string(), name: Joi.string(), regionCode: Joi.string(),
          status: Joi.string(), reason: Joi.string(), attempt: Joi.number(),
        }).label('MyOrg'),
      }).label('Me'),
    },
    handler: async (request) => {
      const { store } = request.server.app.deps;
      const loaded = await loadAccount(store, request.auth.credentials.accountId);
      if (!loaded) throw new UnauthorizedError();
      const { registeredAt: _at, ...account } = loaded.state;
      if (account.role === 'person') {
        const [profile, { personId: _personId, ...binding }] = await Promise.all([loadPerson(store, account.subjectId), loadBinding(store, account.subjectId)]);
        return { ...account, ...(profile ? { profile } : {}), binding };
      }
      const org = account.orgId ? await loadOrgSummary(store, account.orgId) : null;
      return { ...account, ...(org ? { org: stripUndefined(org) } : {}) };
    },
  },
};

const stripUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
