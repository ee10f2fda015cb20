/** Contract of the seal run: the `audit-seal` schedule's action (the API seals on request without Temporal). */
export const SEAL_SCHEDULE_ID = 'audit-seal';

export interface SealRunInput {
  trigger: 'schedule';
}

/** What a run reports: the seal now standing (public values only — the key never leaves the activity's process). */
export interface SealRunResult {
  /** False when nothing was written since the last seal (that seal is reported), absent seal when the log is empty. */
  created: boolean;
  seal?: { sealId: string; position: string; count: number; root: string; sealedAt: string };
}
