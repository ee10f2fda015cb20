// What a refused 打印证书 (409) tells <jxjy-certificate> beyond its message, read from the error's facts: `not_eligible`
// carries the year's `missing` hours (with `required` and `completed`), `dishonesty_blocks` the `blockedBy` records.
// The screen shows them at once — the alert names each shortfall, the blocked notice names the records — instead of
// leaving the year as it looked before the refusal until the years are read again.
import { CREDIT_CATEGORIES } from '../../events/credit.js';
import { ApiError } from '../api/api-client.js';
import type { CertificateBlock, CreditHours, MyCertificates } from '../api/types.js';

export interface Refusal {
  missing?: CreditHours;
  required?: CreditHours;
  completed?: CreditHours;
  blockedBy?: CertificateBlock[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

// The facts arrive unchecked: a shape this screen does not know is ignored, and the message alone is shown.
const isHours = (v: unknown): v is CreditHours =>
  isObject(v) && [...CREDIT_CATEGORIES, 'total'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]));

const isBlocks = (v: unknown): v is CertificateBlock[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((b) => isObject(b) && typeof b['recordId'] === 'string' && typeof b['reason'] === 'string' && (b['endDate'] === null || typeof b['endDate'] === 'string'));

/** The facts of a refusal this screen can use; empty for any other error. */
export function refusalOf(err: unknown): Refusal {
  if (!(err instanceof ApiError) || err.status !== 409) return {};
  const { missing, required, completed, blockedBy } = err.facts;
  return {
    ...(isHours(missing) ? { missing } : {}),
    ...(isHours(required) ? { required } : {}),
    ...(isHours(completed) ? { completed } : {}),
    ...(isBlocks(blockedBy) ? { blockedBy } : {}),
  };
}

/** The years as the refusal of `year` says they stand: that year short by `missing`, or every year blocked. */
export function applyRefusal(data: MyCertificates, year: number, refusal: Refusal): MyCertificates {
  const { missing, required, completed, blockedBy } = refusal;
  let items = data.items;
  if (missing) {
    items = items.map((y) =>
      y.year === year ? { ...y, missing, required: required ?? y.required, completed: completed ?? y.completed, eligible: false } : y,
    );
  }
  // A block stops certificates of every year (GET /me/certificates says `blocked` of each alike).
  if (blockedBy) items = items.map((y) => ({ ...y, blocked: true }));
  return { ...data, items, blockedBy: blockedBy ?? data.blockedBy };
}

/** The categories still short, in their order. */
export const shortCategories = (missing: CreditHours) => CREDIT_CATEGORIES.filter((k) => missing[k] > 0);
