// The declaration rules as the browser can tell them before a round trip, mirroring the record lifecycle's
// (workflows/credits/rules.ts: the year not in the future nor before the first declarable year; dates inside the
// year, start ≤ end, end not after today; hours > 0 in steps of 0.5, at most 8 per calendar day of the range).
// The server judges them again on its own clock; this only spares the person a refused save.
import type { Params } from '../i18n/messages.js';
import type { CreditRecordsKey } from './credit-records.messages.js';

export const MAX_HOURS_PER_DAY = 8;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DeclarationInput {
  readonly year: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: string;
}

export interface RuleContext {
  readonly firstYear: number;
  /** The person's today, YYYY-MM-DD. */
  readonly today: string;
}

/** A problem as a message key and its parameters; the screen words it in the reader's language. */
export interface Problem {
  readonly key: CreditRecordsKey;
  readonly params?: Params;
}

export type DeclarationProblems = Partial<Record<keyof DeclarationInput, Problem>>;

/** YYYY-MM-DD of `date` in the browser's own time zone: "today" as the person sees it. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const isDate = (value: string) => DATE.test(value) && localDate(new Date(`${value}T00:00:00`)) === value;

/** Calendar days from `start` to `end`, both counted. */
export const daysBetween = (start: string, end: string) =>
  Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;

/** Each field's first problem; an empty value is none here ("required" is the form's business). */
export function declarationProblems(v: DeclarationInput, { firstYear, today }: RuleContext): DeclarationProblems {
  const problems: DeclarationProblems = {};
  const thisYear = Number(today.slice(0, 4));
  const year = Number(v.year);
  if (v.year && Number.isInteger(year)) {
    if (year > thisYear) problems.year = { key: 'yearFuture', params: { year: thisYear } };
    else if (year < firstYear) problems.year = { key: 'yearTooEarly', params: { first: firstYear } };
  }
  const dates = (['startDate', 'endDate'] as const).filter((field) => v[field]);
  for (const field of dates) {
    if (!isDate(v[field])) problems[field] = { key: 'dateFormat', params: { field } };
    else if (v.year && !v[field].startsWith(`${v.year}-`)) problems[field] = { key: 'dateOutsideYear', params: { field, year: v.year } };
  }
  const start = problems.startDate ? '' : v.startDate;
  const end = problems.endDate ? '' : v.endDate;
  if (start && end && end < start) problems.endDate = { key: 'endBeforeStart' };
  else if (end && end > today) problems.endDate = { key: 'endInFuture' };
  if (v.hours) {
    const hours = Number(v.hours);
    if (!Number.isFinite(hours)) problems.hours = { key: 'hoursNumber' };
    else if (hours <= 0 || !Number.isInteger(hours * 2)) problems.hours = { key: 'hoursStep' };
    else if (start && end && !problems.endDate) {
      const days = daysBetween(start, end);
      if (hours > days * MAX_HOURS_PER_DAY) problems.hours = { key: 'hoursPerDay', params: { days, max: days * MAX_HOURS_PER_DAY } };
    }
  }
  return problems;
}
