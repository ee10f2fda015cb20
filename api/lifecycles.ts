/** How a route sends a command to a lifecycle: runtime/lifecycle-client.ts under the request's Temporal deadline. */
import type { ReqRef, Request } from '@hapi/hapi';
import { type LifecycleCommand, executeCommand } from '../runtime/lifecycle-client.js';
import { idempotentUpdateId } from './idempotency.js';
import { withTemporal } from './temporal-client.js';

export { executeCommand, lifecycleInput } from '../runtime/lifecycle-client.js';

/**
 * Failures are mapped by api/temporal-errors.ts (409/422/404/403, 503 when Temporal cannot be reached in time). Under an
 * Idempotency-Key the command's Update id comes from the key (api/idempotency.ts), so a retry gets the first outcome.
 */
export function sendCommand<R extends ReqRef, Args, Result>(request: Request<R>, command: LifecycleCommand<Args, Result>): Promise<Result> {
  const updateId = command.updateId ?? idempotentUpdateId(request);
  return withTemporal(request, (client) => executeCommand(client, request.server.app.deps.config, { ...command, ...(updateId ? { updateId } : {}) }));
}
