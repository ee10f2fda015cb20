/** Organisations: registration (public), re-application, the public catalogue and one organisation's status. */
import type { Plugin } from '@hapi/hapi';
import { getOrgRoute } from './get.route.js';
import { listOrgsRoute } from './list.route.js';
import { reapplyRoute } from './reapply.route.js';
import { registerOrgRoute } from './register.route.js';

export const orgsPlugin: Plugin<void> = {
  name: 'jxjy-orgs',
  register(server) {
    server.route(registerOrgRoute);
    server.route(reapplyRoute);
    server.route(listOrgsRoute);
    server.route(getOrgRoute);
  },
};
