/**
 * An institution runs its classes (培训班): create one (its region defaulting to the institution's), open it for
 * enrolment (接受报名), close it, and complete it with the attendees, whose hours then count. Another institution's
 * class answers 404; completing twice 409.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { type CreditCategory, toHalfHours } from '../../events/credit.js';
import { rosterOf } from '../../projections/enrolments.js';
import {
  type ClassView, classWorkflowId, closeClassUpdate, completeClassUpdate, createClassUpdate, openClassUpdate,
} from '../../workflows/classes/messages.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { eventMetadata } from '../request-context.js';
import { classBody, loadOwnClass } from './class-access.js';
import { CLASS_LABELS, classFields, classSchema } from './schemas.js';

interface ClassPayload {
  title: string;
  category: CreditCategory;
  hours: number;
  capacity: number;
  startDate: string;
  endDate: string;
  description?: string;
  regionCode?: string;
}

const params = Joi.object({ classId: Joi.string().guid().required() });
const institutionOnly = { access: { scope: ['institution'] } };

export const createClassRoute: ServerRoute<{ Payload: ClassPayload }> = {
  method: 'POST',
  path: '/classes',
  options: {
    description: 'Create a training class (发布培训班)',
    notes: 'A draft; the region defaults to the institution’s. Open it for enrolment with POST /classes/{id}/open.',
    tags: ['api', 'classes'],
    auth: institutionOnly,
    plugins: { jxjy: { successStatus: 201, labels: CLASS_LABELS } },
    validate: { payload: Joi.object(classFields) },
    response: { status: { 201: classSchema } },
    handler: async (request, h) => {
      const institution = (await requireApprovedOrg(request))!;
      const { hours, description, regionCode, ...rest } = request.payload;
      const classId = crypto.randomUUID();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: classWorkflowId(classId),
        update: createClassUpdate,
        args: {
          institution: { orgId: institution.orgId, name: institution.name },
          details: { ...rest, halfHours: toHalfHours(hours), regionCode: regionCode ?? institution.regionCode, ...(description ? { description } : {}) },
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return h.response(classBody(view, { position: view.position })).code(201);
    },
  },
};

function transition(path: string, description: string, update: typeof openClassUpdate): ServerRoute<{ Params: { classId: string } }> {
  return {
    method: 'POST',
    path,
    options: {
      description,
      notes: '409 when the class is not in a state that allows it; 404 for another institution’s class.',
      tags: ['api', 'classes'],
      auth: institutionOnly,
      validate: { params },
      response: { schema: classSchema },
      handler: async (request) => {
        await requireApprovedOrg(request);
        const state = await loadOwnClass(request, request.params.classId);
        const metadata = eventMetadata(request);
        const view: ClassView = await sendCommand(request, { workflowId: classWorkflowId(state.classId), update, args: { actor: metadata.actor, correlationId: metadata.correlationId } });
        return classBody(view, { position: view.position });
      },
    },
  };
}

export const openClassRoute = transition('/classes/{classId}/open', 'Open a class for enrolment (接受报名)', openClassUpdate);
export const closeClassRoute = transition('/classes/{classId}/close', 'Close a class’s enrolment', closeClassUpdate);

export const completeClassRoute: ServerRoute<{ Params: { classId: string }; Payload: { attendeePersonIds: string[] } }> = {
  method: 'POST',
  path: '/classes/{classId}/complete',
  options: {
    description: 'Complete a class with its attendees (结业)',
    notes: 'Once closed and started. Each attendee (an approved enrollee) is granted the class hours in the year of its start date. A second completion → 409.',
    tags: ['api', 'classes'],
    auth: institutionOnly,
    plugins: { jxjy: { labels: CLASS_LABELS } },
    validate: { params, payload: Joi.object({ attendeePersonIds: Joi.array().items(Joi.string().guid()).max(100_000).unique().required() }) },
    response: { schema: classSchema },
    handler: async (request) => {
      await requireApprovedOrg(request);
      const state = await loadOwnClass(request, request.params.classId);
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: classWorkflowId(state.classId),
        update: completeClassUpdate,
        args: { attendeePersonIds: request.payload.attendeePersonIds, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return classBody(view, { position: view.position, roster: await rosterOf(request.server.app.deps.db, state.classId) });
    },
  },
};
