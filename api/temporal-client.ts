/**
 * How routes reach Temporal: through the client in deps, under a deadline. Without the deadline an update
 * sent while no worker polls would wait indefinitely; with it the call fails, `temporal-errors.ts` maps the
 * failure to 503, and the client may retry (DESIGN.md §4).
 */
import type { ReqRef, ReqRefDefaults, Request } from '@hapi/hapi';
import type { Client } from '@temporalio/client';
import { UnavailableError } from './errors.js';
import { TEMPORAL_UNAVAILABLE } from './temporal-errors.js';

export const TEMPORAL_DEADLINE_MS = 10_000;

/**
 *   const result = await withTemporal(request, (client) =>
 *     client.workflow.getHandle(workflowId).executeUpdate(submitUpdate, { args: [command] }));
 */
export async function withTemporal<T, R extends ReqRef = ReqRefDefaults>(
  request: Request<R>,
  call: (client: Client) => Promise<T>,
  deadlineMs: number = request.server.app.deps.temporalDeadlineMs ?? TEMPORAL_DEADLINE_MS,
): Promise<T> {
  const client = request.server.app.deps.temporal.client;
  if (!client) throw new UnavailableError(TEMPORAL_UNAVAILABLE);
  return client.withDeadline(Date.now() + deadlineMs, () => call(client));
}
