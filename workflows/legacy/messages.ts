/**
 * Contract of the import lifecycle (`legacy-import-<importId>`), the one writer of `legacy-` streams: admin starts an
 * import of the old system's records or certificates; the lifecycle surveys the file, then works through it chunk by
 * chunk in activities — progress is its stream — and completes (or fails, saying why).
 */
import { defineUpdate } from '@temporalio/workflow';
import type { LegacyCounts, LegacyFile, LegacyImportState, LegacyKind, LegacyRowError } from '../../events/legacy.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const LEGACY_KIND = 'legacy';
export const legacyImportWorkflowId = (importId: string) => `${LEGACY_KIND}-import-${importId}`;
/** The lifecycle's id (the part after `legacy-`). */
export const legacyImportLifecycleId = (importId: string) => `import-${importId}`;

export interface LegacyImportStart extends CommandEnvelope {
  importId: string;
  kind: LegacyKind;
  dryRun: boolean;
  file: LegacyFile;
  firstDeclarableYear: number;
}

export type LegacyImportView = LegacyImportState & { position: string };

/** Failures: InvalidTransition → 409 (started twice). */
export const startLegacyImportUpdate = defineUpdate<LegacyImportView, [LegacyImportStart]>('start');

/** Activities' payloads (Node side in workflows/activities/legacy-import.ts). */
export interface SurveyInput {
  importId: string;
  kind: LegacyKind;
  file: LegacyFile;
}
export interface Survey {
  totalRows: number;
  /** SHA-256 of each chunk's normalised rows (JSON lines) in the file store. */
  chunkFiles: string[];
  chunkSize: number;
  chunks: number;
}
export interface ChunkInput {
  importId: string;
  kind: LegacyKind;
  dryRun: boolean;
  /** The chunk's own rows (JSON lines). */
  chunkFile: string;
  chunk: number;
  firstDeclarableYear: number;
}
export interface ChunkOutcome {
  counts: LegacyCounts;
  errors: LegacyRowError[];
}

/** A file that cannot be read at all (a corrupt XLSX): the import fails, saying so; retrying cannot help. */
export const UNREADABLE_FILE = 'LegacyFileUnreadable';
