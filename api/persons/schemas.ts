/** joi shapes of the person's profile (CONTRACT.md Person profile and unit binding). */
import { EDUCATION_LEVELS, GENDERS } from '../../events/person.js';
import { personName, phone } from '../identifiers.js';
import { Joi } from '../joi.js';

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** What a person states about themselves; an empty optional field clears it. */
export const profileFields = {
  name: personName().required(),
  gender: Joi.string().valid(...GENDERS).allow(''),
  birthDate: Joi.string()
    .allow('')
    .meta({ 'x-jxjy-schema': { format: 'date' } })
    .custom((value: string, helpers) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value) ? value : helpers.error('date.format')))
    .messages({ 'date.format': '{{#label}} must be a date written YYYY-MM-DD' }),
  education: Joi.string().valid(...EDUCATION_LEVELS).allow(''),
  title: Joi.string().trim().max(50).name().allow(''),
  specialty: Joi.string().trim().max(50).name().allow(''),
  phone: phone().allow(''),
  email: Joi.string().trim().email({ tlds: false }).max(100).allow(''),
};

export const profileSchema = Joi.object({
  personId: Joi.string().required(),
  name: Joi.string().required(),
  idNumber: Joi.string().required(),
  gender: Joi.string(),
  birthDate: Joi.string(),
  education: Joi.string(),
  title: Joi.string(),
  specialty: Joi.string(),
  phone: Joi.string(),
  email: Joi.string(),
}).label('PersonProfile');

const unit = Joi.object({ unitId: Joi.string().required(), name: Joi.string().allow('').required(), regionCode: Joi.string().allow('').required() }).label('BindingUnit');

export const bindingSchema = Joi.object({
  current: Joi.object({ bindingId: Joi.string().required(), unit, since: Joi.string().required() }).allow(null).required(),
  pending: Joi.object({ bindingId: Joi.string().required(), unit, requestedAt: Joi.string().required(), previousUnitId: Joi.string() }).allow(null).required(),
  lastRejection: Joi.object({ unit, reason: Joi.string().required(), rejectedAt: Joi.string().required() }).allow(null).required(),
  latest: Joi.object({
    bindingId: Joi.string().required(),
    unit,
    status: Joi.string().valid('pending', 'confirmed', 'rejected', 'cancelled', 'ended').required(),
    at: Joi.string().required(),
    reason: Joi.string(),
  }).allow(null).required(),
}).label('Binding');
