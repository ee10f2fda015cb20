/**
 * POST /tasks/{taskId}/decision — routed to the `decideTask` Update of the lifecycle that owns the task, whatever its
 * kind. The assignee decides; once a task is escalated, admin may decide it too (the assignee still may). The
 * `updateId` makes a retry of the same decision (after a 503) return the first outcome instead of deciding twice.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { getTask } from '../../projections/tasks.js';
import { decideTaskUpdate } from '../../workflows/kit/messages.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { eventMetadata } from '../request-context.js';
import type { TaskDecisionValue } from '../../events/vocabulary/index.js';
import { decisionResultSchema } from './schemas.js';

const REASON_REQUIRED = { zh: '驳回时必须填写原因', en: 'a reason is required to reject' };

export const decideTaskRoute: ServerRoute<{ Params: { taskId: string }; Payload: { decision: TaskDecisionValue; reason?: string } }> = {
  method: 'POST',
  path: '/tasks/{taskId}/decision',
  options: {
    description: 'Approve or reject a task',
    notes: '`reason` is required to reject (422). A second decision → 409. A task outside the caller’s scope → 404. Admin may decide escalated tasks.',
    tags: ['api', 'tasks'],
    auth: { access: { scope: ['admin', 'unit', 'institution'] } },
    validate: {
      params: Joi.object({ taskId: Joi.string().guid().required() }),
      payload: Joi.object({ decision: Joi.string().valid('approve', 'reject').required(), reason: Joi.string().trim().max(500).allow('') }).meta({
        // Rejecting needs a reason (the route answers 422 naming it): stated here for clients and the fuzzer.
        'x-jxjy-schema': { anyOf: [{ properties: { decision: { enum: ['approve'] } } }, { properties: { decision: { enum: ['reject'] }, reason: { type: 'string', pattern: '\\S' } }, required: ['reason'] }] },
      }),
    },
    response: { schema: decisionResultSchema },
    handler: async (request) => {
      await requireApprovedOrg(request);
      const { taskId } = request.params;
      const { decision, reason } = request.payload;
      if (decision === 'reject' && !reason?.trim()) {
        throw new UnprocessableError(REASON_REQUIRED, { details: [{ field: 'reason', message: REASON_REQUIRED }] });
      }
      const { role, orgId } = request.auth.credentials;
      const task = await getTask(request.server.app.deps.db, taskId);
      const assigned = task && task.assignee.role === role && (role === 'admin' || task.assignee.orgId === orgId);
      if (!task || !(assigned || (role === 'admin' && task.escalated))) throw new NotFoundError();
      // A closed task is the lifecycle's to refuse (it knows a withdrawn one from a decided one), or — the same reviewer
      // repeating the same decision, a retry whose answer was lost — to answer with its first outcome.
      const metadata = eventMetadata(request);
      return sendCommand(request, {
        workflowId: task.workflowId,
        update: decideTaskUpdate,
        args: { taskId, decision, ...(reason?.trim() ? { reason: reason.trim() } : {}), actor: metadata.actor, correlationId: metadata.correlationId },
        // The same reviewer repeating the same decision (a retry after a 503) gets its first outcome; anyone else, or
        // another reason, is decided afresh and told the task is already decided.
        updateId: `decide-${taskId}-${decision}-${metadata.actor.id}-${crypto.createHash('sha256').update(reason?.trim() ?? '').digest('hex').slice(0, 16)}`,
      });
    },
  },
};
