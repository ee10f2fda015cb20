// Shapes of the bodies the certificate, dishonesty and requirements screens read (CONTRACT.md "Certificates and
// verification", "Dishonesty records", "Requirements"), beside types.ts rather than in it while that file is being
// extended elsewhere. Only what the components use; the server may send more.
import type { DishonestyStatus } from '../../events/dishonesty.js';
import type { CreditHours } from './types.js';

export type { DishonestyStatus };

/** An issued certificate (POST /me/certificates/{year}, and each year's `certificate` in GET /me/certificates). */
export interface Certificate {
  certificateId: string;
  year: number;
  /** 证书编号, as printed. */
  certificateNo: string;
  /** 16 characters (Crockford base32), printed and in the QR code. */
  verificationCode: string;
  /** The public page that verifies it (where the QR code leads). */
  verifyUrl: string;
  status: 'valid' | 'revoked';
  holderName: string;
  /** Masked, as printed. */
  idNumber: string;
  unitName: string | null;
  hours: CreditHours;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  position?: string;
}

/** One declarable year of GET /me/certificates: its hours against its requirement, and its certificate if any. */
export interface CertificateYear {
  year: number;
  required: CreditHours;
  completed: CreditHours;
  missing: CreditHours;
  /** Every category met (hours beyond one never fill another). */
  eligible: boolean;
  /** An active dishonesty record blocks certificates today. */
  blocked: boolean;
  /** The one standing for the year: a revoked one shows until the year is issued anew. */
  certificate: Certificate | null;
}

/** A dishonesty record that blocks certificates today, as GET /me/certificates names it. */
export interface CertificateBlock {
  recordId: string;
  reason: string;
  /** YYYY-MM-DD; null = until revoked. */
  endDate: string | null;
}

/** GET /me/certificates: every year from the first declarable one to this one, newest first. */
export interface MyCertificates {
  items: CertificateYear[];
  blockedBy: CertificateBlock[];
}

/** A dishonesty record (失信记录) on the wire; the person is a snapshot of when it was recorded. */
export interface DishonestyRecord {
  recordId: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  reason: string;
  /** 法律依据. */
  basis: string;
  startDate: string;
  /** null = until revoked. */
  endDate: string | null;
  blocksCertificate: boolean;
  status: DishonestyStatus;
  recordedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  position?: string;
}

export interface DishonestyPage {
  items: DishonestyRecord[];
  nextCursor: string | null;
}

/** POST /dishonesty-records: the person by `personId` or by `idNumber` (exactly one). */
export interface DishonestyRecordBody {
  personId?: string;
  idNumber?: string;
  reason: string;
  basis: string;
  startDate: string;
  endDate?: string;
  blocksCertificate: boolean;
}

/** GET / PUT /requirements/{year}: hours per category and their total; `setAt` null = the defaults in force. */
export interface Requirements {
  year: number;
  public: number;
  professional: number;
  elective: number;
  total: number;
  setAt: string | null;
  position?: string;
}
