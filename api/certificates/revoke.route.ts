/** POST /certificates/{certificateId}/revoke — admin revokes a certificate with a reason; verification says so from then on. */
import type { ServerRoute } from '@hapi/hapi';
import { certificateWorkflowId, revokeCertificateUpdate } from '../../workflows/certificates/messages.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { loadCertificate } from './certificate-access.js';
import { certificateSeriesId } from './codes.js';
import { certificateBody, certificateSchema } from './schemas.js';

export const revokeCertificateRoute: ServerRoute<{ Params: { certificateId: string }; Payload: { reason: string } }> = {
  method: 'POST',
  path: '/certificates/{certificateId}/revoke',
  options: {
    description: 'Revoke a certificate (撤销证书, admin)',
    notes: '409 when already revoked. The holder may then be issued the year anew once eligible.',
    tags: ['api', 'certificates'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { labels: { reason: { zh: '撤销原因', en: 'Reason for revoking' } } } },
    validate: {
      params: Joi.object({ certificateId: Joi.string().guid().required() }),
      payload: Joi.object({ reason: Joi.string().trim().min(2).max(500).required() }),
    },
    response: { schema: certificateSchema },
    handler: async (request) => {
      const row = await loadCertificate(request, request.params.certificateId);
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: certificateWorkflowId(certificateSeriesId(row.personId, row.year)),
        update: revokeCertificateUpdate,
        args: { certificateId: row.certificateId, reason: request.payload.reason, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return certificateBody(view.revoked!, view.position);
    },
  },
};
