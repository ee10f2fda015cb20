/**
 * One seal run, started by the `audit-seal` schedule: the activity seals what was written since the last seal. It
 * is safe to retry — a retried seal finds the first attempt's seal, or seals a little further — so the run needs no
 * state of its own, and a run that finds nothing new ends at once.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { SealActivities } from '../activities/seals.js';
import type { SealRunInput, SealRunResult } from './messages.js';

const { sealLog } = proxyActivities<SealActivities>({
  // Continues from the last seal, so an hour's events: seconds. A first seal of a large log reads it all, hence
  // the heartbeat rather than a tight deadline.
  startToCloseTimeout: '1h',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '5s', maximumInterval: '5m', maximumAttempts: 10 },
});

export async function sealRun(_input: SealRunInput = { trigger: 'schedule' }): Promise<SealRunResult> {
  return sealLog();
}
