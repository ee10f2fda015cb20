/**
 * POST /credit-records — a person declares a continuing-education record (学时申报), as a draft; PATCH
 * /credit-records/{id} — edits it while it is a draft or was rejected (409 otherwise). The year, dates and hours rules
 * are judged by the record's lifecycle on the workflow clock (422 naming the field).
 */
import type { ServerRoute } from '@hapi/hapi';
import { type CreditCategory, type CreditDeclaration, type CreditMode, toHalfHours, toHours } from '../../events/credit.js';
import { createCreditUpdate, creditWorkflowId, editCreditUpdate } from '../../workflows/credits/messages.js';
import { Joi } from '../joi.js';
import { idempotentId } from '../idempotency.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { loadOwnRecord, recordBody } from './record-access.js';
import { CREDIT_LABELS, declarationFields, recordSchema } from './schemas.js';

interface DeclarationPayload {
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  organizer?: string;
  startDate: string;
  endDate: string;
  hours: number;
}

const toDeclaration = (payload: DeclarationPayload): CreditDeclaration => {
  const { hours, organizer, ...rest } = payload;
  return { ...rest, ...(organizer ? { organizer } : {}), halfHours: toHalfHours(hours) };
};

const required = Object.fromEntries(Object.entries(declarationFields).map(([name, rule]) => [name, name === 'organizer' ? rule : rule.required()]));

export const declareRoute: ServerRoute<{ Payload: DeclarationPayload }> = {
  method: 'POST',
  path: '/credit-records',
  options: {
    description: 'Declare a credit record (学时申报)',
    notes: 'Creates a draft. Year not in the future nor before the first declarable year; dates inside the year; hours > 0 in steps of 0.5, at most 8 a day.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { successStatus: 201, labels: CREDIT_LABELS, idempotent: {} } },
    validate: { payload: Joi.object(required) },
    response: { status: { 201: recordSchema } },
    handler: async (request, h) => {
      const { config } = request.server.app.deps;
      const recordId = idempotentId(request, 'recordId');
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(recordId),
        update: createCreditUpdate,
        args: {
          personId: request.auth.credentials.subjectId,
          declaration: toDeclaration(request.payload),
          rules: { firstYear: config.firstDeclarableYear },
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return h.response(recordBody(view)).code(201);
    },
  },
};

export const editRoute: ServerRoute<{ Params: { recordId: string }; Payload: Partial<DeclarationPayload> }> = {
  method: 'PATCH',
  path: '/credit-records/{recordId}',
  options: {
    description: 'Edit my credit record',
    notes: 'While it is a draft or was rejected (409 otherwise); the fields given replace the current ones.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { labels: CREDIT_LABELS } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required() }), payload: Joi.object(declarationFields).min(1).meta({ 'x-jxjy-schema': { minProperties: 1 } }) },
    response: { schema: recordSchema },
    handler: async (request) => {
      const { config } = request.server.app.deps;
      const { state } = await loadOwnRecord(request, request.params.recordId);
      const current = state.declaration!;
      const merged: DeclarationPayload = {
        year: current.year, category: current.category, title: current.title, mode: current.mode, startDate: current.startDate,
        endDate: current.endDate, hours: toHours(current.halfHours), ...(current.organizer ? { organizer: current.organizer } : {}),
        ...request.payload,
      };
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: editCreditUpdate,
        args: { declaration: toDeclaration(merged), rules: { firstYear: config.firstDeclarableYear }, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return recordBody(view);
    },
  },
};
