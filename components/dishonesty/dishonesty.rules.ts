// What the browser can tell of a dishonesty record or a revocation before a round trip, mirroring the API's schema
// (api/dishonesty: reason and basis 2–500 characters after trimming and no control characters; real dates; the end
// not before the start) and the shared vocabulary's GB 11643 check of the ID number. The server judges them again.
import type { Lang, Params } from '../i18n/messages.js';
import { fieldRules } from '../shared/rules.js';
import type { DishonestyKey } from './dishonesty.messages.js';

export const TEXT = { min: 2, max: 500 } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Msg = (key: DishonestyKey, params?: Params) => string;

/** A real calendar date written YYYY-MM-DD. */
export const isDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Free text people read (a reason, a legal basis): no control characters, 2–500 characters; '' is no problem here. */
export function textProblem(lang: Lang, msg: Msg, value: string, label: string): string | undefined {
  if (!value) return undefined;
  const control = fieldRules(lang).text(value, label);
  if (control) return control;
  // UTF-16 length, as joi counts it.
  const length = value.trim().length;
  return length < TEXT.min || length > TEXT.max ? msg('lengthRange', { label, ...TEXT }) : undefined;
}

export interface RecordValues {
  readonly idNumber?: string;
  readonly reason: string;
  readonly basis: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** Each field's first problem. */
export function recordProblems(lang: Lang, msg: Msg, v: RecordValues): Partial<Record<keyof RecordValues, string>> {
  const dateProblem = (value: string, label: string) => (value && !isDate(value) ? msg('dateFormat', { label }) : undefined);
  const start = dateProblem(v.startDate, msg('startDate'));
  const end = dateProblem(v.endDate, msg('endDate'));
  return {
    idNumber: v.idNumber ? fieldRules(lang).idNumber(v.idNumber) : undefined,
    reason: textProblem(lang, msg, v.reason, msg('reason')),
    basis: textProblem(lang, msg, v.basis, msg('basis')),
    startDate: start,
    endDate: end ?? (!start && v.startDate && v.endDate && v.endDate < v.startDate ? msg('endBeforeStart') : undefined),
  };
}
