/** Header access that hapi's typings leave as `unknown`: reading one request header, setting one on the response. */
import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

/** A single-valued request header, or undefined when absent or repeated. */
export function requestHeader(request: Pick<Request, 'headers'>, name: string): string | undefined {
  const value: unknown = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** Sets a header on whatever `request.response` currently is: a normal response or a not-yet-rendered Boom. */
export function setResponseHeader(request: Request, name: string, value: string): void {
  const response = request.response;
  if (!response) return; // the client went away
  if (Boom.isBoom(response)) response.output.headers[name] = value;
  else response.header(name, value);
}
