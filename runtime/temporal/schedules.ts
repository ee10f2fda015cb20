/**
 * Creates the system's Temporal Schedules (the daily statistics run) at every boot, idempotently: a schedule that
 * already exists gets the code's current spec, action and policies instead of a "ScheduleAlreadyRunning" crash.
 */
import { type Client, ScheduleAlreadyRunning, type ScheduleOptions } from '@temporalio/client';

export async function ensureSchedules(client: Client, specs: readonly ScheduleOptions[]): Promise<void> {
  for (const spec of specs) {
    try {
      await client.schedule.create(spec);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(spec.scheduleId).update((previous) => ({
        ...previous,
        spec: spec.spec,
        action: spec.action,
        policies: { ...previous.policies, ...spec.policies },
        // Paused/note stay as an operator left them: a redeploy must not resume a schedule someone paused.
        state: previous.state,
      }));
    }
  }
}
