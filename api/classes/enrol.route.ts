/**
 * A person enrols in a class (报名): only with a confirmed unit (409 saying to bind first), only in a class visible
 * from that unit's region (404 otherwise), only while it is accepting (409); the class decides whether there is a seat
 * (pending, for the institution to review) or a place in line (waitlisted). The person may cancel before the class
 * starts; `GET /me/enrolments` lists every enrolment with the time of each step (request, promotion from the waiting
 * list, approval, the latest decision or ending) and the reason of a rejection.
 */
import type { ServerRoute } from '@hapi/hapi';
import { toHours } from '../../events/credit.js';
import { maskIdNumber } from '../../events/vocabulary/index.js';
import { getEnrolment, listMyEnrolments } from '../../projections/enrolments.js';
import { classWorkflowId, requestSeatUpdate } from '../../workflows/classes/messages.js';
import { cancelEnrolmentUpdate, enrolmentWorkflowId } from '../../workflows/enrolments/messages.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { idempotentId } from '../idempotency.js';
import { sendCommand } from '../lifecycles.js';
import { loadBinding, loadPerson } from '../persons/person-repository.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { eventMetadata } from '../request-context.js';
import { visibleFrom } from './catalogue.route.js';
import { loadClass } from './class-access.js';
import { myEnrolmentSchema } from './schemas.js';

const BIND_FIRST = { zh: '请先在“单位绑定”中与工作单位完成绑定，再报名培训班', en: 'bind to your employer unit first: classes are offered by your unit’s region' };

export const enrolRoute: ServerRoute<{ Params: { classId: string } }> = {
  method: 'POST',
  path: '/classes/{classId}/enrolments',
  options: {
    description: 'Enrol in a class (报名)',
    notes: 'pending (a seat, for the institution to review) or waitlisted (the class is full). 409 without a confirmed unit, when not accepting, or already enrolled.',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { successStatus: 201, idempotent: {} } },
    validate: { params: Joi.object({ classId: Joi.string().guid().required() }) },
    response: {
      status: { 201: Joi.object({ enrolmentId: Joi.string().required(), status: Joi.string().valid('pending', 'waitlisted').required(), position: Joi.string().required() }).label('Enrolled') },
    },
    handler: async (request, h) => {
      const { store } = request.server.app.deps;
      const personId = request.auth.credentials.subjectId;
      const [binding, person] = await Promise.all([loadBinding(store, personId), loadPerson(store, personId)]);
      if (!person) throw new NotFoundError();
      const unit = binding.current?.unit;
      if (!unit) throw new ConflictError(BIND_FIRST, { code: 'binding_required' });
      const state = await loadClass(request, request.params.classId);
      if (!visibleFrom(state.details!.regionCode, unit.regionCode)) throw new NotFoundError();
      const enrolmentId = idempotentId(request, 'enrolmentId');
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: classWorkflowId(state.classId),
        update: requestSeatUpdate,
        args: { personId, enrolmentId, person: { name: person.name, idNumberMasked: maskIdNumber(person.idNumber) }, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      const seated = Boolean(view.seats[personId]);
      return h.response({ enrolmentId, status: seated ? 'pending' : 'waitlisted', position: view.position }).code(201);
    },
  },
};

export const cancelEnrolmentRoute: ServerRoute<{ Params: { enrolmentId: string }; Query: { after?: string } }> = {
  method: 'POST',
  path: '/enrolments/{enrolmentId}/cancel',
  options: {
    description: 'Cancel my enrolment',
    notes: 'Before the class starts (409 after); a seat it held goes to the first in line.',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person'] } },
    response: { schema: Joi.object({ enrolmentId: Joi.string().required(), status: Joi.string().valid('cancelled').required(), position: Joi.string().required() }).label('EnrolmentCancelled') },
    validate: { params: Joi.object({ enrolmentId: Joi.string().guid().required() }), query: Joi.object({ ...afterQuery }) },
    handler: async (request) => {
      const personId = request.auth.credentials.subjectId;
      // Right after enrolling, the read model may not show it yet: `?after=` (the enrolment's position) waits for it.
      await waitForPosition(request, request.query.after, ['enrolments']);
      const row = await getEnrolment(request.server.app.deps.db, request.params.enrolmentId);
      if (!row || row.personId !== personId) throw new NotFoundError();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: enrolmentWorkflowId(row.classId, personId),
        update: cancelEnrolmentUpdate,
        args: { enrolmentId: request.params.enrolmentId, actor: metadata.actor, correlationId: metadata.correlationId },
        // Cancelling one enrolment is one command, however often it is sent: a retry after a 503 gets the first outcome.
        updateId: `cancel-${request.params.enrolmentId}`,
      });
      return { enrolmentId: request.params.enrolmentId, status: 'cancelled', position: view.position };
    },
  },
};

export const myEnrolmentsRoute: ServerRoute<{ Query: { limit: number; cursor?: string; after?: string } }> = {
  method: 'GET',
  path: '/me/enrolments',
  options: {
    description: 'My enrolments (培训班报名情况)',
    notes: '`promotedAt`: when a seat freed and it left the waiting list; `approvedAt`: when the institution approved it; `decidedAt`: the latest decision or ending (moves to the completion time when the class completes).',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person'] } },
    validate: { query: Joi.object({ limit: Joi.number().integer().min(1).max(200).default(20), cursor: Joi.string().max(300), ...afterQuery }) },
    response: { schema: Joi.object({ items: Joi.array().items(myEnrolmentSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('MyEnrolmentPage') },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['enrolments']);
      const page = await listMyEnrolments(request.server.app.deps.db, request.auth.credentials.subjectId, request.query.limit, request.query.cursor);
      return {
        items: page.items.map((row) => ({
          enrolmentId: row.enrolmentId,
          class: { classId: row.classId, title: row.classTitle, institutionName: row.institutionName, category: row.category, hours: toHours(row.halfHours), startDate: row.startDate, endDate: row.endDate },
          status: row.status,
          requestedAt: row.requestedAt,
          promotedAt: row.promotedAt,
          approvedAt: row.approvedAt,
          decidedAt: row.decidedAt,
          reason: row.reason,
        })),
        nextCursor: page.nextCursor,
      };
    },
  },
};
