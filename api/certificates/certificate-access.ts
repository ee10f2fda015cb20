/**
 * A certificate by id from the `certificates` read model — waiting for it to catch up once when the id is not there
 * yet (the PDF is typically asked for right after issuing) — and who may have it: its holder, admin and auditors.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { type CertificateRow, getCertificate } from '../../projections/certificates.js';
import { NotFoundError } from '../errors.js';
import { waitForHead } from '../read-your-writes.js';

export async function loadCertificate<R extends ReqRef>(request: Request<R>, certificateId: string): Promise<CertificateRow> {
  const { db } = request.server.app.deps;
  let row = await getCertificate(db, certificateId);
  if (!row) {
    await waitForHead(request, ['certificates']);
    row = await getCertificate(db, certificateId);
  }
  if (!row) throw new NotFoundError();
  const { role, subjectId } = request.auth.credentials;
  if (role === 'person' ? row.personId !== subjectId : role !== 'admin' && role !== 'auditor') throw new NotFoundError();
  return row;
}
