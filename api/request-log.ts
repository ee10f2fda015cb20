/**
 * One log line per request (method, path, status, ms), from hapi's `response` event so that slow handlers
 * never wait on logging. Only the path is logged, never headers, query strings or payloads.
 */
import Boom from '@hapi/boom';
import type { Request, Server } from '@hapi/hapi';
import type pino from 'pino';

export function registerRequestLog(server: Server, logger: pino.Logger): void {
  server.events.on('response', (request: Request) => {
    const response = request.response;
    const statusCode = !response ? undefined : Boom.isBoom(response) ? response.output.statusCode : response.statusCode;
    const end = request.info.responded || request.info.completed || Date.now();
    logger.info(
      {
        reqId: request.app.correlationId,
        method: request.method.toUpperCase(),
        path: request.path,
        statusCode: statusCode ?? 'aborted',
        ms: end - request.info.received,
        accountId: request.auth.isAuthenticated ? request.auth.credentials.accountId : undefined,
      },
      'request',
    );
  });
}
