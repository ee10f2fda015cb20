/**
 * Where people reach this system — the address printed in certificate QR codes: `JXJY_PUBLIC_URL`, or else the
 * address the API is listening on (the embedded default, `http://localhost:3000`, or whatever port it was given).
 */
import type { ReqRef, Request } from '@hapi/hapi';

export function publicUrlOf<R extends ReqRef>(request: Request<R>): string {
  const configured = request.server.app.deps.config.publicUrl;
  if (configured) return configured;
  const { host, port, protocol } = request.server.info;
  const name = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  return `${protocol}://${name}:${port}`;
}
