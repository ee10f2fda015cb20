/**
 * Replays (CONTRACT.md Audit and replay): an auditor rebuilds a read model as of a position or a moment into scratch
 * tables (`POST /audit/replays`, 201, built in the background by a `replayRun` workflow), reads the rows and — with
 * `?diff=live` — the rows that differ from today's table (`GET /audit/replays/{id}`). The live tables are never
 * touched; replays older than a day are dropped when the next one is asked for.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { type Database, quoteIdent } from '../../events/store/database.js';
import type { EventStore, Position } from '../../events/store/event-store.js';
import { REPLAYABLE, REPLAY_VIEWS, liveSchema, replayRows, rowDifferences } from '../../projections/replay-views.js';
import { replaySchema, replayWorkflowId } from '../../workflows/replays/messages.js';
import { NotFoundError, UnprocessableError } from '../errors.js';
import { Joi } from '../joi.js';
import { afterQuery } from '../read-your-writes.js';
import { eventMetadata } from '../request-context.js';
import { withTemporal } from '../temporal-client.js';

export const REPLAYS_DDL = `
CREATE TABLE IF NOT EXISTS audit_replays (
  replay_id    text PRIMARY KEY,
  projection   text NOT NULL,
  as_of        jsonb NOT NULL,
  to_position  text NOT NULL,
  position     text,
  status       text NOT NULL,
  error        text,
  requested_by text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);`;

const KEPT_FOR = '1 day';

/**
 * The log as it stood at a moment: the longest prefix of the global order whose events were all recorded by then.
 * (`recordedAt` is each writer's clock, so it need not rise along the global order; the first later event ends the
 * prefix.) Scans the headers up to the readable head.
 */
async function positionAt(store: EventStore, time: string, head: Position): Promise<Position> {
  let at: Position = '';
  let after: Position | undefined;
  for (;;) {
    const page = await store.readHeaders({ ...(after ? { after } : {}), to: head, limit: 5_000 });
    for (const event of page.events) {
      if (event.recordedAt > time) return at;
      at = event.position;
    }
    if (page.events.length < 5_000 || page.checkpoint === (after ?? '')) return at;
    after = page.checkpoint;
  }
}

/** Drops the scratch schemas of replays kept longer than a day: the schema first, so a failed drop is tried again next time. */
async function dropOldReplays(db: Database): Promise<void> {
  const { rows } = await db.query<{ replay_id: string }>(`SELECT replay_id FROM audit_replays WHERE created_at < now() - interval '${KEPT_FOR}'`);
  for (const { replay_id } of rows) {
    await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(replaySchema(replay_id))} CASCADE`);
    await db.query(`DELETE FROM audit_replays WHERE replay_id = $1`, [replay_id]);
  }
}

const NOT_YET = { zh: '该时间点之前没有任何事件', en: 'nothing had happened yet at that moment' };

export const startReplayRoute: ServerRoute<{ Payload: { projection: string; asOf: { position?: string; time?: string } } }> = {
  method: 'POST',
  path: '/audit/replays',
  options: {
    description: 'Rebuild a read model as of a position or a moment (auditor, admin)',
    notes: `projection: ${REPLAYABLE.join(', ')}. 201 at once; follow it at GET /audit/replays/{replayId}.`,
    tags: ['api', 'audit'],
    auth: { access: { scope: ['auditor', 'admin'] } },
    plugins: { jxjy: { audited: true, successStatus: 201, labels: { projection: { zh: '数据视图', en: 'Read model' }, position: { zh: '事件位置', en: 'Position' }, time: { zh: '时间点', en: 'Moment' } } } },
    validate: {
      payload: Joi.object({
        projection: Joi.string().valid(...REPLAYABLE).required(),
        asOf: Joi.object({ position: afterQuery.after, time: Joi.string().isoDate() }).xor('position', 'time').meta({ 'x-jxjy-schema': { oneOf: [{ required: ['position'] }, { required: ['time'] }] } }).required(),
      }),
    },
    response: { status: { 201: Joi.object({ replayId: Joi.string().required(), status: Joi.string().required(), asOf: Joi.object({ position: Joi.string(), time: Joi.string() }).required(), position: Joi.string().required() }).label('ReplayStarted') } },
    handler: async (request, h) => {
      const { db, store, config } = request.server.app.deps;
      const { projection, asOf } = request.payload;
      await dropOldReplays(db);
      const head = await store.headPosition();
      const to = asOf.position ?? (await positionAt(store, new Date(asOf.time!).toISOString(), head));
      if (!to) throw new UnprocessableError(NOT_YET, { details: [{ field: 'time', message: NOT_YET }] });
      if (to > head) {
        const beyond = { zh: '该位置之后尚无可读的事件', en: 'that position is beyond the readable log' };
        throw new UnprocessableError(beyond, { details: [{ field: 'position', message: beyond }] });
      }
      const replayId = crypto.randomUUID();
      const { actor } = eventMetadata(request);
      await db.query(`INSERT INTO audit_replays (replay_id, projection, as_of, to_position, status, requested_by) VALUES ($1, $2, $3, $4, 'running', $5)`, [
        replayId, projection, JSON.stringify(asOf), to, actor.id,
      ]);
      await withTemporal(request, (client) =>
        client.workflow.start('replayRun', { workflowId: replayWorkflowId(replayId), taskQueue: config.temporalTaskQueue, args: [{ replayId, projection, to }] }),
      ).catch(async (error: unknown) => {
        // Never started: say so rather than leave it "running" for a day.
        await db.query(`UPDATE audit_replays SET status = 'failed', error = 'the replay could not be started', finished_at = now() WHERE replay_id = $1`, [replayId]);
        throw error;
      });
      return h.response({ replayId, status: 'running', asOf, position: to }).code(201);
    },
  },
};

interface ReplayRow {
  replay_id: string;
  projection: string;
  as_of: Record<string, string>;
  to_position: string;
  position: string | null;
  status: 'running' | 'completed' | 'failed';
  error: string | null;
}

export const getReplayRoute: ServerRoute<{ Params: { replayId: string }; Query: { diff?: 'live'; limit: number } }> = {
  method: 'GET',
  path: '/audit/replays/{replayId}',
  options: {
    description: 'A replay’s rows, and with ?diff=live the rows that differ from today’s (auditor, admin)',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['auditor', 'admin'] } },
    plugins: { jxjy: { audited: true, labels: { diff: { zh: '比较对象', en: 'Compare with' } } } },
    validate: {
      params: Joi.object({ replayId: Joi.string().guid().required() }),
      query: Joi.object({ diff: Joi.string().valid('live'), limit: Joi.number().integer().min(1).max(1_000).default(200) }),
    },
    response: {
      schema: Joi.object({
        replayId: Joi.string().required(),
        status: Joi.string().valid('running', 'completed', 'failed').required(),
        projection: Joi.string().required(),
        asOf: Joi.object({ position: Joi.string(), time: Joi.string() }).required(),
        position: Joi.string().required().description('the last event folded'),
        rows: Joi.array().items(Joi.object().unknown()),
        totalRows: Joi.number().integer(),
        differences: Joi.array().items(Joi.object({ key: Joi.object().unknown(), replay: Joi.object().unknown().allow(null), live: Joi.object().unknown().allow(null) })),
        totalDifferences: Joi.number().integer(),
        error: Joi.string(),
      }).label('Replay'),
    },
    handler: async (request) => {
      const { db } = request.server.app.deps;
      const { rows } = await db.query<ReplayRow>(`SELECT replay_id, projection, as_of, to_position, position, status, error FROM audit_replays WHERE replay_id = $1`, [request.params.replayId]);
      const replay = rows[0];
      if (!replay) throw new NotFoundError();
      const base = { replayId: replay.replay_id, status: replay.status, projection: replay.projection, asOf: replay.as_of, position: replay.position || replay.to_position };
      if (replay.status === 'failed') return { ...base, error: replay.error ?? 'failed' };
      if (replay.status !== 'completed') return base;
      const view = REPLAY_VIEWS[replay.projection]!;
      const schema = replaySchema(replay.replay_id);
      const shown = await replayRows(db, view, schema, request.query.limit);
      if (request.query.diff !== 'live') return { ...base, rows: shown.rows, totalRows: shown.total };
      const diff = await rowDifferences(db, view, schema, await liveSchema(db), request.query.limit);
      return { ...base, rows: shown.rows, totalRows: shown.total, differences: diff.differences, totalDifferences: diff.total };
    },
  },
};
