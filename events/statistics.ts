/**
 * The daily statistics run (统计周期 24 小时, DOMAIN.md Daily statistics): every person's yearly totals recomputed
 * from the events alone, compared with the live `credit_totals` read model, and the run recorded in its own stream
 * (`statistics-<run>`, written once by the run's workflow). Both must agree; any difference is named. Pure.
 */
import type { CreditCategory } from './credit.js';
import type { HoursByCategory } from './requirements.js';

export type StatisticsTrigger = 'schedule' | 'admin';

/** One person-year-category where the events and the live view disagree (half-hours). */
export interface Discrepancy {
  personId: string;
  year: number;
  category: CreditCategory;
  fromEvents: number;
  inProjection: number;
}

export interface StatisticsResult {
  /** The live view's position the comparison was made at (events up to it were folded). */
  upTo: string;
  /** Credit events folded. */
  events: number;
  persons: number;
  personYears: number;
  /** Half-hours per category over every person and year, from the events. */
  halfHours: HoursByCategory;
  discrepancies: number;
  /** The first few discrepancies, for whoever looks into them. */
  samples: Discrepancy[];
  startedAt: string;
  finishedAt: string;
}

export interface StatisticsComputed {
  type: 'StatisticsComputed';
  data: StatisticsResult & { runId: string; trigger: StatisticsTrigger; requestedBy: string | null };
}

export type StatisticsEvent = StatisticsComputed;
export const STATISTICS_EVENT_TYPES: StatisticsEvent['type'][] = ['StatisticsComputed'];

export const DISCREPANCY_SAMPLES = 20;
