/**
 * Contract of the certificate lifecycle (`certificate-<seriesId>`, one per person and year), the one writer of
 * `certificate-` streams. The API decides eligibility (credit totals against the year's requirements, blocking
 * dishonesty records) and hands over the snapshot to print; the lifecycle makes issuing once per year a fact: a
 * second request while a certificate stands gets that certificate back, unchanged.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { CertificateSnapshot, IssuedCertificate } from '../../events/certificate.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const CERTIFICATE_KIND = 'certificate';
export const certificateWorkflowId = (seriesId: string) => `${CERTIFICATE_KIND}-${seriesId}`;

export interface CertificateIssue extends CommandEnvelope {
  snapshot: CertificateSnapshot;
}

export interface CertificateRevocation extends CommandEnvelope {
  certificateId: string;
  reason: string;
}

export interface CertificateView {
  seriesId: string;
  /** The certificate standing for the year (null once revoked and not issued again). */
  current: IssuedCertificate | null;
  /** Whether this command issued it (false: it already stood). */
  issuedNow: boolean;
  /** The certificate a revocation was about. */
  revoked: IssuedCertificate | null;
  position: string;
}

/** Failures: InvalidInput → 422 (a snapshot for another person or year); NotFound → 404; InvalidTransition → 409 (revoked twice). */
export const issueCertificateUpdate = defineUpdate<CertificateView, [CertificateIssue]>('issue');
export const revokeCertificateUpdate = defineUpdate<CertificateView, [CertificateRevocation]>('revoke');
