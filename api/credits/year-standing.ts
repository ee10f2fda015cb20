/**
 * A person's year against its requirements, per category (DOMAIN.md: each category must be met on its own — hours
 * beyond one never fill another). The credit summary shows it; certificates are issued on it.
 */
import { CREDIT_CATEGORIES, toHours } from '../../events/credit.js';
import type { HoursByCategory } from '../../events/requirements.js';
import type { Sql } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { totalsByYear, totalsOf } from '../../projections/credit-totals.js';
import { loadRequirements } from '../requirements/load.js';

export interface YearStanding {
  year: number;
  /** Half-hours throughout. */
  required: HoursByCategory;
  completed: HoursByCategory;
  missing: HoursByCategory;
  eligible: boolean;
}

function standing(year: number, required: HoursByCategory, completed: HoursByCategory): YearStanding {
  const missing = Object.fromEntries(CREDIT_CATEGORIES.map((c) => [c, Math.max(0, required[c] - completed[c])])) as HoursByCategory;
  return { year, required, completed, missing, eligible: CREDIT_CATEGORIES.every((c) => missing[c] === 0) };
}

export async function yearStanding(db: Sql, store: EventStore, personId: string, year: number): Promise<YearStanding> {
  const [requirements, completed] = await Promise.all([loadRequirements(store, year), totalsOf(db, personId, year)]);
  return standing(year, requirements.halfHours, completed);
}

/** Several years at once (newest first as given): one totals query, one requirements read per year. */
export async function yearStandings(db: Sql, store: EventStore, personId: string, years: number[]): Promise<YearStanding[]> {
  const [totals, requirements] = await Promise.all([totalsByYear(db, personId), Promise.all(years.map((year) => loadRequirements(store, year)))]);
  return years.map((year, i) => standing(year, requirements[i]!.halfHours, totals.get(year) ?? { public: 0, professional: 0, elective: 0 }));
}

/** Half-hours per category as the API writes hours, with their total. */
export const asHours = (h: HoursByCategory) => ({
  public: toHours(h.public), professional: toHours(h.professional), elective: toHours(h.elective), total: toHours(h.public + h.professional + h.elective),
});
