/**
 * certificates: one row per issued certificate from the `certificate-` streams — its printed snapshot whole, plus the
 * columns it is found by: the holder and year (`GET /me/certificates`), its id (the PDF) and its verification code
 * (the public verification page).
 */
import { CERTIFICATE_EVENT_TYPES, type CertificateEvent, type IssuedCertificate } from '../events/certificate.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export interface CertificateRow {
  certificateId: string;
  personId: string;
  year: number;
  verificationCode: string;
  certificate: IssuedCertificate;
  position: string;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS certificates (
  certificate_id    text COLLATE "C" PRIMARY KEY,
  person_id         text COLLATE "C" NOT NULL,
  year              integer NOT NULL,
  verification_code text COLLATE "C" NOT NULL UNIQUE,
  certificate       jsonb NOT NULL,
  position          text NOT NULL
);
CREATE INDEX IF NOT EXISTS certificates_holder ON certificates (person_id, year);`;

export const CERTIFICATE_ROWS: RowFold<CertificateRow> = {
  table: 'certificates',
  key: 'certificateId',
  columns: {
    certificateId: ['certificate_id', 'text'],
    personId: ['person_id', 'text'],
    year: ['year', 'integer'],
    verificationCode: ['verification_code', 'text'],
    certificate: ['certificate', 'jsonb'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { certificateId: string }).certificateId,
  evolve: evolveCertificateRow,
};

/** The fold: one event on one certificate's row (pure). */
export function evolveCertificateRow(row: CertificateRow | undefined, event: RecordedEvent): CertificateRow | undefined {
  const typed = { type: event.type, data: event.data } as CertificateEvent;
  switch (typed.type) {
    case 'CertificateIssued': {
      const d = typed.data;
      return {
        certificateId: d.certificateId, personId: d.personId, year: d.year, verificationCode: d.verificationCode,
        certificate: { ...d, revokedAt: null, revokeReason: null }, position: event.position,
      };
    }
    case 'CertificateRevoked':
      return row && { ...row, certificate: { ...row.certificate, revokedAt: typed.data.revokedAt, revokeReason: typed.data.reason }, position: event.position };
    default: {
      const never: never = typed;
      return never;
    }
  }
}

export const certificatesProjection: Projection = {
  name: 'certificates',
  version: 1,
  tables: TABLES,
  tableNames: ['certificates'],
  filter: { streamPrefixes: ['certificate-'], eventTypes: CERTIFICATE_EVENT_TYPES },
  apply: foldRows(CERTIFICATE_ROWS),
};

const SELECT = selectRows(CERTIFICATE_ROWS);

export async function getCertificate(sql: Sql, certificateId: string): Promise<CertificateRow | null> {
  const { rows } = await sql.query<CertificateRow>(`${SELECT} WHERE certificate_id = $1`, [certificateId]);
  return rows[0] ?? null;
}

export async function certificateByCode(sql: Sql, verificationCode: string): Promise<CertificateRow | null> {
  const { rows } = await sql.query<CertificateRow>(`${SELECT} WHERE verification_code = $1`, [verificationCode]);
  return rows[0] ?? null;
}

/** A person's certificates, issue order within each year. */
export async function certificatesOf(sql: Sql, personId: string): Promise<CertificateRow[]> {
  const { rows } = await sql.query<CertificateRow>(`${SELECT} WHERE person_id = $1 ORDER BY year, certificate->>'issuedAt'`, [personId]);
  return rows;
}
