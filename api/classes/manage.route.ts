/**
 * An institution runs its classes (培训班): create one (its region, a Guangdong code, defaulting to the institution's),
 * open it for enrolment (接受报名), close it, and complete it with the attendees, whose hours then count — the answer's
 * roster already saying who completed and who was absent. Another institution's class answers 404; completing twice 409.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { type CreditCategory, toHalfHours } from '../../events/credit.js';
import type { Localized } from '../../events/vocabulary/index.js';
import { rosterOf } from '../../projections/enrolments.js';
import {
  type ClassView, classWorkflowId, closeClassUpdate, completeClassUpdate, createClassUpdate, openClassUpdate,
} from '../../workflows/classes/messages.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { requireProvinceRegion } from '../orgs/region.js';
import { READ_WAIT_MS } from '../read-your-writes.js';
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

/** An institution registered outside Guangdong before the province rule: its region cannot be a class's default. */
const ownRegionOutside = (code: string): Localized => ({
  zh: `本机构登记的行政区划代码（${code}）不在广东省内，请填写培训班面向地区的「行政区划代码」（如 440100 广州市、440000 全省）`,
  en: `Your organisation's region code (${code}) is outside Guangdong: give the class's Region code (e.g. 440100 Guangzhou or 440000 the whole province)`,
});

export const createClassRoute: ServerRoute<{ Payload: ClassPayload }> = {
  method: 'POST',
  path: '/classes',
  options: {
    description: 'Create a training class (发布培训班)',
    notes: 'A draft; the region defaults to the institution’s, and must be a Guangdong code (44xxxx; 422 otherwise). Open it for enrolment with POST /classes/{id}/open.',
    tags: ['api', 'classes'],
    auth: institutionOnly,
    plugins: { jxjy: { successStatus: 201, labels: CLASS_LABELS } },
    validate: { payload: Joi.object(classFields) },
    response: { status: { 201: classSchema } },
    handler: async (request, h) => {
      const institution = (await requireApprovedOrg(request))!;
      const { hours, description, regionCode, ...rest } = request.payload;
      if (regionCode) requireProvinceRegion(regionCode);
      else requireProvinceRegion(institution.regionCode, ownRegionOutside(institution.regionCode));
      const classId = crypto.randomUUID();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: classWorkflowId(classId),
        update: createClassUpdate,
        args: {
          institution: { orgId: institution.orgId, name: institution.name },
          details: { ...rest, halfHours: toHalfHours(hours), regionCode: regionCode ?? institution.regionCode, ...(description ? { description } : {}) },
          firstDeclarableYear: request.server.app.deps.config.firstDeclarableYear,
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
    notes:
      'Once closed and started. Each attendee (an approved enrollee) is granted the class hours in the year of its start date. A second completion → 409. ' +
      'The roster shows every enrollee’s outcome (completed, missed, lapsed), and `position` covers those outcomes, so `GET /classes/{id}?after=` shows them too; ' +
      'should the roster not catch up within the read wait, the answer leaves it out rather than show it stale.',
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
      // Each enrollee's outcome is appended by the completion's after-effects, which the Update awaited, so after the
      // class's own event: the store's head covers them where `view.position` does not.
      const { db, store, projections } = request.server.app.deps;
      const head = await store.writtenPosition();
      const position = head > view.position ? head : view.position;
      const current = await projections.waitFor(position, READ_WAIT_MS, ['enrolments']);
      // The class is completed whatever the read model says: a roster still catching up is left out (a client reads it
      // with `?after=position`), never answered with the approvals the completion has just settled.
      return classBody(view, { position, ...(current ? { roster: await rosterOf(db, state.classId) } : {}) });
    },
  },
};
