/** A year's requirements straight from its stream (or the defaults when admin set none), in hours per category. */
import { type HoursByCategory, requirementsOf, requirementsStream } from '../../events/requirements.js';
import type { EventStore } from '../../events/store/event-store.js';
import { toHours } from '../../events/credit.js';

export interface Requirements {
  year: number;
  public: number;
  professional: number;
  elective: number;
  total: number;
  /** When admin last set them; null = the defaults of the rules in force. */
  setAt: string | null;
}

export const hoursOf = (halfHours: HoursByCategory) => ({
  public: toHours(halfHours.public),
  professional: toHours(halfHours.professional),
  elective: toHours(halfHours.elective),
  total: toHours(halfHours.public + halfHours.professional + halfHours.elective),
});

export async function loadRequirements(store: EventStore, year: number): Promise<Requirements & { halfHours: HoursByCategory }> {
  const { halfHours, setAt } = requirementsOf(year, await store.readStream(requirementsStream(year)));
  return { year, ...hoursOf(halfHours), setAt, halfHours };
}
