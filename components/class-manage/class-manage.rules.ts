// A new class's rules as the browser can tell them before a round trip, mirroring the server's (api/classes/schemas.ts
// and the class decider: hours > 0 in steps of 0.5 up to 2000, capacity a whole number 1–100000, real dates with the
// end not before the start). Title, description and region use the shared field rules. The server judges them again.
import type { Params } from '../i18n/messages.js';
import type { ClassManageKey } from './class-manage.messages.js';

export const MAX_HOURS = 2_000;
export const CAPACITY = { min: 1, max: 100_000 } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ClassInput {
  readonly hours: string;
  readonly capacity: string;
  readonly startDate: string;
  readonly endDate: string;
}

export interface Problem {
  readonly key: ClassManageKey;
  readonly params?: Params;
}

export type ClassProblems = Partial<Record<keyof ClassInput, Problem>>;

/** A calendar date that exists (no 2026-02-30), as the server's `isoDate()` checks it. */
const isDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Each field's first problem; an empty value is none here ("required" is the form's business). */
export function classProblems(v: ClassInput): ClassProblems {
  const problems: ClassProblems = {};
  if (v.hours) {
    const hours = Number(v.hours);
    if (!Number.isFinite(hours)) problems.hours = { key: 'hoursNumber' };
    else if (hours <= 0 || !Number.isInteger(hours * 2)) problems.hours = { key: 'hoursStep' };
    else if (hours > MAX_HOURS) problems.hours = { key: 'hoursMax', params: { max: MAX_HOURS } };
  }
  if (v.capacity) {
    const capacity = Number(v.capacity);
    if (!/^\d+$/.test(v.capacity) || capacity < CAPACITY.min || capacity > CAPACITY.max) problems.capacity = { key: 'capacityNumber', params: CAPACITY };
  }
  for (const field of ['startDate', 'endDate'] as const) {
    if (v[field] && !isDate(v[field])) problems[field] = { key: 'dateFormat', params: { field } };
  }
  if (!problems.startDate && !problems.endDate && v.startDate && v.endDate && v.endDate < v.startDate) problems.endDate = { key: 'endBeforeStart' };
  return problems;
}
