/**
 * Yearly requirements (`requirements-<year>`, DOMAIN.md Credit categories and hours): how many hours of each category
 * a year asks for, set by admin. Years nobody set use the defaults of the rules in force (Guangdong: 2021 on, 30 公需 +
 * 42 专业 + 18 选修 = 90; until 2020, 18 + 42 + 12 = 72). Hours are half-hours internally. Pure.
 */
import type { CreditCategory } from './credit.js';

export const requirementsStream = (year: number) => `requirements-${year}`;

export type HoursByCategory = Record<CreditCategory, number>;

export interface RequirementsSet {
  type: 'RequirementsSet';
  /** Half-hours per category. */
  data: { year: number; halfHours: HoursByCategory; setBy: string; setAt: string };
}

export type RequirementsEvent = RequirementsSet;

export function defaultRequirements(year: number): HoursByCategory {
  return year >= 2021 ? { public: 60, professional: 84, elective: 36 } : { public: 36, professional: 84, elective: 24 };
}

/** The year's requirement in half-hours: the last one admin set, else the default. */
export function requirementsOf(year: number, events: Array<{ type: string; data: unknown }>): { halfHours: HoursByCategory; setAt: string | null } {
  const last = (events as RequirementsEvent[]).filter((e) => e.type === 'RequirementsSet').at(-1);
  return last ? { halfHours: last.data.halfHours, setAt: last.data.setAt } : { halfHours: defaultRequirements(year), setAt: null };
}
