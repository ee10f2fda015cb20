/** joi shapes shared by the organisation routes. */
import { Joi } from '../joi.js';
import { orgName, personName, phone, provinceRegionCode, uscc } from '../identifiers.js';

/** How validation messages name the organisation's fields (api/field-labels.ts). */
export const ORG_LABELS = {
  name: { zh: '单位名称', en: 'Name of the organisation' },
  kind: { zh: '机构类型', en: 'Kind of organisation' },
};

/** What an organisation states about itself, at registration and when applying again. */
export const orgDetailsFields = {
  name: orgName().required(),
  uscc: uscc().required(),
  regionCode: provinceRegionCode().required(),
  contactName: personName().required(),
  contactPhone: phone().required(),
};

export const applicationResultSchema = Joi.object({
  orgId: Joi.string().guid().required(),
  status: Joi.string().valid('pending').required(),
  position: Joi.string().required(),
}).label('OrgApplicationResult');

export const orgSchema = Joi.object({
  orgId: Joi.string().required(),
  kind: Joi.string().valid('unit', 'institution').required(),
  name: Joi.string().required(),
  regionCode: Joi.string().required(),
  status: Joi.string().valid('pending', 'approved', 'rejected').required(),
  uscc: Joi.string(),
  contactName: Joi.string(),
  contactPhone: Joi.string(),
  reason: Joi.string().allow(null),
  attempt: Joi.number().integer(),
  registeredAt: Joi.string(),
  decidedAt: Joi.string().allow(null),
}).label('Org');
