/**
 * The province rule of region codes (DOMAIN.md 行政区划代码): jxjy serves Guangdong, so the region an organisation
 * registers in and the region a class is offered to must be Guangdong codes (GB/T 2260 `44xxxx`). A well-formed code
 * from elsewhere (a typo like 450100) would hide a class from everyone and show a unit's staff no class at all, so it
 * is refused — 422 naming the field — where it is taken: org registration, re-application and class creation.
 */
import type { Localized } from '../../events/vocabulary/index.js';
import { UnprocessableError } from '../errors.js';

/** The first two digits of every Guangdong code (440000 is the whole province). */
export const PROVINCE_PREFIX = '44';

const OUTSIDE: Localized = {
  zh: '「行政区划代码」必须是广东省内的代码（以 44 开头，如 440100 广州市、440000 全省）',
  en: 'Region code must be a Guangdong code (starting with 44, e.g. 440100 Guangzhou or 440000 the whole province)',
};

export const inProvince = (regionCode: string): boolean => regionCode.startsWith(PROVINCE_PREFIX);

/** Throws the 422 when `regionCode` is outside Guangdong; `message` says more when the caller did not type the code. */
export function requireProvinceRegion(regionCode: string, message: Localized = OUTSIDE): void {
  if (!inProvince(regionCode)) throw new UnprocessableError(message, { details: [{ field: 'regionCode', message }] });
}
