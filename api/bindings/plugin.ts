/** Unit binding: a person's request, its cancellation and status, and a unit's member list. */
import type { Plugin } from '@hapi/hapi';
import { cancelBindingRoute } from './cancel.route.js';
import { getBindingRoute } from './get.route.js';
import { membersRoute } from './members.route.js';
import { requestBindingRoute } from './request.route.js';
import { bindingHistoryRoute } from './history.route.js';

export const bindingsPlugin: Plugin<void> = {
  name: 'jxjy-bindings',
  register(server) {
    server.route(requestBindingRoute);
    server.route(cancelBindingRoute);
    server.route(getBindingRoute);
    server.route(membersRoute);
    server.route(bindingHistoryRoute);
  },
};
