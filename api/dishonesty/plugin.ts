/** Dishonesty records (失信): admin records and revokes; the person, their unit, admin and auditors read. */
import type { Plugin } from '@hapi/hapi';
import { listDishonestyRoute, myDishonestyRoute } from './list.route.js';
import { recordDishonestyRoute, revokeDishonestyRoute } from './record.route.js';
import { dishonestyHistoryRoute } from './history.route.js';

export const dishonestyPlugin: Plugin<void> = {
  name: 'jxjy-dishonesty',
  register(server) {
    server.route(recordDishonestyRoute);
    server.route(revokeDishonestyRoute);
    server.route(myDishonestyRoute);
    server.route(listDishonestyRoute);
    server.route(dishonestyHistoryRoute);
  },
};
