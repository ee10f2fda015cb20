/**
 * The identifiers a certificate carries: the series a person's year lives in (derived, so two requests for one year
 * meet in one lifecycle), a printed certificate number, and the verification code — 80 random bits in Crockford
 * base32 (no I, L, O, U: nothing to misread off paper), the only key to the public verification page.
 */
import crypto from 'node:crypto';
import { nameBasedId } from '../../events/store/name-based-id.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** 16 characters, 80 bits from the system's CSPRNG. */
export const newVerificationCode = (): string => base32(crypto.randomBytes(10), 16);

/** Codes are printed upper-case; people type what they read, so lower case and look-alikes are forgiven. */
export const normalizeVerificationCode = (typed: string): string =>
  typed.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');

/** A UUID-shaped id per person and year. */
export const certificateSeriesId = (personId: string, year: number): string => nameBasedId(`certificate:${personId}:${year}`);

/** 证书编号: `JX` + year + 10 characters from the certificate id (50 bits: no two certificates of a year share one in practice). */
export const certificateNumber = (year: number, certificateId: string): string =>
  `JX${year}${base32(crypto.createHash('sha256').update(certificateId).digest(), 10)}`;
