/**
 * Builds an auditor's replay (projections/as-of.ts): the read model rebuilt from every event up to a position into
 * the replay's own scratch schema, by the same runner code as the live tables, which it never touches. The replay's
 * row in `audit_replays` says how it went. Retried after a crash, the build starts over in the same schema.
 */
import { Context, heartbeat } from '@temporalio/activity';
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { buildProjectionAsOf } from '../../projections/as-of.js';
import { REPLAY_VIEWS } from '../../projections/replay-views.js';
import { REPLAY_ATTEMPTS, type ReplayInput, replaySchema } from '../replays/messages.js';

export function createReplayActivities({ db, store }: { db: Database; store: EventStore }) {
  return {
    async buildReplay({ replayId, projection, to }: ReplayInput): Promise<void> {
      const view = REPLAY_VIEWS[projection];
      const beat = setInterval(() => heartbeat(), 5_000);
      try {
        if (!view) throw new Error(`no replayable read model named ${projection}`);
        const built = await buildProjectionAsOf(db, store, view.projection, { schema: replaySchema(replayId), to });
        await db.query(`UPDATE audit_replays SET status = 'completed', position = $2, finished_at = now() WHERE replay_id = $1`, [replayId, built.position]);
      } catch (error) {
        // A passing outage is retried (the workflow's policy); the last attempt records why the replay failed.
        if (Context.current().info.attempt < REPLAY_ATTEMPTS) throw error;
        await db.query(`UPDATE audit_replays SET status = 'failed', error = $2, finished_at = now() WHERE replay_id = $1`, [replayId, (error as Error).message.slice(0, 500)]);
      } finally {
        clearInterval(beat);
      }
    },
  };
}

export type ReplayActivities = ReturnType<typeof createReplayActivities>;
