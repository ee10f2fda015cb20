/** The statistics run: admin starts one now; admin and auditors read the recorded runs. */
import type { Plugin } from '@hapi/hapi';
import { getRunRoute, listRunsRoute, startRunRoute } from './runs.route.js';

export const statisticsPlugin: Plugin<void> = {
  name: 'jxjy-statistics',
  register(server) {
    server.route(startRunRoute);
    server.route(listRunsRoute);
    server.route(getRunRoute);
  },
};
