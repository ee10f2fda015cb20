/** How a route sends a command to a lifecycle: runtime/lifecycle-client.ts under the request's Temporal deadline. */
import type { ReqRef, Request } from '@hapi/hapi';
import { type LifecycleCommand, executeCommand } from '../runtime/lifecycle-client.js';
import { withTemporal } from './temporal-client.js';

export { executeCommand, lifecycleInput } from '../runtime/lifecycle-client.js';

/** Failures are mapped by api/temporal-errors.ts (409/422/404/403, 503 when Temporal cannot be reached in time). */
export function sendCommand<R extends ReqRef, Args, Result>(request: Request<R>, command: LifecycleCommand<Args, Result>): Promise<Result> {
  return withTemporal(request, (client) => executeCommand(client, request.server.app.deps.config, command));
}
