/** joi shapes of the credit-record routes (CONTRACT.md Credit records); hours in steps of 0.5 on the wire. */
import { CREDIT_CATEGORIES, CREDIT_MODES } from '../../events/credit.js';
import { isoDate } from '../dates.js';
import { Joi } from '../joi.js';

/** Every field of a declaration; POST requires them, PATCH takes any of them. */
export const declarationFields = {
  year: Joi.number().integer().min(1990).max(2100),
  category: Joi.string().valid(...CREDIT_CATEGORIES),
  title: Joi.string().trim().min(2).max(100).name(),
  mode: Joi.string().valid(...CREDIT_MODES),
  organizer: Joi.string().trim().max(100).name().allow(''),
  startDate: isoDate(),
  endDate: isoDate(),
  hours: Joi.number().greater(0).max(2_000).multiple(0.5),
};

export const CREDIT_LABELS = {
  title: { zh: '项目名称', en: 'Title' },
  mode: { zh: '学习形式', en: 'Mode' },
  organizer: { zh: '主办单位', en: 'Organizer' },
  category: { zh: '科目类别', en: 'Category' },
};

const attachment = Joi.object({
  attachmentId: Joi.string().required(),
  filename: Joi.string().required(),
  contentType: Joi.string().required(),
  size: Joi.number().integer().required(),
  sha256: Joi.string().required(),
}).label('Attachment');

const overlap = Joi.object({
  recordId: Joi.string().required(),
  title: Joi.string().required(),
  startDate: Joi.string().required(),
  endDate: Joi.string().required(),
  status: Joi.string().required(),
  duplicate: Joi.boolean().required(),
}).label('CreditOverlap');

export const recordSchema = Joi.object({
  recordId: Joi.string().required(),
  personId: Joi.string().required(),
  year: Joi.number().integer().required(),
  category: Joi.string().required(),
  title: Joi.string().required(),
  mode: Joi.string().required(),
  organizer: Joi.string(),
  startDate: Joi.string().required(),
  endDate: Joi.string().required(),
  hours: Joi.number().required(),
  status: Joi.string().valid('draft', 'submitted', 'approved', 'rejected', 'revoked').required(),
  reason: Joi.string().allow(null).required(),
  unitId: Joi.string().allow(null).required(),
  attachments: Joi.array().items(attachment).required(),
  overlaps: Joi.array().items(overlap).required(),
  taskId: Joi.string().allow(null),
  updatedAt: Joi.string().allow(null).required(),
  history: Joi.array().items(
    Joi.object({ event: Joi.string().required(), at: Joi.string().required(), by: Joi.object({ id: Joi.string(), role: Joi.string() }).required(), reason: Joi.string() }).label('CreditHistoryEntry'),
  ),
  position: Joi.string(),
}).label('CreditRecord');

export const attachmentSchema = attachment;
