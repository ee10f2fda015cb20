/**
 * The province rule of region codes where the API takes one — org registration, re-application and class creation:
 * a code outside Guangdong is refused with a 422 naming the field. The rule and its words are the shared vocabulary's
 * (events/vocabulary/identifiers.ts), which the browser's forms check first.
 */
import { isProvinceRegionCode, REGION_OUTSIDE_PROVINCE, type Localized } from '../../events/vocabulary/index.js';
import { UnprocessableError } from '../errors.js';

/** Throws the 422 when `regionCode` is outside Guangdong; `message` says more when the caller did not type the code. */
export function requireProvinceRegion(regionCode: string, message: Localized = REGION_OUTSIDE_PROVINCE): void {
  if (!isProvinceRegionCode(regionCode)) throw new UnprocessableError(message, { details: [{ field: 'regionCode', message }] });
}
