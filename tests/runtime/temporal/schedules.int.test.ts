import crypto from 'node:crypto';
import type { ScheduleOptions } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchedules } from '../../../runtime/temporal/schedules.js';
import { type TestTemporal, connectTestTemporal, uniqueTaskQueue } from '../../support/temporal.js';

describe('ensureSchedules', () => {
  let temporal: TestTemporal;
  beforeAll(async () => {
    temporal = await connectTestTemporal();
  });
  afterAll(async () => {
    await temporal?.close();
  });

  const daily = (scheduleId: string, hour: number): ScheduleOptions => ({
    scheduleId,
    spec: { calendars: [{ hour, minute: 0 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: 'reviewLifecycle', taskQueue: uniqueTaskQueue('stats'), args: [] },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    // Paused so the schedule never fires during the test.
    state: { paused: true, note: 'test' },
  });

  it('is idempotent at boot and applies the newer spec to the existing schedule', async () => {
    const scheduleId = `stats-daily-${crypto.randomUUID()}`;
    try {
      await ensureSchedules(temporal.client, [daily(scheduleId, 2)]);
      await ensureSchedules(temporal.client, [daily(scheduleId, 3)]);

      const described = await temporal.client.schedule.getHandle(scheduleId).describe();
      expect(described.spec.calendars).toHaveLength(1);
      expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }] });
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.state.paused).toBe(true);
      expect(described.policies.catchupWindow).toBe(86_400_000);
      // Visibility is eventually consistent: wait until the listing has caught up, then count.
      await expect
        .poll(
          async () => {
            const ids: string[] = [];
            for await (const summary of temporal.client.schedule.list()) if (summary.scheduleId === scheduleId) ids.push(summary.scheduleId);
            return ids;
          },
          { interval: 200, timeout: 10_000 },
        )
        .toEqual([scheduleId]);
    } finally {
      await temporal.client.schedule.getHandle(scheduleId).delete();
    }
  });
});
