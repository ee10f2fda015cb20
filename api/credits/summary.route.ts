/**
 * GET /me/credit-summary?year= — a person's year against its requirements (继续教育完成情况): required, completed
 * (approved hours), what is still missing per category, and whether each category is met (`eligible`: hours beyond
 * one category never fill another). `?after=` waits until the totals show the caller's own last change.
 */
import type { ServerRoute } from '@hapi/hapi';
import { CREDIT_CATEGORIES, toHours } from '../../events/credit.js';
import { totalsOf } from '../../projections/credit-totals.js';
import { Joi } from '../joi.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { loadRequirements } from '../requirements/load.js';

const byCategory = Joi.object({ public: Joi.number().required(), professional: Joi.number().required(), elective: Joi.number().required(), total: Joi.number().required() });

export const summarySchema = Joi.object({
  year: Joi.number().integer().required(),
  required: byCategory.required(),
  completed: byCategory.required(),
  missing: byCategory.required(),
  eligible: Joi.boolean().required(),
  asOf: Joi.string().allow(null).required(),
}).label('CreditSummary');

export const summaryRoute: ServerRoute<{ Query: { year?: number; after?: string } }> = {
  method: 'GET',
  path: '/me/credit-summary',
  options: {
    description: 'My year against its requirements',
    notes: 'year defaults to this year. asOf: when the totals were last brought up to date.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: { query: Joi.object({ year: Joi.number().integer().min(1990).max(2100), ...afterQuery }) },
    response: { schema: summarySchema },
    handler: async (request) => {
      const { db, store } = request.server.app.deps;
      await waitForPosition(request, request.query.after, ['credit_totals']);
      const year = request.query.year ?? new Date().getUTCFullYear();
      const [requirements, totals, checkpoint] = await Promise.all([
        loadRequirements(store, year),
        totalsOf(db, request.auth.credentials.subjectId, year),
        db.query<{ updated_at: string }>(`SELECT updated_at::text FROM projection_checkpoints WHERE name = 'credit_totals'`),
      ]);
      const required = requirements.halfHours;
      const missing = Object.fromEntries(CREDIT_CATEGORIES.map((c) => [c, Math.max(0, required[c] - totals[c])])) as typeof totals;
      const asHours = (h: typeof totals) => ({
        public: toHours(h.public), professional: toHours(h.professional), elective: toHours(h.elective), total: toHours(h.public + h.professional + h.elective),
      });
      const updatedAt = checkpoint.rows[0]?.updated_at;
      return {
        year,
        required: asHours(required),
        completed: asHours(totals),
        missing: asHours(missing),
        eligible: CREDIT_CATEGORIES.every((c) => missing[c] === 0),
        asOf: updatedAt ? new Date(updatedAt).toISOString() : null,
      };
    },
  },
};
