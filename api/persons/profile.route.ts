/**
 * PUT /me/profile — a person keeps their basic information (人员基本信息维护, manual 1.2). The person lifecycle records
 * one `ProfileChanged` naming the fields that changed, and refuses a birth date the ID number contradicts (422).
 */
import type { ServerRoute } from '@hapi/hapi';
import type { ProfileFields } from '../../events/person.js';
import { changeProfileUpdate, personWorkflowId } from '../../workflows/persons/messages.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { loadPerson } from './person-repository.js';
import { profileFields, profileSchema } from './schemas.js';

type ProfilePayload = { [K in keyof ProfileFields]?: string };

export const profileRoute: ServerRoute<{ Payload: ProfilePayload }> = {
  method: 'PUT',
  path: '/me/profile',
  options: {
    description: 'Update my basic information (人员基本信息)',
    notes: 'The whole profile: a field left out or empty is cleared. The birth date must agree with the ID number (422).',
    tags: ['api', 'persons'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { statuses: [404], labels: { name: { zh: '姓名', en: 'Name' }, title: { zh: '职称', en: 'Professional title' }, specialty: { zh: '专业', en: 'Specialty' }, education: { zh: '学历', en: 'Education' } } } },
    validate: { payload: Joi.object(profileFields) },
    response: { schema: profileSchema.keys({ position: Joi.string().required() }).label('PersonProfileSaved') },
    handler: async (request) => {
      const { store } = request.server.app.deps;
      const { subjectId: personId } = request.auth.credentials;
      const profile = Object.fromEntries(Object.entries(request.payload).filter(([, value]) => value !== '')) as unknown as ProfileFields;
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: personWorkflowId(personId),
        update: changeProfileUpdate,
        args: { profile, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      // The owner sees their own ID number whole (DOMAIN.md: masked for everyone else).
      const saved = await loadPerson(store, personId);
      if (!saved) throw new NotFoundError();
      return { ...saved, position: view.position };
    },
  },
};
