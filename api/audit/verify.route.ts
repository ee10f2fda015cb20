/**
 * POST /audit/verify — every stream's chain recomputed from the stored rows, in one bounded-memory pass over the log
 * (events/store/verify-log.ts). A client that accepts `application/x-ndjson` gets a progress line per page as it goes
 * (`{"progress":{events, streams, position}}`) and the result as the last line (`{"result":{…}}`); anyone else gets the
 * result as JSON when it is done. Then every seal's Merkle root is recomputed from the events under it and its
 * signature checked (events/store/seal-proofs.ts); a seal that does not hold is a problem like a broken chain.
 */
import { PassThrough } from 'node:stream';
import crypto from 'node:crypto';
import type { Request, ServerRoute } from '@hapi/hapi';
import { verifySeals } from '../../events/store/seal-proofs.js';
import { keyIdOf } from '../../events/store/seals.js';
import { type LogProgress, verifyLog } from '../../events/store/verify-log.js';
import { requestHeader } from '../headers.js';
import { Joi } from '../joi.js';

export const verificationResultSchema = Joi.object({
  streams: Joi.number().integer().required(),
  events: Joi.number().integer().required(),
  valid: Joi.boolean().required(),
  problems: Joi.array()
    .items(Joi.object({ streamId: Joi.string(), revision: Joi.number().integer(), position: Joi.string(), problem: Joi.string() }))
    .required(),
  upTo: Joi.string().allow('').required(),
  seals: Joi.number().integer().required(),
  sealProblems: Joi.array().items(Joi.object({ sealId: Joi.string(), position: Joi.string(), problem: Joi.string() })).required(),
}).label('LogVerification');

/** The chains, then the seals: one answer. */
async function verifyAll(request: Request, onProgress?: (progress: LogProgress) => void) {
  const { store, db, config } = request.server.app.deps;
  // The bar's end: the stream catalog counts every event (a moment behind the log; never less than what was checked).
  const total = onProgress
    ? Number((await db.query<{ n: string | null }>(`SELECT sum(event_count)::text AS n FROM stream_catalog`)).rows[0]?.n ?? 0)
    : undefined;
  const chains = await verifyLog(store, onProgress ? { onProgress, ...(total ? { total } : {}) } : {});
  const key = crypto.createPublicKey(config.sealKey);
  const seals = await verifySeals(db, store, key, keyIdOf(key));
  return { ...chains, valid: chains.valid && seals.problems.length === 0, seals: seals.seals, sealProblems: seals.problems };
}

export const verifyRoute: ServerRoute = {
  method: 'POST',
  path: '/audit/verify',
  options: {
    description: 'Verify the whole log (auditor, admin)',
    notes: 'Accept: application/x-ndjson streams progress lines, then the result.',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['auditor', 'admin'] } },
    plugins: { jxjy: { audited: true } },
    // Documented, not checked: hapi cannot validate the streamed (NDJSON) variety of this answer.
    response: { schema: verificationResultSchema, sample: 0 },
    handler: async (request, h) => {
      if (!(requestHeader(request, 'accept') ?? '').includes('application/x-ndjson')) return verifyAll(request);
      const lines = new PassThrough();
      const write = (value: unknown) => lines.write(`${JSON.stringify(value)}\n`);
      verifyAll(request, (progress) => void write({ progress }))
        .then((result) => write({ result }))
        .catch((error: unknown) => {
          request.log(['error'], error as Error);
          write({ error: { message: 'the verification stopped; try again' } });
        })
        .finally(() => lines.end());
      return h.response(lines).type('application/x-ndjson').header('Cache-Control', 'no-store');
    },
  },
};
