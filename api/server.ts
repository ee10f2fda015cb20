/**
 * Builds the hapi server from its dependencies without listening (tests use `server.inject`); `start()`
 * listens. Order matters: request context and error shaping first, so every response — including auth and
 * validation failures — carries a request id, the caller's language and our error body.
 */
import Hapi, { type Server } from '@hapi/hapi';
import { Joi } from './joi.js';
import { registerAuth } from './auth.js';
import type { ServerDeps } from './deps.js';
import { docsPlugin } from './docs/plugin.js';
import { healthPlugin } from './health/plugin.js';
import { registerMethodNotAllowed } from './method-not-allowed.js';
import { registerIdempotency } from './idempotency.js';
import { registerErrorResponses } from './on-pre-response.js';
import { registerRequestContext } from './request-context.js';
import { registerRequestLog } from './request-log.js';
import { corsOptions, registerContentSecurityPolicy, securityOptions } from './security-headers.js';
import { verifyPagePlugin } from './certificates/verify-page.js';
import { staticPlugin } from './static/plugin.js';
import { routeValidation } from './validation.js';

/** Business routes live under this prefix; feature plugins register with `routes: { prefix: API_PREFIX }`. */
export const API_PREFIX = '/api/v1';

export async function createServer(deps: ServerDeps): Promise<Server> {
  const { config } = deps;
  const server = Hapi.server({
    port: config.port,
    host: config.host,
    // hapi's default debug prints 500 stacks to stderr; our logger records them with the request id instead.
    debug: false,
    routes: {
      cors: corsOptions(config),
      security: securityOptions(config),
      validate: routeValidation,
      response: {
        // A wrong response shape is our bug: fail loudly in development and tests, but in production the
        // command has already been carried out, so log it rather than turn a success into a 500.
        failAction: config.production
          ? (request, h, error) => {
              deps.logger.error({ err: error, reqId: request.app.correlationId, path: request.path }, 'response failed its schema');
              return h.continue;
            }
          : 'error',
      },
    },
  });
  server.app.deps = deps;
  server.validator(Joi);

  registerRequestContext(server);
  registerErrorResponses(server);
  registerMethodNotAllowed(server);
  registerContentSecurityPolicy(server, config);
  registerRequestLog(server, deps.logger);
  await registerAuth(server, config);
  await registerIdempotency(server);

  await server.register([healthPlugin, docsPlugin, staticPlugin, verifyPagePlugin]);
  if (deps.plugins?.length) await server.register(deps.plugins, { routes: { prefix: API_PREFIX } });

  await server.initialize();
  if (config.captcha === 'reveal') {
    deps.logger.warn('JXJY_CAPTCHA=reveal: GET /captcha returns its answer, so the captcha stops no one — for automated tests only, never for people');
  }
  return server;
}

export async function start(server: Server): Promise<void> {
  await server.start();
  server.app.deps.logger.info({ uri: server.info.uri }, 'API listening');
}
