/**
 * The old provincial system's history (历史数据, manual 1.5; DOMAIN.md Historical data): records it approved for 2018
 * and before, and certificates it issued, imported by admin from its exports. Every imported row is keyed by the
 * holder's ID number — not by an account — so a person who registers later finds their history at once; and by a row
 * key derived from its content, so importing the same rows again adds nothing.
 *
 * Streams, all of kind `legacy`, all written by the import lifecycle (`legacy-import-<importId>`):
 * - `legacy-import-<importId>`: the import itself — started, surveyed, each chunk's outcome, completed or failed;
 * - `legacy-rows-<importId>-<chunk>`: the rows one chunk imported, written once (an activity retried after a crash
 *   finds the stream and does not write it again).
 * Pure.
 */
import type { CreditCategory } from './credit.js';
import type { HoursByCategory } from './requirements.js';

export const LEGACY_KINDS = ['records', 'certificates'] as const;
export type LegacyKind = (typeof LEGACY_KINDS)[number];

export const legacyImportStream = (importId: string) => `legacy-import-${importId}`;
export const legacyRowsStream = (importId: string, chunk: number) => `legacy-rows-${importId}-${chunk}`;

/** The uploaded file as stored (content-addressed, like attachments). */
export interface LegacyFile {
  sha256: string;
  filename: string;
  size: number;
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: string;
}

/** One refused row: its number as the operator sees it in the file, the column, and why. */
export interface LegacyRowError {
  row: number;
  field: string;
  message: { zh: string; en: string };
}

export interface LegacyCounts {
  total: number;
  valid: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

export interface LegacyImportStarted {
  type: 'LegacyImportStarted';
  data: { importId: string; kind: LegacyKind; dryRun: boolean; file: LegacyFile; firstDeclarableYear: number; startedBy: string; startedAt: string };
}

/** The file read once and its rows laid out chunk by chunk as JSON lines in the file store: a chunk reads its own rows and nothing more. */
export interface LegacyImportSurveyed {
  type: 'LegacyImportSurveyed';
  data: { importId: string; totalRows: number; chunkFiles: string[]; chunkSize: number; chunks: number };
}

export interface LegacyChunkProcessed {
  type: 'LegacyChunkProcessed';
  data: { importId: string; chunk: number; counts: LegacyCounts; errors: LegacyRowError[] };
}

export interface LegacyImportCompleted {
  type: 'LegacyImportCompleted';
  data: { importId: string; counts: LegacyCounts; completedAt: string };
}

export interface LegacyImportFailed {
  type: 'LegacyImportFailed';
  data: { importId: string; reason: { zh: string; en: string }; failedAt: string };
}

export type LegacyImportEvent = LegacyImportStarted | LegacyImportSurveyed | LegacyChunkProcessed | LegacyImportCompleted | LegacyImportFailed;
export const LEGACY_IMPORT_EVENT_TYPES: LegacyImportEvent['type'][] = [
  'LegacyImportStarted', 'LegacyImportSurveyed', 'LegacyChunkProcessed', 'LegacyImportCompleted', 'LegacyImportFailed',
];

/** A record the old system approved. */
export interface LegacyRecord {
  rowKey: string;
  idNumber: string;
  name: string;
  year: number;
  category: CreditCategory;
  title: string;
  halfHours: number;
  organizer: string | null;
  reviewedBy: string | null;
  /** YYYY-MM-DD */
  reviewedAt: string | null;
}

/** A certificate the old system issued, with the verification code jxjy gave it at import. */
export interface LegacyCertificate {
  rowKey: string;
  idNumber: string;
  name: string;
  year: number;
  certificateNo: string;
  halfHours: HoursByCategory;
  /** YYYY-MM-DD */
  issuedAt: string;
  issuer: string | null;
  verificationCode: string;
}

export interface LegacyRecordImported {
  type: 'LegacyRecordImported';
  data: LegacyRecord & { importId: string; row: number };
}

export interface LegacyCertificateImported {
  type: 'LegacyCertificateImported';
  data: LegacyCertificate & { importId: string; row: number };
}

export type LegacyRowEvent = LegacyRecordImported | LegacyCertificateImported;
export const LEGACY_ROW_EVENT_TYPES: LegacyRowEvent['type'][] = ['LegacyRecordImported', 'LegacyCertificateImported'];

/** How the import stands, folded from its stream. */
export interface LegacyImportState {
  importId: string;
  status: 'none' | 'running' | 'completed' | 'failed';
  kind: LegacyKind | null;
  dryRun: boolean;
  file: LegacyFile | null;
  firstDeclarableYear: number;
  startedBy: string | null;
  startedAt: string | null;
  totalRows: number | null;
  /** Null until the file has been read. */
  chunkFiles: string[] | null;
  chunkSize: number;
  chunks: number;
  /** Chunks done, in order. */
  chunksDone: number;
  counts: LegacyCounts;
  /** The first errors, at most LEGACY_ERRORS_KEPT. */
  errors: LegacyRowError[];
  finishedAt: string | null;
  failure: { zh: string; en: string } | null;
}

export const LEGACY_ERRORS_KEPT = 1_000;
const zero = (): LegacyCounts => ({ total: 0, valid: 0, imported: 0, duplicates: 0, rejected: 0 });
const add = (a: LegacyCounts, b: LegacyCounts): LegacyCounts => ({
  total: a.total + b.total, valid: a.valid + b.valid, imported: a.imported + b.imported, duplicates: a.duplicates + b.duplicates, rejected: a.rejected + b.rejected,
});

export const initialLegacyImport = (importId: string): LegacyImportState => ({
  importId, status: 'none', kind: null, dryRun: false, file: null, firstDeclarableYear: 2019, startedBy: null, startedAt: null, totalRows: null, chunkFiles: null,
  chunkSize: 0, chunks: 0, chunksDone: 0, counts: zero(), errors: [], finishedAt: null, failure: null,
});

export function evolveLegacyImport(state: LegacyImportState, event: LegacyImportEvent): LegacyImportState {
  switch (event.type) {
    case 'LegacyImportStarted': {
      const { kind, dryRun, file, firstDeclarableYear, startedBy, startedAt } = event.data;
      return { ...state, status: 'running', kind, dryRun, file, firstDeclarableYear, startedBy, startedAt };
    }
    case 'LegacyImportSurveyed': {
      const { totalRows, chunkFiles, chunkSize, chunks } = event.data;
      return { ...state, totalRows, chunkFiles, chunkSize, chunks };
    }
    case 'LegacyChunkProcessed':
      return {
        ...state,
        chunksDone: state.chunksDone + 1,
        counts: add(state.counts, event.data.counts),
        errors: [...state.errors, ...event.data.errors].slice(0, LEGACY_ERRORS_KEPT),
      };
    case 'LegacyImportCompleted':
      return { ...state, status: 'completed', finishedAt: event.data.completedAt };
    case 'LegacyImportFailed':
      return { ...state, status: 'failed', finishedAt: event.data.failedAt, failure: event.data.reason };
    default: {
      const never: never = event;
      return never;
    }
  }
}
