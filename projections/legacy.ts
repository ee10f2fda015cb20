/**
 * The old system's history as people look it up (CONTRACT.md Old-system history): `legacy_records` and
 * `legacy_certificates`, one row per imported row keyed by its row key (so the same row can never show twice, however
 * it arrived), found by the holder's ID number — whether they registered before or after the import — and a
 * certificate also by its verification code. And `legacy_imports`, the imports admin ran, for their list.
 */
import { CREDIT_CATEGORIES } from '../events/credit.js';
import {
  LEGACY_IMPORT_EVENT_TYPES, LEGACY_ROW_EVENT_TYPES, type LegacyCertificateImported, type LegacyImportEvent, type LegacyImportState, type LegacyRecordImported,
  evolveLegacyImport, initialLegacyImport,
} from '../events/legacy.js';
import type { HoursByCategory } from '../events/requirements.js';
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Projection } from './projection.js';
import { type RowFold, foldRows, selectRows } from './rows.js';

export const legacyRowsProjection: Projection = {
  name: 'legacy_rows',
  version: 1,
  tables: `
    CREATE TABLE IF NOT EXISTS legacy_records (
      row_key     text COLLATE "C" PRIMARY KEY,
      id_number   text COLLATE "C" NOT NULL,
      name        text NOT NULL,
      year        integer NOT NULL,
      category    text NOT NULL,
      title       text NOT NULL,
      half_hours  integer NOT NULL,
      organizer   text,
      reviewed_by text,
      reviewed_at text,
      import_id   text NOT NULL,
      position    text NOT NULL
    );
    CREATE INDEX IF NOT EXISTS legacy_records_holder ON legacy_records (id_number, year, category);
    CREATE TABLE IF NOT EXISTS legacy_certificates (
      row_key           text COLLATE "C" PRIMARY KEY,
      id_number         text COLLATE "C" NOT NULL,
      name              text NOT NULL,
      year              integer NOT NULL,
      certificate_no    text COLLATE "C" NOT NULL,
      half_hours        jsonb NOT NULL,
      issued_at         text NOT NULL,
      issuer            text,
      verification_code text COLLATE "C" NOT NULL UNIQUE,
      import_id         text NOT NULL,
      position          text NOT NULL
    );
    CREATE INDEX IF NOT EXISTS legacy_certificates_holder ON legacy_certificates (id_number, year);`,
  tableNames: ['legacy_records', 'legacy_certificates'],
  filter: { streamPrefixes: ['legacy-rows-'], eventTypes: LEGACY_ROW_EVENT_TYPES },
  async apply(tx, events) {
    const records = events.filter((e) => e.type === 'LegacyRecordImported').map((e) => ({ ...(e.data as LegacyRecordImported['data']), position: e.position }));
    const certificates = events.filter((e) => e.type === 'LegacyCertificateImported').map((e) => ({ ...(e.data as LegacyCertificateImported['data']), position: e.position }));
    if (records.length) {
      await tx.query(
        `INSERT INTO legacy_records (row_key, id_number, name, year, category, title, half_hours, organizer, reviewed_by, reviewed_at, import_id, position)
         SELECT "rowKey", "idNumber", name, year, category, title, "halfHours", organizer, "reviewedBy", "reviewedAt", "importId", position
         FROM jsonb_to_recordset($1::jsonb) AS r("rowKey" text, "idNumber" text, name text, year integer, category text, title text, "halfHours" integer,
           organizer text, "reviewedBy" text, "reviewedAt" text, "importId" text, position text)
         ON CONFLICT (row_key) DO NOTHING`,
        [JSON.stringify(records)],
      );
    }
    if (certificates.length) {
      await tx.query(
        `INSERT INTO legacy_certificates (row_key, id_number, name, year, certificate_no, half_hours, issued_at, issuer, verification_code, import_id, position)
         SELECT "rowKey", "idNumber", name, year, "certificateNo", "halfHours", "issuedAt", issuer, "verificationCode", "importId", position
         FROM jsonb_to_recordset($1::jsonb) AS r("rowKey" text, "idNumber" text, name text, year integer, "certificateNo" text, "halfHours" jsonb,
           "issuedAt" text, issuer text, "verificationCode" text, "importId" text, position text)
         ON CONFLICT (row_key) DO NOTHING`,
        [JSON.stringify(certificates)],
      );
    }
  },
};

export interface LegacyRecordRow {
  year: number;
  category: string;
  title: string;
  halfHours: number;
  organizer: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** A holder's old records of some years, oldest first. */
export async function legacyRecordsOf(sql: Sql, idNumber: string, years: { from?: number; to?: number }): Promise<LegacyRecordRow[]> {
  const { rows } = await sql.query<LegacyRecordRow>(
    `SELECT year, category, title, half_hours AS "halfHours", organizer, reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt"
     FROM legacy_records WHERE id_number = $1 AND year >= $2 AND year <= $3 ORDER BY year, reviewed_at NULLS LAST, title, row_key`,
    [idNumber, years.from ?? 0, years.to ?? 9999],
  );
  return rows.filter((row) => (CREDIT_CATEGORIES as readonly string[]).includes(row.category));
}

export interface LegacyCertificateRow {
  certificateNo: string;
  idNumber: string;
  name: string;
  year: number;
  halfHours: HoursByCategory;
  issuedAt: string;
  issuer: string | null;
  verificationCode: string;
}

const SELECT_CERTIFICATES = `SELECT certificate_no AS "certificateNo", id_number AS "idNumber", name, year, half_hours AS "halfHours", issued_at AS "issuedAt",
  issuer, verification_code AS "verificationCode" FROM legacy_certificates`;

export async function legacyCertificatesOf(sql: Sql, idNumber: string): Promise<LegacyCertificateRow[]> {
  const { rows } = await sql.query<LegacyCertificateRow>(`${SELECT_CERTIFICATES} WHERE id_number = $1 ORDER BY year, certificate_no`, [idNumber]);
  return rows;
}

export async function legacyCertificateByCode(sql: Sql, verificationCode: string): Promise<LegacyCertificateRow | null> {
  const { rows } = await sql.query<LegacyCertificateRow>(`${SELECT_CERTIFICATES} WHERE verification_code = $1`, [verificationCode]);
  return rows[0] ?? null;
}

/** The imports admin ran, for their list: the import state folded, one row each. */
export interface LegacyImportRow {
  importId: string;
  state: LegacyImportState;
  startedAt: string;
  position: string;
}

const IMPORT_ROWS: RowFold<LegacyImportRow> = {
  table: 'legacy_imports',
  key: 'importId',
  columns: {
    importId: ['import_id', 'text'],
    state: ['state', 'jsonb'],
    startedAt: ['started_at', 'text'],
    position: ['position', 'text'],
  },
  keyOf: (event) => (event.data as { importId: string }).importId,
  evolve(row: LegacyImportRow | undefined, event: RecordedEvent) {
    const typed = { type: event.type, data: event.data } as LegacyImportEvent;
    const before = row?.state ?? initialLegacyImport(typed.data.importId);
    const state = evolveLegacyImport(before, typed);
    // The list shows the first errors only; the import's own stream and its rejected-rows file have them all.
    return { importId: typed.data.importId, state: { ...state, errors: state.errors.slice(0, 50) }, startedAt: state.startedAt ?? '', position: event.position };
  },
};

export const legacyImportsProjection: Projection = {
  name: 'legacy_imports',
  version: 1,
  tables: `
    CREATE TABLE IF NOT EXISTS legacy_imports (
      import_id  text COLLATE "C" PRIMARY KEY,
      state      jsonb NOT NULL,
      started_at text COLLATE "C" NOT NULL,
      position   text NOT NULL
    );
    CREATE INDEX IF NOT EXISTS legacy_imports_recent ON legacy_imports (started_at DESC, import_id);`,
  tableNames: ['legacy_imports'],
  filter: { streamPrefixes: ['legacy-import-'], eventTypes: LEGACY_IMPORT_EVENT_TYPES },
  apply: foldRows(IMPORT_ROWS),
};

/** Newest first, with an opaque keyset cursor. */
export async function recentLegacyImports(sql: Sql, limit: number, cursor?: string): Promise<{ items: LegacyImportRow[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const { rows } = await sql.query<LegacyImportRow>(
    `${selectRows(IMPORT_ROWS)} ${after ? 'WHERE (started_at, import_id) < ($2, $3)' : ''} ORDER BY started_at DESC, import_id DESC LIMIT $1`,
    after ? [limit + 1, after[0], after[1]] : [limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.startedAt, last.importId]) : null };
}
