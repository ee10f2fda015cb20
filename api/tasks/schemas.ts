/** joi shapes of the task routes (CONTRACT.md Tasks). */
import { Joi } from '../joi.js';

const subject = Joi.object({ type: Joi.string().required(), id: Joi.string().required(), title: Joi.string().allow('').required() }).label('TaskSubject');

export const taskItemSchema = Joi.object({
  taskId: Joi.string().required(),
  kind: Joi.string().required(),
  status: Joi.string().valid('open', 'closed').required(),
  subject,
  requestedBy: Joi.object({ id: Joi.string().required(), name: Joi.string().allow('').required() }),
  createdAt: Joi.string().required(),
  dueAt: Joi.string().allow(null).required(),
  remindedAt: Joi.string().allow(null).required(),
  escalated: Joi.boolean().required(),
  details: Joi.object().unknown(true),
  decision: Joi.string().valid('approve', 'reject'),
  reason: Joi.string().allow(''),
  decidedAt: Joi.string(),
}).label('Task');

export const taskPageSchema = Joi.object({ items: Joi.array().items(taskItemSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('TaskPage');

export const decisionResultSchema = Joi.object({
  taskId: Joi.string().required(),
  status: Joi.string().valid('closed').required(),
  decision: Joi.string().valid('approve', 'reject').required(),
  subject,
  position: Joi.string().required(),
}).label('TaskDecisionResult');
