/** GET /dishonesty-records/{recordId}/history — a record's timeline, for the person, their unit, admin and auditors. */
import type { ServerRoute } from '@hapi/hapi';
import { dishonestyStream } from '../../events/dishonesty.js';
import { timelineOf, timelineSchema } from '../audit/timeline.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { loadBinding } from '../persons/person-repository.js';

export const dishonestyHistoryRoute: ServerRoute<{ Params: { recordId: string } }> = {
  method: 'GET',
  path: '/dishonesty-records/{recordId}/history',
  options: {
    description: 'A dishonesty record’s timeline, with the chain checked',
    tags: ['api', 'dishonesty'],
    auth: { access: { scope: ['person', 'unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required() }) },
    response: { schema: timelineSchema },
    handler: async (request) => {
      const { role, subjectId, orgId } = request.auth.credentials;
      const { store } = request.server.app.deps;
      const events = await store.readStream(dishonestyStream(request.params.recordId));
      const personId = (events[0]?.data as { personId?: string } | undefined)?.personId;
      if (!personId) throw new NotFoundError();
      if (role === 'person' && personId !== subjectId) throw new NotFoundError();
      if (role === 'unit') {
        await requireApprovedOrg(request);
        if ((await loadBinding(store, personId)).current?.unit.unitId !== orgId) throw new NotFoundError();
      }
      return timelineOf(request, events);
    },
  },
};
