/** Contract of an auditor's replay run (`replay-<replayId>`): one read model rebuilt into a scratch schema up to a position. */
export const replayWorkflowId = (replayId: string) => `replay-${replayId}`;

export interface ReplayInput {
  replayId: string;
  /** A name in projections/replay-views.ts REPLAY_VIEWS. */
  projection: string;
  to: string;
}

/** The scratch schema a replay is built into (never the live one). */
export const replaySchema = (replayId: string) => `replay_${replayId.replace(/-/g, '')}`;

/** How often a replay's build is tried before it is recorded as failed. */
export const REPLAY_ATTEMPTS = 5;
