/** GET /me — the caller's account; for a person their profile (binding comes with the binding feature), for a reviewer their organisation. */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { type PersonEvent, evolvePerson, personStream } from '../../events/person.js';
import type { PersonProfile } from '../../events/person.js';
import { UnauthorizedError } from '../errors.js';
import { loadOrgSummary } from '../orgs/org-access.js';
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
        profile: Joi.object({ personId: Joi.string(), name: Joi.string(), idNumber: Joi.string(), phone: Joi.string() }).label('PersonProfile'),
        binding: Joi.any().allow(null),
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
        const events = await store.readStream(personStream(account.subjectId));
        const profile = events.reduce<PersonProfile | null>((state, e) => evolvePerson(state, { type: e.type, data: e.data } as PersonEvent), null);
        // The owner sees their own ID number whole (DOMAIN.md: masked for everyone else).
        return { ...account, ...(profile ? { profile } : {}), binding: null };
      }
      const org = account.orgId ? await loadOrgSummary(store, account.orgId) : null;
      return { ...account, ...(org ? { org: stripUndefined(org) } : {}) };
    },
  },
};

const stripUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
