// Shapes of the bodies the old-system screens read (CONTRACT.md "Old-system history"): a person's history
// (<jxjy-history>) and admin's imports (<jxjy-legacy-import>). Beside types.ts rather than in it while that file is
// being extended elsewhere. Only what the components use; the server may send more.
import type { LegacyKind } from '../../events/legacy.js';
import type { CreditCategory } from '../../events/credit.js';
import type { CreditHours } from './types.js';

export type { LegacyKind };

/** GET /me/history/records?period=: the old system's two tabs (历史数据, manual 1.5.2). */
export type HistoryPeriod = '2018' | 'before-2018';

/** A record the old system approved. Dates are `YYYY-MM-DD`; absent columns are null. */
export interface HistoryRecord {
  year: number;
  category: CreditCategory;
  title: string;
  hours: number;
  organizer: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** The records of a period, and their hours per year and category (keys are years, e.g. "2016"). */
export interface HistoryRecords {
  items: HistoryRecord[];
  totals: Record<string, CreditHours>;
}

/** A certificate the old system issued; it verifies at `/verify/{verificationCode}` like a new one. */
export interface HistoryCertificate {
  /** The old system's own number, as printed. */
  certificateNo: string;
  year: number;
  hours: CreditHours;
  /** YYYY-MM-DD. */
  issuedAt: string;
  issuer: string | null;
  verificationCode: string;
}

export interface HistoryCertificates {
  items: HistoryCertificate[];
}

/** POST /legacy/imports → 202: the import runs in the background; follow it by its id. */
export interface LegacyImportAccepted {
  importId: string;
  status: 'running';
  position: string;
}

export type LegacyImportStatus = 'running' | 'completed' | 'failed';

export interface LegacyImportCounts {
  /** Rows read so far (all of them once completed). */
  total: number;
  /** Rows that pass every check (what a real import takes; a dry run counts them too). */
  valid: number;
  imported: number;
  /** Valid rows already imported before (importing the same rows again adds nothing). */
  duplicates: number;
  rejected: number;
}

/** One refused row: its number in the file, the column (named in the reader's language) and why. */
export interface LegacyRowError {
  row: number;
  field: string;
  column: string;
  message: string;
}

/** GET /legacy/imports/{importId}, and each item of GET /legacy/imports. */
export interface LegacyImport {
  importId: string;
  kind: LegacyKind;
  dryRun: boolean;
  status: LegacyImportStatus;
  rows: LegacyImportCounts;
  progress: {
    /** null until the file has been read. */
    totalRows: number | null;
    processedRows: number;
    chunks: number;
    chunksDone: number;
  };
  /** The first 1,000 refused rows; every one is in the CSV at /rejected. */
  errors: LegacyRowError[];
  file: { filename: string; size: number; format: string; encoding?: string };
  startedAt: string | null;
  finishedAt: string | null;
  /** Why a failed import stopped, in the reader's language. */
  failure: string | null;
}

export interface LegacyImportPage {
  items: LegacyImport[];
  nextCursor: string | null;
}
