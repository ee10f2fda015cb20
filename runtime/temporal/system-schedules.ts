/**
 * The system's Temporal Schedules, ensured at every boot (schedules.ts): the daily statistics run at 02:00 in
 * Guangzhou (DOMAIN.md 统计周期 24 小时). A run still going when the next is due is not doubled (SKIP); a server that
 * was down at 02:00 catches up within the day.
 */
import type { ScheduleOptions } from '@temporalio/client';
import type { StatisticsRunInput } from '../../workflows/statistics/messages.js';
import { STATISTICS_SCHEDULE_ID } from '../../workflows/statistics/messages.js';
import type { Config } from '../config.js';

export function systemSchedules(config: Pick<Config, 'temporalTaskQueue'>): ScheduleOptions[] {
  const input: StatisticsRunInput = { trigger: 'schedule' };
  return [
    {
      scheduleId: STATISTICS_SCHEDULE_ID,
      spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'statisticsRun', workflowId: STATISTICS_SCHEDULE_ID, taskQueue: config.temporalTaskQueue, args: [input] },
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    },
  ];
}
