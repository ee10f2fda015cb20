/**
 * 405 for a method the path does not answer (RFC 9110 §15.5.6), with `Allow` listing what it does; hapi alone would
 * say 404, which reads as "no such resource" and sends scanners and clients looking in the wrong place. TRACE and
 * other methods no route uses are refused the same way.
 */
import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';

const CANDIDATES = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Candidate = (typeof CANDIDATES)[number];
const isCandidate = (method: string): method is Candidate => (CANDIDATES as readonly string[]).includes(method);

export function registerMethodNotAllowed(server: Server): void {
  server.ext('onRequest', (request: Request, h: ResponseToolkit) => {
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS' || method === 'HEAD') return h.continue; // CORS preflight; HEAD follows GET
    if (isCandidate(method) && server.match(method, request.path, request.info.host)) return h.continue;
    const allowed = CANDIDATES.filter((candidate) => server.match(candidate, request.path, request.info.host));
    if (allowed.length === 0 && isCandidate(method)) return h.continue; // a plain 404
    const error = Boom.methodNotAllowed(`${method} is not allowed here`, undefined, allowed.length ? [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])] : []);
    throw error;
  });
}
