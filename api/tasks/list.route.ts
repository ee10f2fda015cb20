/** GET /tasks — the caller's inbox: admin's tasks, or those of the caller's own (approved) organisation. */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { TASK_KINDS } from '../../events/vocabulary/index.js';
import { listTasks } from '../../projections/tasks.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { taskPageSchema } from './schemas.js';

interface TaskListQuery {
  status?: 'open' | 'closed';
  kind?: string;
  limit: number;
  cursor?: string;
  after?: string;
}

export const listTasksRoute: ServerRoute<{ Query: TaskListQuery }> = {
  method: 'GET',
  path: '/tasks',
  options: {
    description: 'My task inbox (待办)',
    tags: ['api', 'tasks'],
    plugins: { jxjy: { labels: { kind: { zh: '待办类型', en: 'Kind of task' } } } },
    auth: { access: { scope: ['admin', 'unit', 'institution'] } },
    validate: {
      query: Joi.object({
        status: Joi.string().valid('open', 'closed'),
        kind: Joi.string().valid(...TASK_KINDS),
        limit: Joi.number().integer().min(1).max(200).default(20),
        cursor: Joi.string().max(200),
        ...afterQuery,
      }),
    },
    response: { schema: taskPageSchema },
    handler: async (request) => {
      await requireApprovedOrg(request);
      await waitForPosition(request, request.query.after, ['tasks']);
      const { role, orgId } = request.auth.credentials;
      const { status, kind, limit, cursor } = request.query;
      return listTasks(request.server.app.deps.db, { assignee: { role, ...(orgId ? { orgId } : {}) }, status, kind, limit, cursor });
    },
  },
};
