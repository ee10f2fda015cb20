/** A certificate on the wire (CONTRACT.md Certificates and verification): hours, not half-hours; masked as printed. */
import type { IssuedCertificate } from '../../events/certificate.js';
import { asHours } from '../credits/year-standing.js';
import { Joi } from '../joi.js';

export const hoursSchema = Joi.object({
  public: Joi.number().required(),
  professional: Joi.number().required(),
  elective: Joi.number().required(),
  total: Joi.number().required(),
}).label('HoursByCategory');

export const certificateSchema = Joi.object({
  certificateId: Joi.string().required(),
  year: Joi.number().integer().required(),
  certificateNo: Joi.string().required(),
  verificationCode: Joi.string().required(),
  verifyUrl: Joi.string().required(),
  status: Joi.string().valid('valid', 'revoked').required(),
  holderName: Joi.string().required(),
  idNumber: Joi.string().required().description('masked, as printed'),
  unitName: Joi.string().allow(null).required(),
  hours: hoursSchema.required(),
  issuedAt: Joi.string().required(),
  revokedAt: Joi.string().allow(null).required(),
  revokeReason: Joi.string().allow(null).required(),
  position: Joi.string(),
}).label('Certificate');

export function certificateBody(certificate: IssuedCertificate, position?: string) {
  return {
    certificateId: certificate.certificateId,
    year: certificate.year,
    certificateNo: certificate.certificateNo,
    verificationCode: certificate.verificationCode,
    verifyUrl: certificate.verifyUrl,
    status: certificate.revokedAt ? ('revoked' as const) : ('valid' as const),
    holderName: certificate.holder.name,
    idNumber: certificate.holder.idNumberMasked,
    unitName: certificate.unit?.name ?? null,
    hours: asHours(certificate.halfHours),
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
    revokeReason: certificate.revokeReason,
    ...(position ? { position } : {}),
  };
}
