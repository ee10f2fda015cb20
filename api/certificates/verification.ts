/**
 * Public verification of a certificate (证书查验): anyone holding its code sees every printed field — masked as
 * printed, the name masked too — the SHA-256 of its PDF and whether it still stands. Rate-limited per client
 * address. A code that names no certificate (tampered, mistyped, made up) is answered the same way whatever it is,
 * so nothing can be learnt from it.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { maskIdNumber, maskName } from '../../events/vocabulary/index.js';
import { certificateByCode } from '../../projections/certificates.js';
import { legacyCertificateByCode } from '../../projections/legacy.js';
import { rateLimit } from '../accounts/throttle.js';
import { clientAddress } from '../client-address.js';
import { nowOf } from '../clock.js';
import { asHours } from '../credits/year-standing.js';
import { Joi } from '../joi.js';
import { VERIFICATION_CODE, normalizeVerificationCode } from './codes.js';
import { certificateDigest, oldCertificateDigest } from './pdf.js';
import { hoursSchema } from './schemas.js';
import { publicUrlOf } from '../public-url.js';

export const verificationSchema = Joi.object({
  valid: Joi.boolean().required(),
  status: Joi.string().valid('valid', 'revoked').required(),
  year: Joi.number().integer().required(),
  title: Joi.string().required(),
  certificateNo: Joi.string().required(),
  holderName: Joi.string().required().description('masked'),
  idNumber: Joi.string().required().description('masked, as printed'),
  unitName: Joi.string().allow(null).required(),
  hours: hoursSchema.required(),
  issuer: Joi.string().required(),
  issuedAt: Joi.string().required(),
  revokedAt: Joi.string().allow(null).required(),
  pdfSha256: Joi.string().hex().length(64).required(),
  legacy: Joi.boolean().required().description('issued by the old provincial system (旧系统证书), imported here'),
}).label('Verification');

export type Verification = {
  valid: boolean;
  status: 'valid' | 'revoked';
  year: number;
  title: string;
  certificateNo: string;
  holderName: string;
  idNumber: string;
  unitName: string | null;
  hours: ReturnType<typeof asHours>;
  issuer: string;
  issuedAt: string;
  revokedAt: string | null;
  pdfSha256: string;
  legacy: boolean;
};

export const NO_SUCH_CODE = { zh: '未找到该验证码对应的证书，请核对后重试', en: 'no certificate has this verification code; check it and try again' };

/** Counts the lookup against the caller's limit (429 beyond it), then finds the certificate; null when none. */
export async function verify<R extends ReqRef>(request: Request<R>, typedCode: string): Promise<Verification | null> {
  const { db, config } = request.server.app.deps;
  await rateLimit(db, 'verify', clientAddress(request), config.verifyRatePerMinute, 60_000, nowOf(request));
  const code = normalizeVerificationCode(typedCode);
  if (!VERIFICATION_CODE.test(code)) return null;
  const row = await certificateByCode(db, code);
  if (!row) return verifyOld(request, code);
  const certificate = row.certificate;
  return {
    valid: !certificate.revokedAt,
    status: certificate.revokedAt ? 'revoked' : 'valid',
    year: certificate.year,
    title: certificate.title,
    certificateNo: certificate.certificateNo,
    holderName: maskName(certificate.holder.name),
    idNumber: certificate.holder.idNumberMasked,
    unitName: certificate.unit?.name ?? null,
    hours: asHours(certificate.halfHours),
    issuer: certificate.issuer,
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
    pdfSha256: await certificateDigest(certificate),
    legacy: false,
  };
}

/** A certificate the old system issued, by the code jxjy gave it at import: valid as imported. */
async function verifyOld<R extends ReqRef>(request: Request<R>, code: string): Promise<Verification | null> {
  const { db, config } = request.server.app.deps;
  const row = await legacyCertificateByCode(db, code);
  if (!row) return null;
  const printed = { ...row, idNumberMasked: maskIdNumber(row.idNumber), verifyUrl: `${publicUrlOf(request)}/verify/${row.verificationCode}` };
  return {
    valid: true,
    status: 'valid',
    year: row.year,
    title: config.certificate.title,
    certificateNo: row.certificateNo,
    holderName: maskName(row.name),
    idNumber: printed.idNumberMasked,
    unitName: null,
    hours: asHours(row.halfHours),
    issuer: row.issuer ?? '—',
    issuedAt: row.issuedAt,
    revokedAt: null,
    pdfSha256: await oldCertificateDigest(printed, config.certificate.title),
    legacy: true,
  };
}
