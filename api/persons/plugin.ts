/** Persons: the professional's own basic information. */
import type { Plugin } from '@hapi/hapi';
import { profileRoute } from './profile.route.js';

export const personsPlugin: Plugin<void> = {
  name: 'jxjy-persons',
  register(server) {
    server.route(profileRoute);
  },
};
