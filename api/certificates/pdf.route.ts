/** GET /certificates/{certificateId}/pdf — the printable certificate for its holder, admin and auditors (404 for anyone else). */
import type { ServerRoute } from '@hapi/hapi';
import { contentDisposition } from '../files/filenames.js';
import { Joi } from '../joi.js';
import { loadCertificate } from './certificate-access.js';
import { renderCertificatePdf } from './pdf.js';

export const certificatePdfRoute: ServerRoute<{ Params: { certificateId: string } }> = {
  method: 'GET',
  path: '/certificates/{certificateId}/pdf',
  options: {
    description: 'Download a certificate as PDF (打印证书)',
    notes: 'A4, Chinese, with a QR code to its verification page. The same certificate is always the same bytes; its SHA-256 is on the verification page.',
    tags: ['api', 'certificates'],
    auth: { access: { scope: ['person', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ certificateId: Joi.string().guid().required() }) },
    handler: async (request, h) => {
      const { certificate } = await loadCertificate(request, request.params.certificateId);
      const pdf = await renderCertificatePdf(certificate);
      return h
        .response(pdf)
        .type('application/pdf')
        .header('Content-Disposition', contentDisposition(`${certificate.year}年度继续教育证书-${certificate.certificateNo}.pdf`))
        .header('Cache-Control', 'private, no-store');
    },
  },
};
