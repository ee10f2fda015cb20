/** GET /credit-records/{recordId}/history — the record's tamper-evident timeline, for whoever may read the record. */
import type { ServerRoute } from '@hapi/hapi';
import { timelineOf, timelineSchema } from '../audit/timeline.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { loadRecord, mayRead } from './record-access.js';

export const creditHistoryRoute: ServerRoute<{ Params: { recordId: string } }> = {
  method: 'GET',
  path: '/credit-records/{recordId}/history',
  options: {
    description: 'A credit record’s timeline: who did what, when and why, and whether its chain holds',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person', 'unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required() }) },
    response: { schema: timelineSchema },
    handler: async (request) => {
      const { state, events } = await loadRecord(request, request.params.recordId);
      if (!mayRead(request.auth.credentials, state)) throw new NotFoundError();
      return timelineOf(request, events);
    },
  },
};
