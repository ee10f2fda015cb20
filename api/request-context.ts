/**
 * Per-request context: a request id that follows the request through logs, responses and the events it
 * causes (`correlationId`), and the response language. A caller's own `X-Request-Id` is kept when it is a
 * sane token so a portal can trace its calls end to end; anything else is replaced by hapi's id.
 */
import type { ReqRef, Request, ResponseToolkit, Server } from '@hapi/hapi';
import type { EventMetadata } from '../events/store/event-store.js';
import { languageOf } from './i18n.js';
import { requestHeader, setResponseHeader } from './headers.js';

declare module '@hapi/hapi' {
  interface RequestApplicationState {
    /** The request id, echoed as `X-Request-Id` and carried into event metadata. */
    correlationId: string;
  }
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/;

export function registerRequestContext(server: Server): void {
  server.ext('onRequest', (request: Request, h: ResponseToolkit) => {
    const incoming = requestHeader(request, 'x-request-id');
    request.app.correlationId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : request.info.id;
    request.app.lang = languageOf(requestHeader(request, 'accept-language'));
    return h.continue;
  });
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    setResponseHeader(request, 'X-Request-Id', request.app.correlationId);
    return h.continue;
  });
}

export type CommandMetadata = Pick<EventMetadata, 'actor'> & { correlationId: string };

/**
 * Who did it and under which request: the metadata a command carries into its events. Public routes
 * (registration) have no actor yet; they set one themselves once the new account exists.
 */
export function eventMetadata<R extends ReqRef>(request: Request<R>): CommandMetadata {
  const metadata: CommandMetadata = { correlationId: request.app.correlationId };
  if (request.auth.isAuthenticated) {
    const { accountId, role, orgId } = request.auth.credentials;
    metadata.actor = orgId ? { id: accountId, role, orgId } : { id: accountId, role };
  }
  return metadata;
}
