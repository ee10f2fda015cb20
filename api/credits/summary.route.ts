/**
 * GET /me/credit-summary?year= — a person's year against its requirements (继续教育完成情况): required, completed
 * (approved hours), what is still missing per category, and whether each category is met (`eligible`: hours beyond
 * one category never fill another). `?after=` waits until the totals show the caller's own last change.
 */
import type { ServerRoute } from '@hapi/hapi';
import { chinaYear } from '../../events/vocabulary/index.js';
import { recentStatisticsRuns } from '../../projections/statistics.js';
import { nowOf } from '../clock.js';
import { Joi } from '../joi.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { asHours, yearStanding } from './year-standing.js';

const byCategory = Joi.object({ public: Joi.number().required(), professional: Joi.number().required(), elective: Joi.number().required(), total: Joi.number().required() });

export const summarySchema = Joi.object({
  year: Joi.number().integer().required(),
  required: byCategory.required(),
  completed: byCategory.required(),
  missing: byCategory.required(),
  eligible: Joi.boolean().required(),
  asOf: Joi.string().allow(null).required(),
  statistics: Joi.object({ lastRunAt: Joi.string().required(), discrepancies: Joi.number().integer().required() })
    .allow(null)
    .required()
    .description('the last daily statistics run (统计时间), which recomputes every total from the events'),
}).label('CreditSummary');

export const summaryRoute: ServerRoute<{ Query: { year?: number; after?: string } }> = {
  method: 'GET',
  path: '/me/credit-summary',
  options: {
    description: 'My year against its requirements',
    notes: 'year defaults to this year. asOf: when the totals were last brought up to date; statistics: when the daily run last checked them.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: { query: Joi.object({ year: Joi.number().integer().min(1990).max(2100), ...afterQuery }) },
    response: { schema: summarySchema },
    handler: async (request) => {
      const { db, store } = request.server.app.deps;
      await waitForPosition(request, request.query.after, ['credit_totals']);
      const year = request.query.year ?? chinaYear(nowOf(request));
      const [standing, checkpoint, [lastRun]] = await Promise.all([
        yearStanding(db, store, request.auth.credentials.subjectId, year),
        db.query<{ updated_at: string }>(`SELECT updated_at::text FROM projection_checkpoints WHERE name = 'credit_totals'`),
        recentStatisticsRuns(db, 1),
      ]);
      const updatedAt = checkpoint.rows[0]?.updated_at;
      return {
        year,
        required: asHours(standing.required),
        completed: asHours(standing.completed),
        missing: asHours(standing.missing),
        eligible: standing.eligible,
        asOf: updatedAt ? new Date(updatedAt).toISOString() : null,
        statistics: lastRun ? { lastRunAt: lastRun.finishedAt, discrepancies: lastRun.discrepancies } : null,
      };
    },
  },
};
