/**
 * Serves the built component bundle at `/components/*` for portals (CORS comes from the server default, so
 * cross-origin module scripts load) and the demo portal at `/`. Component URLs are stable, not hashed, so
 * caching is short and revalidated by ETag.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@hapi/hapi';
import Inert from '@hapi/inert';
import { portalPage } from './portal-page.js';

export const DEFAULT_COMPONENTS_DIR = fileURLToPath(new URL('../../components/dist', import.meta.url));
const COMPONENT_CACHE_MS = 5 * 60 * 1000;

export const staticPlugin: Plugin<void> = {
  name: 'jxjy-static',
  async register(server) {
    await server.register(Inert);
    const componentsDir = path.resolve(server.app.deps.componentsDir ?? DEFAULT_COMPONENTS_DIR);
    server.route({
      method: 'GET',
      path: '/components/{path*}',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        cache: { expiresIn: COMPONENT_CACHE_MS, privacy: 'public' },
        handler: {
          // No listings, no index pages: only the bundle's files are public.
          directory: { path: componentsDir, index: false, listing: false, showHidden: false, redirectToSlash: false },
        },
      },
    });
    const page = portalPage();
    server.route({
      method: 'GET',
      path: '/',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        handler: (_request, h) => h.response(page).type('text/html; charset=utf-8'),
      },
    });
  },
};
