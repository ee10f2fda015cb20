/** GET /me/binding — my unit, my pending request and the last rejection's reason, straight from my binding stream. */
import type { ServerRoute } from '@hapi/hapi';
import { loadBinding } from '../persons/person-repository.js';
import { bindingSchema } from '../persons/schemas.js';

export const getBindingRoute: ServerRoute = {
  method: 'GET',
  path: '/me/binding',
  options: {
    description: 'My unit binding',
    tags: ['api', 'bindings'],
    auth: { access: { scope: ['person'] } },
    response: { schema: bindingSchema },
    handler: async (request) => {
      const { personId: _personId, ...binding } = await loadBinding(request.server.app.deps.store, request.auth.credentials.subjectId);
      return binding;
    },
  },
};
