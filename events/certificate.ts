/**
 * Continuing-education certificates (继续教育证书, manual 3.3.4; DOMAIN.md Certificate), one stream per person and
 * year: `certificate-<seriesId>`, where the series id is derived from the person and the year, so two requests for
 * the same year meet in one lifecycle. A certificate carries a snapshot of everything it prints — holder, unit, hours,
 * title, issuer, the verification address — so it renders to the same bytes for ever, whatever changes later. A
 * revoked certificate stays in the stream (verification says revoked); the year may then be issued anew. Pure.
 */
import type { HoursByCategory } from './requirements.js';

export const certificateStream = (seriesId: string) => `certificate-${seriesId}`;

/** What a certificate prints and verification shows, frozen at issue time. */
export interface CertificateSnapshot {
  certificateId: string;
  personId: string;
  year: number;
  /** 证书编号, printed. */
  certificateNo: string;
  /** ≥ 80 random bits; the key of the public verification page. */
  verificationCode: string;
  /** The verification page this certificate's QR code points to. */
  verifyUrl: string;
  /** e.g. 广东省专业技术人员继续教育证书 (configurable); printed after the year. */
  title: string;
  /** 发证机关, printed beside the date. */
  issuer: string;
  holder: { name: string; idNumberMasked: string };
  unit: { unitId: string; name: string } | null;
  /** Completed half-hours per category when issued. */
  halfHours: HoursByCategory;
  /** The year's requirement in half-hours when issued. */
  required: HoursByCategory;
}

export interface CertificateIssued {
  type: 'CertificateIssued';
  data: CertificateSnapshot & { issuedBy: string; issuedAt: string };
}

export interface CertificateRevoked {
  type: 'CertificateRevoked';
  data: { certificateId: string; reason: string; revokedBy: string; revokedAt: string };
}

export type CertificateEvent = CertificateIssued | CertificateRevoked;
export const CERTIFICATE_EVENT_TYPES: CertificateEvent['type'][] = ['CertificateIssued', 'CertificateRevoked'];

export type IssuedCertificate = CertificateIssued['data'] & { revokedAt: string | null; revokeReason: string | null };

export interface CertificateSeries {
  seriesId: string;
  /** Oldest first; at most the last one is not revoked. */
  certificates: IssuedCertificate[];
}

export const initialCertificateSeries = (seriesId: string): CertificateSeries => ({ seriesId, certificates: [] });

export function evolveCertificateSeries(state: CertificateSeries, event: CertificateEvent): CertificateSeries {
  switch (event.type) {
    case 'CertificateIssued':
      return { ...state, certificates: [...state.certificates, { ...event.data, revokedAt: null, revokeReason: null }] };
    case 'CertificateRevoked':
      return {
        ...state,
        certificates: state.certificates.map((c) =>
          c.certificateId === event.data.certificateId ? { ...c, revokedAt: event.data.revokedAt, revokeReason: event.data.reason } : c,
        ),
      };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The certificate that stands for the year, if any (the last one, unless revoked). */
export const currentCertificate = (state: CertificateSeries): IssuedCertificate | null => {
  const last = state.certificates.at(-1);
  return last && !last.revokedAt ? last : null;
};
