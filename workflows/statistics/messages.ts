/** Contract of the statistics run (`statistics-<run>`): the daily schedule's action and admin's "run now". */
import type { StatisticsTrigger } from '../../events/statistics.js';

export const STATISTICS_SCHEDULE_ID = 'statistics-daily';
/** Runs started by admin: `statistics-admin-<uuid>`; scheduled ones: `statistics-daily-<time>` (Temporal appends the time). */
export const adminStatisticsWorkflowId = (runId: string) => `statistics-admin-${runId}`;

export interface StatisticsRunInput {
  trigger: StatisticsTrigger;
  requestedBy?: { id: string; role: string };
  correlationId?: string;
}
