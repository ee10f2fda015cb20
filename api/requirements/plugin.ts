/** Yearly requirements: read by anyone signed in, set by admin. */
import type { Plugin } from '@hapi/hapi';
import { getRequirementsRoute, putRequirementsRoute } from './requirements.route.js';

export const requirementsPlugin: Plugin<void> = {
  name: 'jxjy-requirements',
  register(server) {
    server.route(getRequirementsRoute);
    server.route(putRequirementsRoute);
  },
};
