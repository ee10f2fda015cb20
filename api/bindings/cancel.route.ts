/** DELETE /me/binding/pending — the person takes back a request the unit has not decided yet; its task closes. */
import type { ServerRoute } from '@hapi/hapi';
import { bindingWorkflowId, cancelBindingUpdate } from '../../workflows/bindings/messages.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';

export const cancelBindingRoute: ServerRoute = {
  method: 'DELETE',
  path: '/me/binding/pending',
  options: {
    description: 'Cancel my pending binding request',
    notes: '409 when nothing is pending (or the unit decided a moment earlier).',
    tags: ['api', 'bindings'],
    auth: { access: { scope: ['person'] } },
    response: {
      schema: Joi.object({ bindingId: Joi.string().required(), status: Joi.string().valid('cancelled').required(), position: Joi.string().required() }).label('BindingCancelled'),
    },
    handler: async (request) => {
      const { subjectId: personId } = request.auth.credentials;
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: bindingWorkflowId(personId),
        update: cancelBindingUpdate,
        args: { actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return { bindingId: view.latest!.bindingId, status: 'cancelled', position: view.position };
    },
  },
};
