/** GET /enrolments/{enrolmentId}/history — an enrolment's timeline, for the person, the class's institution, admin and auditors. */
import type { ServerRoute } from '@hapi/hapi';
import { enrolmentStream } from '../../events/enrolment.js';
import { getEnrolment } from '../../projections/enrolments.js';
import { timelineOf, timelineSchema } from '../audit/timeline.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { loadClass } from './class-access.js';

export const enrolmentHistoryRoute: ServerRoute<{ Params: { enrolmentId: string } }> = {
  method: 'GET',
  path: '/enrolments/{enrolmentId}/history',
  options: {
    description: 'An enrolment’s timeline, with the chain checked',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person', 'institution', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ enrolmentId: Joi.string().guid().required() }) },
    response: { schema: timelineSchema },
    handler: async (request) => {
      const { role, subjectId, orgId } = request.auth.credentials;
      const row = await getEnrolment(request.server.app.deps.db, request.params.enrolmentId);
      if (!row) throw new NotFoundError();
      if (role === 'person' && row.personId !== subjectId) throw new NotFoundError();
      if (role === 'institution' && (await loadClass(request, row.classId)).institutionId !== orgId) throw new NotFoundError();
      return timelineOf(request, await request.server.app.deps.store.readStream(enrolmentStream(row.classId, row.personId)));
    },
  },
};
