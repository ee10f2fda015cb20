/**
 * The system's Temporal Schedules, ensured at every boot (schedules.ts): the daily statistics run at 02:00 in
 * Guangzhou (DOMAIN.md 统计周期 24 小时). A run still going when the next is due is not doubled (SKIP); a server that
 * was down at 02:00 catches up within the day.
 * The log's seal (`audit-seal`) runs every JXJY_SEAL_EVERY, default hourly.
 */
import type { ScheduleOptions } from '@temporalio/client';
import type { StatisticsRunInput } from '../../workflows/statistics/messages.js';
import { STATISTICS_SCHEDULE_ID } from '../../workflows/statistics/messages.js';
import { SEAL_SCHEDULE_ID, type SealRunInput } from '../../workflows/seals/messages.js';
import type { Config } from '../config.js';

export function systemSchedules(config: Pick<Config, 'temporalTaskQueue' | 'sealEveryMs'>): ScheduleOptions[] {
  const input: StatisticsRunInput = { trigger: 'schedule' };
  const sealInput: SealRunInput = { trigger: 'schedule' };
  return [
    {
      scheduleId: STATISTICS_SCHEDULE_ID,
      spec: { calendars: [{ hour: 2, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'statisticsRun', workflowId: STATISTICS_SCHEDULE_ID, taskQueue: config.temporalTaskQueue, args: [input] },
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    },
    // The log sealed every JXJY_SEAL_EVERY (default hourly). A missed run is not caught up: the next one seals
    // everything since the last seal anyway.
    {
      scheduleId: SEAL_SCHEDULE_ID,
      spec: { intervals: [{ every: config.sealEveryMs }] },
      action: { type: 'startWorkflow', workflowType: 'sealRun', workflowId: SEAL_SCHEDULE_ID, taskQueue: config.temporalTaskQueue, args: [sealInput] },
      policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
    },
  ];
}
