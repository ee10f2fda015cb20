/** Certificates (证书): a person's years and issuing, the PDF, admin revocation, and public verification. */
import type { Plugin } from '@hapi/hapi';
import { issueCertificateRoute, myCertificatesRoute } from './issue.route.js';
import { certificatePdfRoute } from './pdf.route.js';
import { revokeCertificateRoute } from './revoke.route.js';
import { verifyRoute } from './verify.route.js';
import { certificateHistoryRoute } from './history.route.js';

export const certificatesPlugin: Plugin<void> = {
  name: 'jxjy-certificates',
  register(server) {
    server.route(myCertificatesRoute);
    server.route(issueCertificateRoute);
    server.route(certificatePdfRoute);
    server.route(revokeCertificateRoute);
    server.route(verifyRoute);
    server.route(certificateHistoryRoute);
  },
};
