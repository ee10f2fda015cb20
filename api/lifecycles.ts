/**
 * How the API sends a command to a lifecycle (DESIGN.md §1: route → Update on the owning workflow): always
 * update-with-start with USE_EXISTING, because a settled lifecycle's run ends after an idle window and the next
 * command simply starts a new run that reloads its stream. Review durations come from configuration here, so every
 * run of every lifecycle agrees with the deployment's settings.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { type Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { type LifecycleInput, kindOfWorkflowId, lifecycleWorkflowType } from '../workflows/kit/messages.js';
import type { Config } from '../runtime/config.js';
import { withTemporal } from './temporal-client.js';

export function lifecycleInput(config: Pick<Config, 'reviewRemindAfterMs' | 'reviewEscalateAfterMs'>, id: string): LifecycleInput {
  return { id, review: { remindAfterMs: config.reviewRemindAfterMs, escalateAfterMs: config.reviewEscalateAfterMs } };
}

export interface LifecycleCommand<Args, Result> {
  /** `<kind>-<id>`: the workflow and its stream. */
  workflowId: string;
  update: UpdateDefinition<Result, [Args]>;
  args: Args;
  /** Makes a retried request (after a 503) return the first outcome instead of acting twice. */
  updateId?: string;
}

type LifecycleConfig = Pick<Config, 'reviewRemindAfterMs' | 'reviewEscalateAfterMs' | 'temporalTaskQueue'>;

/** For a route: under the request's Temporal deadline, failures mapped by api/temporal-errors.ts. */
export function sendCommand<R extends ReqRef, Args, Result>(request: Request<R>, command: LifecycleCommand<Args, Result>): Promise<Result> {
  return withTemporal(request, (client) => executeCommand(client, request.server.app.deps.config, command));
}

/** For process code without a request (the admin bootstrap at start-up). */
export async function executeCommand<Args, Result>(client: Client, config: LifecycleConfig, command: LifecycleCommand<Args, Result>): Promise<Result> {
  try {
    return await updateWithStart(client, config, command);
  } catch (error) {
    // The run was ending after its idle window as the Update reached it: the server answers "already completed"
    // (not found) for an Update it never accepted. Sent again, it starts the next run.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    return updateWithStart(client, config, command);
  }
}

function updateWithStart<Args, Result>(client: Client, config: LifecycleConfig, command: LifecycleCommand<Args, Result>): Promise<Result> {
  const kind = kindOfWorkflowId(command.workflowId);
  const id = command.workflowId.slice(kind.length + 1);
  return client.workflow.executeUpdateWithStart(command.update, {
    args: [command.args],
    ...(command.updateId ? { updateId: command.updateId } : {}),
    startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType(kind), {
      workflowId: command.workflowId,
      taskQueue: config.temporalTaskQueue,
      args: [lifecycleInput(config, id)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}
