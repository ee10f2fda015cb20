/** The statistics run's one piece of work: recompute the totals from the events and compare (projections/statistics.ts). */
import { heartbeat } from '@temporalio/activity';
import type { StatisticsResult } from '../../events/statistics.js';
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { compareCreditTotals } from '../../projections/statistics.js';

export function createStatisticsActivities({ db, store }: { db: Database; store: EventStore }) {
  return {
    async computeStatistics(): Promise<StatisticsResult> {
      const beat = setInterval(() => heartbeat(), 5_000);
      try {
        return await compareCreditTotals(db, store, () => new Date().toISOString());
      } finally {
        clearInterval(beat);
      }
    },
  };
}

export type StatisticsActivities = ReturnType<typeof createStatisticsActivities>;
