/**
 * One lifecycle asking another to carry out a command, durably (sandbox code): a child run of the other lifecycle
 * with the command in its input (LifecycleInput.command). The child ends as soon as the command is done (idle 0), so
 * the parent waits only for that command; its failure — e.g. a taken username — reaches the parent with its type
 * and details intact, and the API maps it like any other.
 */
import { ParentClosePolicy, executeChild } from '@temporalio/workflow';
import { type CommandEnvelope, type LifecycleInput, lifecycleWorkflowType } from './messages.js';

export async function commandInChild<Result>(kind: string, id: string, update: string, args: CommandEnvelope): Promise<Result> {
  const input: LifecycleInput = { id, idleMs: 0, command: { update, args } };
  return executeChild<(input: LifecycleInput) => Promise<Result>>(lifecycleWorkflowType(kind), {
    workflowId: `${kind}-${id}`,
    args: [input],
    // The command is done when the child returns; nothing of the parent's later life should cut it short.
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
