/**
 * The caller's address for per-client limits. Behind a load balancer every request comes from the balancer, so with
 * JXJY_TRUST_PROXY set the address is the one the proxy appended last to X-Forwarded-For (the client as our own
 * proxy saw it; anything before it was supplied by the client and could be forged).
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { requestHeader } from './headers.js';

export function clientAddress<R extends ReqRef>(request: Request<R>): string {
  if (request.server.app.deps.config.trustProxy) {
    const forwarded = requestHeader(request, 'x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
    const last = forwarded?.[forwarded.length - 1];
    if (last) return last;
  }
  return request.info.remoteAddress;
}
