/**
 * Browser-facing policy: which portal origins may call the API and load the components (CORS), and the
 * security headers on every response. Portals embed our components in their own pages, and may frame ours,
 * so their origins are the only ones allowed as `frame-ancestors`; with none configured nothing may frame us.
 */
import type { Request, ResponseToolkit, RouteOptionsCors, RouteOptionsSecure, RouteOptionsSecureObject, Server } from '@hapi/hapi';
import type { Config } from '../runtime/config.js';
import { setResponseHeader } from './headers.js';

// hapi accepts `xframe: false` (lib/config.js: `Validate.boolean()`), but its typings list only `true`.
const NO_XFRAME = false as unknown as RouteOptionsSecureObject['xframe'];

type PolicyConfig = Pick<Config, 'corsOrigins' | 'production'>;

/** `false` (no CORS headers at all) unless portal origins are configured. */
export function corsOptions(config: PolicyConfig): RouteOptionsCors | false {
  if (config.corsOrigins.length === 0) return false;
  return {
    origin: config.corsOrigins,
    // hapi's defaults already allow Authorization and Content-Type.
    additionalHeaders: ['Accept-Language', 'X-Request-Id', 'Idempotency-Key'],
    additionalExposedHeaders: ['Content-Disposition', 'X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
    // Bearer tokens, not cookies: credentialed CORS is never needed.
    credentials: false,
    maxAge: 600,
  };
}

export function securityOptions(config: PolicyConfig): RouteOptionsSecure {
  return {
    // HSTS only where TLS is certain; a dev server on http://127.0.0.1 must not pin browsers to https.
    hsts: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // With portal origins configured, frame-ancestors (a CSP) decides; X-Frame-Options cannot list origins.
    xframe: config.corsOrigins.length ? NO_XFRAME : 'deny',
    xss: 'disabled',
    noOpen: true,
    noSniff: true,
    referrer: 'no-referrer',
  };
}

export function contentSecurityPolicy(config: PolicyConfig): string {
  const ancestors = config.corsOrigins.length ? config.corsOrigins.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    `frame-ancestors ${ancestors}`,
    "base-uri 'self'",
  ].join('; ');
}

/** hapi's `routes.security` has no CSP option, so this extension adds it to every response, errors included. */
export function registerContentSecurityPolicy(server: Server, config: PolicyConfig): void {
  const policy = contentSecurityPolicy(config);
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    setResponseHeader(request, 'Content-Security-Policy', policy);
    return h.continue;
  });
}
