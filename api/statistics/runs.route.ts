/**
 * The daily statistics run (统计): admin starts one now (`POST /statistics/runs`, 202) beside the daily schedule;
 * admin and auditors read the recorded runs — counts, and every discrepancy between the events and the live totals.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import { type StatisticsRunRow, getStatisticsRun, statisticsRunsPage } from '../../projections/statistics.js';
import { type StatisticsRunInput, adminStatisticsWorkflowId } from '../../workflows/statistics/messages.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { eventMetadata } from '../request-context.js';
import { withTemporal } from '../temporal-client.js';

const discrepancy = Joi.object({
  personId: Joi.string().required(),
  year: Joi.number().integer().required(),
  category: Joi.string().required(),
  fromEvents: Joi.number().required().description('hours'),
  inProjection: Joi.number().required().description('hours'),
}).label('Discrepancy');

export const runSchema = Joi.object({
  runId: Joi.string().required(),
  status: Joi.string().valid('running', 'completed', 'failed').required(),
  trigger: Joi.string().valid('schedule', 'admin'),
  startedAt: Joi.string(),
  finishedAt: Joi.string(),
  events: Joi.number().integer(),
  persons: Joi.number().integer(),
  personYears: Joi.number().integer(),
  hours: Joi.object({ public: Joi.number(), professional: Joi.number(), elective: Joi.number() }),
  discrepancies: Joi.number().integer(),
  samples: Joi.array().items(discrepancy),
}).label('StatisticsRun');

const half = (n: number) => n / 2;

export function runBody(row: StatisticsRunRow) {
  const r = row.result;
  return {
    runId: row.runId, status: 'completed' as const, trigger: r.trigger, startedAt: r.startedAt, finishedAt: r.finishedAt, events: r.events, persons: r.persons,
    personYears: r.personYears, hours: { public: half(r.halfHours.public), professional: half(r.halfHours.professional), elective: half(r.halfHours.elective) },
    discrepancies: r.discrepancies, samples: r.samples.map((d) => ({ ...d, fromEvents: half(d.fromEvents), inProjection: half(d.inProjection) })),
  };
}

export const startRunRoute: ServerRoute = {
  method: 'POST',
  path: '/statistics/runs',
  options: {
    description: 'Run the statistics now (admin)',
    notes: '202: the run goes on in the background; follow it at GET /statistics/runs/{runId}.',
    tags: ['api', 'statistics'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { successStatus: 202 } },
    response: { status: { 202: Joi.object({ runId: Joi.string().required(), status: Joi.string().valid('running').required() }).label('StatisticsRunStarted') } },
    handler: async (request, h) => {
      const { config } = request.server.app.deps;
      const runId = adminStatisticsWorkflowId(crypto.randomUUID());
      const { actor, correlationId } = eventMetadata(request);
      const input: StatisticsRunInput = { trigger: 'admin', requestedBy: { id: actor.id, role: actor.role }, correlationId };
      await withTemporal(request, (client) => client.workflow.start('statisticsRun', { workflowId: runId, taskQueue: config.temporalTaskQueue, args: [input] }));
      return h.response({ runId, status: 'running' }).code(202);
    },
  },
};

export const listRunsRoute: ServerRoute<{ Query: { limit: number; cursor?: string; after?: string } }> = {
  method: 'GET',
  path: '/statistics/runs',
  options: {
    description: 'The latest statistics runs (admin, auditor)',
    tags: ['api', 'statistics'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    validate: { query: Joi.object({ limit: Joi.number().integer().min(1).max(100).default(10), cursor: Joi.string().max(300), ...afterQuery }) },
    response: { schema: Joi.object({ items: Joi.array().items(runSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('StatisticsRuns') },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['statistics_runs']);
      const page = await statisticsRunsPage(request.server.app.deps.db, request.query.limit, request.query.cursor);
      return { items: page.items.map(runBody), nextCursor: page.nextCursor };
    },
  },
};

export const getRunRoute: ServerRoute<{ Params: { runId: string } }> = {
  method: 'GET',
  path: '/statistics/runs/{runId}',
  options: {
    description: 'One statistics run (admin, auditor)',
    notes: '`running` until recorded; `failed` when the run gave up.',
    tags: ['api', 'statistics'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    validate: { params: Joi.object({ runId: Joi.string().pattern(/^statistics-[A-Za-z0-9:._-]{1,80}$/).required() }) },
    response: { schema: runSchema },
    handler: async (request) => {
      const { runId } = request.params;
      const recorded = await getStatisticsRun(request.server.app.deps.db, runId);
      if (recorded) return runBody(recorded);
      const described = await withTemporal(request, (client) => client.workflow.getHandle(runId).describe()).catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) throw new NotFoundError();
        throw error;
      });
      const failed = ['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED'].includes(described.status.name);
      return { runId, status: failed ? 'failed' : 'running' };
    },
  },
};
