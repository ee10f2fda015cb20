/**
 * Who watches the auditors: every read an auditor or admin makes through an audited route (`plugins.jxjy.audited`) is
 * kept — who, which route, with which parameters, when — before the route answers, in an operational table beside the
 * read models (it is not a fact of the domain, so not an event). A read that cannot be recorded is not served (503).
 * Admin pages through it at `GET /audit/access-log`.
 */
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { InvalidCursorError, decodeCursor, encodeCursor } from '../../projections/cursor.js';
import { UnavailableError } from '../errors.js';
import { Joi } from '../joi.js';

export const ACCESS_LOG_DDL = `
CREATE TABLE IF NOT EXISTS audit_access_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  account_id text NOT NULL,
  role       text NOT NULL,
  method     text NOT NULL,
  route      text NOT NULL,
  path       text NOT NULL,
  query      text NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_access_log_recent ON audit_access_log (id DESC);`;

const WATCHED_ROLES = new Set(['auditor', 'admin']);

export async function recordAuditedRead(request: Request, h: ResponseToolkit) {
  if (!request.route.settings.plugins?.jxjy?.audited || !request.auth.isAuthenticated) return h.continue;
  const { accountId, role } = request.auth.credentials;
  if (!WATCHED_ROLES.has(role)) return h.continue;
  try {
    await request.server.app.deps.db.query(
      `INSERT INTO audit_access_log (account_id, role, method, route, path, query) VALUES ($1, $2, $3, $4, $5, $6)`,
      [accountId, role, request.method.toUpperCase(), request.route.path, request.path, request.url.search.replace(/^\?/, '')],
    );
  } catch (error) {
    throw new UnavailableError({ zh: '审计访问记录暂时无法写入，请稍后再试', en: 'this read cannot be recorded right now; try again later' }, { cause: error });
  }
  return h.continue;
}

export const accessLogRoute: ServerRoute<{ Query: { limit: number; cursor?: string; accountId?: string } }> = {
  method: 'GET',
  path: '/audit/access-log',
  options: {
    description: 'Who read what through the audit routes, newest first (admin)',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { labels: { accountId: { zh: '账号', en: 'Account' } } } },
    validate: { query: Joi.object({ limit: Joi.number().integer().min(1).max(200).default(50), cursor: Joi.string().max(200), accountId: Joi.string().max(100) }) },
    response: {
      schema: Joi.object({
        items: Joi.array().items(Joi.object({ at: Joi.string(), accountId: Joi.string(), role: Joi.string(), method: Joi.string(), route: Joi.string(), path: Joi.string(), query: Joi.string().allow('') })).required(),
        nextCursor: Joi.string().allow(null).required(),
      }).label('AccessLogPage'),
    },
    handler: async (request) => {
      const { limit, cursor, accountId } = request.query;
      const before = decodeCursor(cursor, 1)?.[0];
      if (before !== undefined && !/^\d{1,18}$/.test(before)) throw new InvalidCursorError();
      const params: unknown[] = [limit + 1];
      const where: string[] = [];
      if (before) where.push(`id < $${params.push(before)}`);
      if (accountId) where.push(`account_id = $${params.push(accountId)}`);
      const { rows } = await request.server.app.deps.db.query<{ id: string; at: Date | string; account_id: string; role: string; method: string; route: string; path: string; query: string }>(
        `SELECT id::text, at, account_id, role, method, route, path, query FROM audit_access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $1`,
        params,
      );
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({ at: new Date(r.at).toISOString(), accountId: r.account_id, role: r.role, method: r.method, route: r.route, path: r.path, query: r.query })),
        nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      };
    },
  },
};
