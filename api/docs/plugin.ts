/**
 * Public API documentation: `GET /openapi.json` (generated from the routes) and `GET /docs` (the same,
 * readable). Both are built once, on first request, when every feature plugin has registered its routes.
 */
import type { Plugin, Server } from '@hapi/hapi';
import { type OpenApiDocument, openApiDocument } from '../openapi.js';
import { docsPage } from './page.js';

export const docsPlugin: Plugin<void> = {
  name: 'jxjy-docs',
  register(server) {
    let cached: { doc: OpenApiDocument; html: string } | undefined;
    // The root server, not this plugin's realm: the table must list every plugin's routes.
    const built = (root: Server) => (cached ??= build(root));
    server.route({
      method: 'GET',
      path: '/openapi.json',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        handler: (request) => built(request.server).doc,
      },
    });
    server.route({
      method: 'GET',
      path: '/docs',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        handler: (request, h) => h.response(built(request.server).html).type('text/html; charset=utf-8'),
      },
    });
  },
};

function build(server: Server): { doc: OpenApiDocument; html: string } {
  const doc = openApiDocument(server);
  return { doc, html: docsPage(doc) };
}
