/**
 * POST /me/binding — a person asks their employer unit to confirm them (与法人单位绑定关系). Only an approved unit can
 * be asked (422 naming `unitId` otherwise); one request may be pending at a time (409). The unit's reviewers find a
 * `binding-confirmation` task with the person's name and masked ID number.
 */
import type { ServerRoute } from '@hapi/hapi';
import { maskIdNumber } from '../../events/vocabulary/index.js';
import { bindingWorkflowId, requestBindingUpdate } from '../../workflows/bindings/messages.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { loadOrgSummary } from '../orgs/org-access.js';
import { loadPerson } from '../persons/person-repository.js';
import { eventMetadata } from '../request-context.js';

const NOT_A_UNIT = { zh: '该单位不存在或尚未通过人社部门审核，不能绑定', en: 'this unit does not exist or is not approved yet, so it cannot be bound to' };

export const requestBindingRoute: ServerRoute<{ Payload: { unitId: string } }> = {
  method: 'POST',
  path: '/me/binding',
  options: {
    description: 'Ask a unit to confirm me (单位绑定)',
    notes: 'Only approved units (422 naming unitId otherwise). 409 while another request is pending or when already bound there. A confirmed person may ask another unit (a job change): the old binding ends on confirmation.',
    tags: ['api', 'bindings'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { successStatus: 202, statuses: [404] } },
    validate: { payload: Joi.object({ unitId: Joi.string().guid().required() }) },
    response: {
      status: {
        202: Joi.object({
          bindingId: Joi.string().required(),
          unitId: Joi.string().required(),
          status: Joi.string().valid('pending').required(),
          taskId: Joi.string().required(),
          position: Joi.string().required(),
        }).label('BindingRequested'),
      },
    },
    handler: async (request, h) => {
      const { store } = request.server.app.deps;
      const { subjectId: personId } = request.auth.credentials;
      const { unitId } = request.payload;
      const unit = await loadOrgSummary(store, unitId);
      if (!unit || unit.kind !== 'unit' || unit.status !== 'approved') {
        throw new UnprocessableError(NOT_A_UNIT, { details: [{ field: 'unitId', message: NOT_A_UNIT }] });
      }
      const person = await loadPerson(store, personId);
      if (!person) throw new NotFoundError();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: bindingWorkflowId(personId),
        update: requestBindingUpdate,
        args: {
          unit: { unitId, name: unit.name, regionCode: unit.regionCode },
          personName: person.name,
          idNumberMasked: maskIdNumber(person.idNumber),
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return h.response({ bindingId: view.pending!.bindingId, unitId, status: 'pending', taskId: view.taskId!, position: view.position }).code(202);
    },
  },
};
