/** An auditor's replay run: one activity builds it and records how it went (workflows/activities/replays.ts). */
import { proxyActivities } from '@temporalio/workflow';
import type { ReplayActivities } from '../activities/replays.js';
import { REPLAY_ATTEMPTS, type ReplayInput } from './messages.js';

const { buildReplay } = proxyActivities<ReplayActivities>({
  startToCloseTimeout: '2h',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '5s', maximumInterval: '1m', maximumAttempts: REPLAY_ATTEMPTS },
});

export async function replayRun(input: ReplayInput): Promise<void> {
  await buildReplay(input);
}
