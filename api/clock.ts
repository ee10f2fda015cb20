/** The request's "now", from the server's injectable clock (deps.clock) — never `new Date()` in a handler. */
import type { ReqRef, Request } from '@hapi/hapi';

export const nowOf = <R extends ReqRef>(request: Request<R>): Date => request.server.app.deps.clock?.() ?? new Date();
