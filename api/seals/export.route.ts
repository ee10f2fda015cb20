/**
 * GET /audit/export — the log and its seals as NDJSON (events/store/audit-export.ts), streamed page by page and
 * checkable offline with `npm run verify-export -- <file>`.
 */
import { Readable } from 'node:stream';
import type { ServerRoute } from '@hapi/hapi';
import { exportLines } from '../../events/store/audit-export.js';
import { sealLog } from '../../events/store/seals.js';
import { nowOf } from '../clock.js';
import { ValidationError } from '../errors.js';
import { contentDisposition } from '../files/filenames.js';
import { Joi } from '../joi.js';
import { positionPattern, publicSide } from './schemas.js';

const position = (what: string) => Joi.string().pattern(positionPattern).messages({ 'string.pattern.base': `{{#label}} must be an event position (${what})` });

const refuse = (field: string, message: { zh: string; en: string }) => new ValidationError(message, { details: [{ field, message }] });

export const exportRoute: ServerRoute<{ Query: { after?: string; to?: string } }> = {
  method: 'GET',
  path: '/audit/export',
  options: {
    description: 'The event log and its seals as NDJSON, for offline verification (admin, auditor)',
    notes:
      'application/x-ndjson: a header line (format, public key, the Merkle state before `after`), one line per event in global order ' +
      '(the fields of /audit/events), each seal right after the last event it covers, and an end line. `after` (exclusive) and `to` ' +
      '(inclusive) bound it; by default the whole log up to the newest readable event, sealed first if the newest seal does not cover it. ' +
      'Check it with `npm run verify-export -- <file>`.',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { labels: { to: { zh: '截止位置', en: 'Up to position' } }, audited: true } },
    validate: { query: Joi.object({ after: position('exclusive'), to: position('inclusive') }) },
    handler: async (request, h) => {
      const { db, store, config } = request.server.app.deps;
      const { after, to } = request.query;
      if (after && to && to < after) throw refuse('to', { zh: '截止位置不能早于起始位置', en: 'to must not come before after' });
      if (after && after > (await store.headPosition())) throw refuse('after', { zh: '该位置之后还没有可读的事件', en: 'after is beyond the newest readable event' });
      const now = nowOf(request);
      // A whole export up to now ends sealed: what no seal covers, a holder of the file could rewrite unnoticed.
      if (!to) await sealLog({ db, store, key: config.sealKey, now: () => now });
      const lines = exportLines({ db, store, ...publicSide(config.sealKey), now: () => now, ...(after ? { after } : {}), ...(to ? { to } : {}) });
      // A byte stream: Readable.from makes object streams by default, which hapi answers with a 500.
      return h
        .response(Readable.from(lines, { objectMode: false }))
        .type('application/x-ndjson; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`jxjy-audit-${now.toISOString().replace(/[:.]/g, '-')}.ndjson`))
        .header('Cache-Control', 'private, no-store');
    },
  },
};
