/** GET /certificates/{certificateId}/history — the certificate's year: issued, revoked, issued anew; for its holder, admin and auditors. */
import type { ServerRoute } from '@hapi/hapi';
import { certificateStream } from '../../events/certificate.js';
import { timelineOf, timelineSchema } from '../audit/timeline.js';
import { Joi } from '../joi.js';
import { loadCertificate } from './certificate-access.js';
import { certificateSeriesId } from './codes.js';

export const certificateHistoryRoute: ServerRoute<{ Params: { certificateId: string } }> = {
  method: 'GET',
  path: '/certificates/{certificateId}/history',
  options: {
    description: 'A certificate’s timeline, with the chain checked',
    tags: ['api', 'certificates'],
    auth: { access: { scope: ['person', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ certificateId: Joi.string().guid().required() }) },
    response: { schema: timelineSchema },
    handler: async (request) => {
      const row = await loadCertificate(request, request.params.certificateId);
      return timelineOf(request, await request.server.app.deps.store.readStream(certificateStream(certificateSeriesId(row.personId, row.year))));
    },
  },
};
