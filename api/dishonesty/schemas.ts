/** joi shapes of the dishonesty routes (CONTRACT.md Dishonesty records) and a record on the wire. */
import type { DishonestyListing } from '../../projections/dishonesty-records.js';
import { Joi } from '../joi.js';

export const DISHONESTY_LABELS = {
  personId: { zh: '人员', en: 'Person' },
  reason: { zh: '失信事由', en: 'Reason' },
  basis: { zh: '法律依据', en: 'Legal basis' },
  startDate: { zh: '开始日期', en: 'Start date' },
  endDate: { zh: '结束日期', en: 'End date' },
  blocksCertificate: { zh: '限制打印证书', en: 'Blocks certificates' },
};

export const dishonestySchema = Joi.object({
  recordId: Joi.string().required(),
  personId: Joi.string().required(),
  personName: Joi.string().required(),
  idNumberMasked: Joi.string().required(),
  reason: Joi.string().required(),
  basis: Joi.string().required(),
  startDate: Joi.string().required(),
  endDate: Joi.string().allow(null).required(),
  blocksCertificate: Joi.boolean().required(),
  status: Joi.string().valid('active', 'revoked', 'expired').required(),
  recordedAt: Joi.string().required(),
  revokedAt: Joi.string().allow(null).required(),
  revokeReason: Joi.string().allow(null).required(),
  position: Joi.string(),
}).label('DishonestyRecord');

export const dishonestyPageSchema = Joi.object({ items: Joi.array().items(dishonestySchema).required(), nextCursor: Joi.string().allow(null).required() }).label(
  'DishonestyRecordPage',
);

/** The record as the API shows it: who recorded it stays in the history, not on the wire. */
export function dishonestyBody(row: DishonestyListing, position?: string) {
  const { recordedBy: _by, position: _p, ...rest } = row;
  return { ...rest, ...(position ? { position } : {}) };
}
