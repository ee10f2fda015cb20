/**
 * Admin records dishonesty (失信记录, manual 1.4) for a registered person — found by `personId` or by ID number —
 * with the reason, the legal basis, the period and whether it blocks certificates; and revokes one with a reason.
 * The person is snapshotted (name, masked ID number) into the record as admin saw them.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { dishonestyStatus, dishonestyStream } from '../../events/dishonesty.js';
import { chinaDate, maskIdNumber } from '../../events/vocabulary/index.js';
import { type DishonestyView, dishonestyWorkflowId, recordDishonestyUpdate, revokeDishonestyUpdate } from '../../workflows/dishonesty/messages.js';
import { nowOf } from '../clock.js';
import { isoDate } from '../dates.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { idNumber } from '../identifiers.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { findPersonByIdNumber, loadPerson } from '../persons/person-repository.js';
import { eventMetadata } from '../request-context.js';
import { DISHONESTY_LABELS, dishonestySchema } from './schemas.js';

interface RecordPayload {
  personId?: string;
  idNumber?: string;
  reason: string;
  basis: string;
  startDate: string;
  endDate?: string;
  blocksCertificate: boolean;
}

const adminOnly = { access: { scope: ['admin'] } };
const NO_SUCH_PERSON = { zh: '没有该人员的注册信息', en: 'no registered person matches' };

/** The record as the lifecycle answered it (the projection may not have caught up yet). */
function bodyOf(view: DishonestyView, today: string) {
  const { details, person } = view;
  const { personId, reason, basis, startDate, endDate, blocksCertificate } = details!;
  const record = {
    recordId: view.recordId, personId, personName: person!.name, idNumberMasked: person!.idNumberMasked, reason, basis, startDate,
    endDate: endDate ?? null, blocksCertificate, recordedAt: view.recordedAt!, revokedAt: view.revokedAt, revokeReason: view.revokeReason,
  };
  return { ...record, status: dishonestyStatus(record, today), position: view.position };
}

export const recordDishonestyRoute: ServerRoute<{ Payload: RecordPayload }> = {
  method: 'POST',
  path: '/dishonesty-records',
  options: {
    description: 'Record dishonesty (记录失信信息, admin)',
    notes: 'Name the person by personId or by ID number (exactly one). 422 when no registered person matches; 422 when the end is before the start.',
    tags: ['api', 'dishonesty'],
    auth: adminOnly,
    plugins: { jxjy: { successStatus: 201, labels: DISHONESTY_LABELS } },
    validate: {
      payload: Joi.object({
        personId: Joi.string().guid(),
        idNumber: idNumber(),
        reason: Joi.string().trim().min(2).max(500).required(),
        basis: Joi.string().trim().min(2).max(500).required(),
        startDate: isoDate().required(),
        endDate: isoDate(),
        blocksCertificate: Joi.boolean().required(),
      })
        .xor('personId', 'idNumber')
        .meta({ 'x-jxjy-schema': { oneOf: [{ required: ['personId'] }, { required: ['idNumber'] }] } }),
    },
    response: { status: { 201: dishonestySchema } },
    handler: async (request, h) => {
      const { store } = request.server.app.deps;
      const { personId: givenId, idNumber: givenIdNumber, endDate, ...rest } = request.payload;
      const personId = givenId ?? (await findPersonByIdNumber(store, givenIdNumber!));
      const person = personId ? await loadPerson(store, personId) : null;
      if (!person) {
        const field = givenId ? 'personId' : 'idNumber';
        throw new UnprocessableError(NO_SUCH_PERSON, { details: [{ field, message: NO_SUCH_PERSON }] });
      }
      const recordId = crypto.randomUUID();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: dishonestyWorkflowId(recordId),
        update: recordDishonestyUpdate,
        args: {
          details: { personId: person.personId, ...rest, ...(endDate ? { endDate } : {}) },
          person: { name: person.name, idNumberMasked: maskIdNumber(person.idNumber) },
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return h.response(bodyOf(view, chinaDate(nowOf(request)))).code(201);
    },
  },
};

export const revokeDishonestyRoute: ServerRoute<{ Params: { recordId: string }; Payload: { reason: string } }> = {
  method: 'POST',
  path: '/dishonesty-records/{recordId}/revoke',
  options: {
    description: 'Revoke a dishonesty record (撤销失信信息, admin)',
    notes: '409 when already revoked; 404 for an unknown record.',
    tags: ['api', 'dishonesty'],
    auth: adminOnly,
    plugins: { jxjy: { labels: { reason: { zh: '撤销原因', en: 'Reason for revoking' } } } },
    validate: {
      params: Joi.object({ recordId: Joi.string().guid().required() }),
      payload: Joi.object({ reason: Joi.string().trim().min(2).max(500).required() }),
    },
    response: { schema: dishonestySchema },
    handler: async (request) => {
      const { recordId } = request.params;
      const recorded = await request.server.app.deps.store.readStream(dishonestyStream(recordId), { maxCount: 1 });
      if (recorded.length === 0) throw new NotFoundError();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: dishonestyWorkflowId(recordId),
        update: revokeDishonestyUpdate,
        args: { reason: request.payload.reason, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return bodyOf(view, chinaDate(nowOf(request)));
    },
  },
};
