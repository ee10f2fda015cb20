/**
 * One statistics run: the activity recomputes and compares, then the run is recorded as `StatisticsComputed` in its
 * own stream (the workflow id). A worker that dies mid-run has the activity retried (it only reads); the append is
 * idempotent by its event id, fixed before the first attempt.
 */
import { proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type { StatisticsComputed } from '../../events/statistics.js';
import type { EventActivities } from '../activities/append-events.js';
import type { StatisticsActivities } from '../activities/statistics.js';
import type { StatisticsRunInput } from './messages.js';

const { computeStatistics } = proxyActivities<StatisticsActivities>({
  // Reads every credit event: minutes at provincial scale, so a heartbeat rather than a tight deadline.
  startToCloseTimeout: '2h',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '5s', maximumInterval: '5m', maximumAttempts: 10 },
});
const { appendEvents } = proxyActivities<EventActivities>({ startToCloseTimeout: '10s', retry: { initialInterval: '200ms', maximumInterval: '30s' } });

export async function statisticsRun(input: StatisticsRunInput = { trigger: 'schedule' }): Promise<StatisticsComputed['data']> {
  const runId = workflowInfo().workflowId;
  const eventId = uuid4();
  const result = await computeStatistics();
  const data: StatisticsComputed['data'] = { ...result, runId, trigger: input.trigger, requestedBy: input.requestedBy?.id ?? null };
  const actor = input.requestedBy ?? { id: 'system', role: 'system' };
  await appendEvents({
    streamId: runId,
    expectedRevision: 'no_stream',
    events: [{ eventId, type: 'StatisticsComputed', data, metadata: { actor, ...(input.correlationId ? { correlationId: input.correlationId } : {}), schemaVersion: 1 }, recordedAt: result.finishedAt }],
  });
  return data;
}
