/**
 * Sandbox side of one lifecycle commanding another (workflows/activities/lifecycle-commands.ts): durable, retried on
 * outages, with a replay-stable update id so a retry never acts twice, and the other side's refusal surfaced whole.
 */
import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type { LifecycleCommandActivities } from '../activities/lifecycle-commands.js';
import { FailureType } from './messages.js';

const { sendLifecycleCommand } = proxyActivities<LifecycleCommandActivities>({
  // An Update on another lifecycle waits for its activities: give it room, and retry an outage without end.
  startToCloseTimeout: '30s',
  retry: {
    initialInterval: '200ms',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    nonRetryableErrorTypes: Object.values(FailureType),
  },
});

export async function commandLifecycle<Result>(workflowId: string, update: string, args: unknown): Promise<Result> {
  return (await sendLifecycleCommand({ workflowId, update, args, updateId: uuid4() })) as Result;
}
