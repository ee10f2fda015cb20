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

export type CommandMetadata = { actor: NonNullable<EventMetadata['actor']>; correlationId: string };

/** Public routes (registration) act for someone who has no account yet. */
export const ANONYMOUS = { id: 'anonymous', role: 'public' } as const;

/** Who did it and under which request: the metadata a command carries into its events. */
export function eventMetadata<R extends ReqRef>(request: Request<R>): CommandMetadata {
  if (!request.auth.isAuthenticated) return { actor: { ...ANONYMOUS }, correlationId: request.app.correlationId };
  const { accountId, role, orgId } = request.auth.credentials;
  return { actor: orgId ? { id: accountId, role, orgId } : { id: accountId, role }, correlationId: request.app.correlationId };
}
