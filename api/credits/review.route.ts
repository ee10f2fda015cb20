/**
 * The record's way to its unit and back: POST …/submit (to the person's confirmed unit; 409 without one or without an
 * attachment; the unit's task shows any overlapping records), …/withdraw (before the unit decides), and admin's
 * …/revoke of an approved record (its hours stop counting).
 */
import type { ServerRoute } from '@hapi/hapi';
import { maskIdNumber } from '../../events/vocabulary/index.js';
import { overlapsOf } from '../../projections/credit-records.js';
import { creditWorkflowId, revokeCreditUpdate, submitCreditUpdate, withdrawCreditUpdate } from '../../workflows/credits/messages.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { loadBinding, loadPerson } from '../persons/person-repository.js';
import { eventMetadata } from '../request-context.js';
import { loadOwnRecord, loadRecord, recordBody } from './record-access.js';
import { recordSchema } from './schemas.js';

const params = Joi.object({ recordId: Joi.string().guid().required() });

export const submitRoute: ServerRoute<{ Params: { recordId: string } }> = {
  method: 'POST',
  path: '/credit-records/{recordId}/submit',
  options: {
    description: 'Submit my record to my unit (确认送审)',
    notes: '409 without a confirmed unit binding or without an attachment. Overlapping records are shown to the reviewer.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: { params },
    response: { schema: recordSchema },
    handler: async (request) => {
      const { store, db } = request.server.app.deps;
      const { state } = await loadOwnRecord(request, request.params.recordId);
      const personId = state.personId!;
      const [person, binding] = await Promise.all([loadPerson(store, personId), loadBinding(store, personId)]);
      if (!person) throw new NotFoundError();
      const { title, startDate, endDate } = state.declaration!;
      const overlaps = await overlapsOf(db, { recordId: state.recordId, personId, title, startDate, endDate });
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: submitCreditUpdate,
        args: {
          unit: binding.current ? { unitId: binding.current.unit.unitId, name: binding.current.unit.name } : null,
          person: { name: person.name, idNumberMasked: maskIdNumber(person.idNumber) },
          overlaps,
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return recordBody(view);
    },
  },
};

export const withdrawRoute: ServerRoute<{ Params: { recordId: string } }> = {
  method: 'POST',
  path: '/credit-records/{recordId}/withdraw',
  options: {
    description: 'Withdraw my submitted record (撤回)',
    notes: 'Before the unit decides (409 after); the record becomes a draft again and its task closes.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: { params },
    response: { schema: recordSchema },
    handler: async (request) => {
      const { state } = await loadOwnRecord(request, request.params.recordId);
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: withdrawCreditUpdate,
        args: { actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return recordBody(view);
    },
  },
};

export const revokeRoute: ServerRoute<{ Params: { recordId: string }; Payload: { reason: string } }> = {
  method: 'POST',
  path: '/credit-records/{recordId}/revoke',
  options: {
    description: 'Revoke an approved record (admin)',
    notes: 'Its hours stop counting. A reason is required.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['admin'] } },
    validate: { params, payload: Joi.object({ reason: Joi.string().trim().min(2).max(500).required() }) },
    response: { schema: recordSchema },
    handler: async (request) => {
      const { state } = await loadRecord(request, request.params.recordId);
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: revokeCreditUpdate,
        args: { reason: request.payload.reason, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return recordBody(view);
    },
  },
};
