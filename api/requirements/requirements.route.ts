/** GET /requirements/{year} — what a year asks for; PUT — admin sets it (人社部门设置年度学时要求). */
import type { ServerRoute } from '@hapi/hapi';
import { toHalfHours } from '../../events/credit.js';
import { requirementsWorkflowId, setRequirementsUpdate } from '../../workflows/requirements/messages.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { hoursOf, loadRequirements } from './load.js';

const params = Joi.object({ year: Joi.number().integer().min(1990).max(2100).required() });

export const requirementsSchema = Joi.object({
  year: Joi.number().integer().required(),
  public: Joi.number().required(),
  professional: Joi.number().required(),
  elective: Joi.number().required(),
  total: Joi.number().required(),
  setAt: Joi.string().allow(null).required(),
  position: Joi.string(),
}).label('Requirements');

const hours = () => Joi.number().min(0).max(500).multiple(0.5).required();

export const getRequirementsRoute: ServerRoute<{ Params: { year: number } }> = {
  method: 'GET',
  path: '/requirements/{year}',
  options: {
    description: 'A year’s required hours per category',
    notes: 'The defaults of DOMAIN.md when admin set none (setAt null).',
    tags: ['api', 'requirements'],
    validate: { params },
    response: { schema: requirementsSchema },
    handler: async (request) => {
      const { halfHours: _h, ...requirements } = await loadRequirements(request.server.app.deps.store, request.params.year);
      return requirements;
    },
  },
};

export const putRequirementsRoute: ServerRoute<{ Params: { year: number }; Payload: { public: number; professional: number; elective: number } }> = {
  method: 'PUT',
  path: '/requirements/{year}',
  options: {
    description: 'Set a year’s required hours (admin)',
    tags: ['api', 'requirements'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { labels: { public: { zh: '公需科目', en: 'Public' }, professional: { zh: '专业科目', en: 'Professional' }, elective: { zh: '选修科目', en: 'Elective' } } } },
    validate: { params, payload: Joi.object({ public: hours(), professional: hours(), elective: hours() }) },
    response: { schema: requirementsSchema },
    handler: async (request) => {
      const { year } = request.params;
      const metadata = eventMetadata(request);
      const halfHours = { public: toHalfHours(request.payload.public), professional: toHalfHours(request.payload.professional), elective: toHalfHours(request.payload.elective) };
      const view = await sendCommand(request, {
        workflowId: requirementsWorkflowId(year),
        update: setRequirementsUpdate,
        args: { halfHours, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return { year, ...hoursOf(view.halfHours), setAt: view.setAt, position: view.position };
    },
  },
};
