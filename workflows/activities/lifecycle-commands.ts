/**
 * How one lifecycle asks another to do something (a class tells an enrolment its seat came free): an activity that
 * sends the command with update-with-start, so it reaches the other lifecycle whether or not a run of it is going.
 * The caller's `updateId` (a workflow uuid4) makes a retried activity return the first outcome. A refusal keeps its
 * type and details and is not retried; an outage is.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { ApplicationFailure as ClientApplicationFailure, type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { type LifecycleSettings, executeCommand } from '../../runtime/lifecycle-client.js';

export interface LifecycleCommandInput {
  workflowId: string;
  update: string;
  args: unknown;
  updateId: string;
}

export interface LifecycleCommandDeps {
  /** Resolved when the activity runs: the client is made alongside the worker that runs this activity. */
  client(): Client;
  settings: LifecycleSettings;
}

export function createLifecycleCommandActivities({ lifecycles }: { lifecycles?: LifecycleCommandDeps }) {
  return {
    async sendLifecycleCommand({ workflowId, update, args, updateId }: LifecycleCommandInput): Promise<unknown> {
      if (!lifecycles) throw new Error('this worker was built without a Temporal client for lifecycle commands');
      try {
        return await executeCommand(lifecycles.client(), lifecycles.settings, { workflowId, update, args, updateId });
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
            if (cause instanceof ClientApplicationFailure && cause.type) {
              throw ApplicationFailure.create({ type: cause.type, message: cause.message, nonRetryable: true, details: cause.details ?? [] });
            }
          }
        }
        throw error;
      }
    },
  };
}

export type LifecycleCommandActivities = ReturnType<typeof createLifecycleCommandActivities>;
