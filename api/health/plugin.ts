/**
 * `GET /health` (public, outside /api/v1): each dependency probed in parallel with its own timeout, so one
 * hung dependency cannot hang the probe. 200 when all are ok, 503 naming the failing check otherwise; the
 * body has the same shape either way, so a load balancer and a person read the same thing.
 *
 * `checks.projections.projections` lists each projection's checkpoint, lag and, while it fails and retries, its
 * error. A failing projection does not turn the check into 503: the others still serve, and a load balancer that
 * pulled every API instance for one stale read model would turn it into a full outage.
 */
import type { Plugin, Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';

const DEFAULT_TIMEOUT_MS = 2000;

type Check = { status: 'ok' } | { status: 'error'; message: string };

interface HealthBody {
  status: 'ok' | 'error';
  checks: {
    store: Check;
    temporal: Check;
    projections: Check & {
      lag?: number;
      position?: string;
      leader?: boolean;
      projections?: Array<{ name: string; position: string; lag: number; error?: string }>;
    };
  };
}

const checkSchema = Joi.object({
  status: Joi.string().valid('ok', 'error').required(),
  message: Joi.string(),
  lag: Joi.number(),
  position: Joi.string().allow(''),
  /** Whether this process is the one applying (others stand by or only read checkpoints). */
  leader: Joi.boolean(),
  projections: Joi.array().items(
    Joi.object({
      name: Joi.string().required(),
      position: Joi.string().allow('').required(),
      lag: Joi.number().required(),
      error: Joi.string(),
    }).label('ProjectionHealth'),
  ),
});

const healthSchema = Joi.object({
  status: Joi.string().valid('ok', 'error').required(),
  checks: Joi.object({ store: checkSchema, temporal: checkSchema, projections: checkSchema }).required(),
}).label('Health');

async function health(request: Request, h: ResponseToolkit) {
  const { store, temporal, projections, config, logger } = request.server.app.deps;
  const timeoutMs = request.server.app.deps.healthTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const probe = <T>(name: string, fn: () => Promise<T>) =>
    withTimeout(fn(), timeoutMs).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        logger.warn({ err: error, check: name }, 'health check failed');
        // Health is public: in production say only that it failed; the log has the reason.
        const message = config.production ? 'unavailable' : errorMessage(error);
        return { ok: false as const, check: { status: 'error' as const, message } };
      },
    );
  const [storeResult, temporalResult, projectionResult] = await Promise.all([
    probe('store', () => store.ping()),
    probe('temporal', () => temporal.check()),
    probe('projections', () => projections.status()),
  ]);
  const body: HealthBody = {
    status: storeResult.ok && temporalResult.ok && projectionResult.ok ? 'ok' : 'error',
    checks: {
      store: storeResult.ok ? { status: 'ok' } : storeResult.check,
      temporal: temporalResult.ok ? { status: 'ok' } : temporalResult.check,
      projections: projectionResult.ok ? { status: 'ok', ...redacted(projectionResult.value, config.production) } : projectionResult.check,
    },
  };
  return h.response(body).code(body.status === 'ok' ? 200 : 503).header('Cache-Control', 'no-store');
}

/** /health is public: in production a failing projection says that it fails, not the database's words (they can quote data). */
function redacted<T extends { projections?: Array<{ error?: string }> }>(status: T, production: boolean): T {
  if (!production || !status.projections) return status;
  return { ...status, projections: status.projections.map((p) => (p.error ? { ...p, error: 'failing' } : p)) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const errorMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300) || 'failed';

const route: ServerRoute = {
  method: 'GET',
  path: '/health',
  options: {
    auth: false,
    description: 'Health of the API and its dependencies',
    notes: '200 when the store, Temporal and the projections answer; 503 with the failing check marked error.',
    tags: ['health'],
    response: { status: { 200: healthSchema, 503: healthSchema } },
    handler: health,
  },
};

export const healthPlugin: Plugin<void> = {
  name: 'jxjy-health',
  register(server) {
    server.route(route);
  },
};
