/**
 * Seal the log now (admin, auditor), list the seals, and publish the key that verifies them.
 *
 * "Seal now" seals in the API process, not through the schedule's workflow: it needs only the database and the key,
 * answers with the seal itself (201) rather than a run to poll, and keeps working while Temporal is down — which is
 * when an auditor may most want a seal. The table's primary key keeps it and the schedule in one line of seals.
 */
import type { ServerRoute } from '@hapi/hapi';
import { listSeals, sealLog } from '../../events/store/seals.js';
import { InvalidCursorError, decodeCursor, encodeCursor } from '../../projections/cursor.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { Joi } from '../joi.js';
import { publicSide, sealSchema } from './schemas.js';

export const sealNowRoute: ServerRoute = {
  method: 'POST',
  path: '/audit/seals',
  options: {
    description: 'Seal the event log now (admin, auditor)',
    notes: '201 with the new seal, covering every event readable now; 200 with the latest seal when nothing was written since it; 409 while the log is empty.',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { successStatus: 201 } },
    response: { status: { 200: sealSchema, 201: sealSchema } },
    handler: async (request, h) => {
      const { db, store, config, logger } = request.server.app.deps;
      const sealed = await sealLog({ db, store, key: config.sealKey, now: () => nowOf(request) });
      if (!sealed) throw new ConflictError({ zh: '事件日志为空，无可封存的内容', en: 'the event log is empty: there is nothing to seal' });
      if (sealed.created) logger.info({ sealId: sealed.seal.sealId, count: sealed.seal.count, by: request.auth.credentials.accountId }, 'sealed the event log');
      return h.response(sealed.seal).code(sealed.created ? 201 : 200);
    },
  },
};

export const listSealsRoute: ServerRoute<{ Query: { limit: number; cursor?: string } }> = {
  method: 'GET',
  path: '/audit/seals',
  options: {
    description: 'The seals of the event log, newest first (admin, auditor)',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { query: Joi.object({ limit: Joi.number().integer().min(1).max(200).default(20), cursor: Joi.string().max(200) }) },
    response: { schema: Joi.object({ items: Joi.array().items(sealSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('Seals') },
    handler: async (request) => {
      const [before] = decodeCursor(request.query.cursor, 1) ?? [];
      if (before !== undefined && !/^\d{1,18}$/.test(before)) throw new InvalidCursorError();
      const page = await listSeals(request.server.app.deps.db, { limit: request.query.limit, ...(before ? { before: Number(before) } : {}) });
      return { items: page.items, nextCursor: page.next !== undefined ? encodeCursor([String(page.next)]) : null };
    },
  },
};

export const publicKeyRoute: ServerRoute = {
  method: 'GET',
  path: '/audit/public-key',
  options: {
    description: 'The public key that verifies every seal (anyone)',
    notes: 'Ed25519, SPKI PEM. Keep a copy: `npm run verify-export -- <file> --public-key <it>` then trusts it rather than the one an export carries.',
    tags: ['api', 'audit'],
    auth: false,
    response: { schema: Joi.object({ publicKeyPem: Joi.string().required(), keyId: Joi.string().required() }).label('SealPublicKey') },
    handler: (request) => publicSide(request.server.app.deps.config.sealKey),
  },
};
