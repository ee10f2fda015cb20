/**
 * Sending a command to a lifecycle from outside it (DESIGN.md §1): always update-with-start with USE_EXISTING,
 * because a settled lifecycle's run ends after an idle window and the next command simply starts a new run that
 * reloads its stream. Used by the API's routes and by the activity through which one lifecycle asks another.
 */
import { type Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { type LifecycleInput, kindOfWorkflowId, lifecycleWorkflowType } from '../workflows/kit/messages.js';
import type { Config } from './config.js';

export type LifecycleSettings = Pick<Config, 'reviewRemindAfterMs' | 'reviewEscalateAfterMs' | 'temporalTaskQueue'>;

export function lifecycleInput(settings: Pick<Config, 'reviewRemindAfterMs' | 'reviewEscalateAfterMs'>, id: string): LifecycleInput {
  return { id, review: { remindAfterMs: settings.reviewRemindAfterMs, escalateAfterMs: settings.reviewEscalateAfterMs } };
}

export interface LifecycleCommand<Args, Result> {
  /** `<kind>-<id>`: the workflow and its stream. */
  workflowId: string;
  update: UpdateDefinition<Result, [Args]> | string;
  args: Args;
  /** Makes a retry (after a 503, or of an activity) return the first outcome instead of acting twice in that run. */
  updateId?: string;
}

export async function executeCommand<Args, Result>(client: Client, settings: LifecycleSettings, command: LifecycleCommand<Args, Result>): Promise<Result> {
  try {
    return await updateWithStart(client, settings, command);
  } catch (error) {
    // The run was ending after its idle window as the Update reached it: the server answers "already completed"
    // (not found) for an Update it never accepted. Sent again, it starts the next run.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    return updateWithStart(client, settings, command);
  }
}

function updateWithStart<Args, Result>(client: Client, settings: LifecycleSettings, command: LifecycleCommand<Args, Result>): Promise<Result> {
  const kind = kindOfWorkflowId(command.workflowId);
  const id = command.workflowId.slice(kind.length + 1);
  return client.workflow.executeUpdateWithStart(command.update as UpdateDefinition<Result, [Args]>, {
    args: [command.args],
    ...(command.updateId ? { updateId: command.updateId } : {}),
    startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType(kind), {
      workflowId: command.workflowId,
      taskQueue: settings.temporalTaskQueue,
      args: [lifecycleInput(settings, id)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}
