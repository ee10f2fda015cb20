/** joi shapes of the class and enrolment routes (CONTRACT.md Classes and enrolment); hours in steps of 0.5. */
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import { provinceRegionCode } from '../identifiers.js';
import { isoDate } from '../dates.js';
import { Joi } from '../joi.js';

export const classFields = {
  title: Joi.string().trim().min(2).max(100).name().required(),
  category: Joi.string().valid(...CREDIT_CATEGORIES).required(),
  hours: Joi.number().greater(0).max(2_000).multiple(0.5).required(),
  capacity: Joi.number().integer().min(1).max(100_000).required(),
  startDate: isoDate().required(),
  endDate: isoDate().required(),
  description: Joi.string().trim().max(2_000).allow(''),
  regionCode: provinceRegionCode(),
};

export const CLASS_LABELS = {
  title: { zh: '培训班名称', en: 'Title' },
  capacity: { zh: '名额', en: 'Capacity' },
  description: { zh: '简介', en: 'Description' },
  attendeePersonIds: { zh: '参训人员', en: 'Attendees' },
};

const enrolment = Joi.object({
  enrolmentId: Joi.string().required(),
  personId: Joi.string().required(),
  name: Joi.string().required(),
  idNumberMasked: Joi.string().required(),
  status: Joi.string().required(),
  requestedAt: Joi.string().required(),
  promotedAt: Joi.string().allow(null).required().description('when a seat freed and the enrolment left the waiting list'),
  approvedAt: Joi.string().allow(null).required().description('when the institution approved it (kept after completion)'),
  decidedAt: Joi.string().allow(null).required(),
  reason: Joi.string().allow(null).required(),
}).label('RosterEntry');

/** For a person's catalogue: where they stand in this class (their latest enrolment), or null if they never enrolled. */
const myEnrolmentOfClass = Joi.object({
  enrolmentId: Joi.string().required(),
  status: Joi.string().required(),
})
  .allow(null)
  .label('MyEnrolmentOfClass');

export const classSchema = Joi.object({
  classId: Joi.string().required(),
  institutionId: Joi.string().required(),
  institutionName: Joi.string().required(),
  title: Joi.string().required(),
  category: Joi.string().required(),
  hours: Joi.number().required(),
  capacity: Joi.number().integer().required(),
  seatsTaken: Joi.number().integer().required(),
  seatsLeft: Joi.number().integer().required(),
  waitlisted: Joi.number().integer().required(),
  status: Joi.string().valid('draft', 'accepting', 'closed', 'completed').required(),
  startDate: Joi.string().required(),
  endDate: Joi.string().required(),
  regionCode: Joi.string().required(),
  description: Joi.string().allow(null).required(),
  roster: Joi.array().items(enrolment),
  myEnrolment: myEnrolmentOfClass.description('GET /classes for a person: their own latest enrolment in the class, or null'),
  position: Joi.string(),
}).label('Class');

export const myEnrolmentSchema = Joi.object({
  enrolmentId: Joi.string().required(),
  class: Joi.object({
    classId: Joi.string().required(),
    title: Joi.string().required(),
    institutionName: Joi.string().required(),
    category: Joi.string().required(),
    hours: Joi.number().required(),
    startDate: Joi.string().required(),
    endDate: Joi.string().required(),
  }).required(),
  status: Joi.string().required(),
  requestedAt: Joi.string().required(),
  promotedAt: Joi.string().allow(null).required().description('when a seat freed and it left the waiting list; null if it never waited'),
  approvedAt: Joi.string().allow(null).required().description('when the institution approved it; kept when the class completes'),
  decidedAt: Joi.string().allow(null).required().description('the latest decision or ending (approval, rejection, cancellation, completion…)'),
  reason: Joi.string().allow(null).required(),
}).label('MyEnrolment');
