/** Tasks: every reviewer inbox and the one decision route for every task kind (DESIGN.md §4). */
import type { Plugin } from '@hapi/hapi';
import { decideTaskRoute } from './decision.route.js';
import { listTasksRoute } from './list.route.js';

export const tasksPlugin: Plugin<void> = {
  name: 'jxjy-tasks',
  register(server) {
    server.route(listTasksRoute);
    server.route(decideTaskRoute);
  },
};
