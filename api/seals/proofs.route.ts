/**
 * Proofs against the signed seals, computed from the events as stored now (RFC 6962): the audit path of one event
 * under a seal, and the consistency of an older seal with a newer one. A client checks them with the seal's root
 * alone; one that does not verify means the log changed after it was sealed.
 */
import type { ReqRef, Request, ServerRoute } from '@hapi/hapi';
import { type ProofResult, sealConsistencyProof, sealInclusionProof } from '../../events/store/seal-proofs.js';
import { type Seal, findSeal, sealBody } from '../../events/store/seals.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { Joi } from '../joi.js';
import { SEAL_LABELS } from './schemas.js';

const hexList = Joi.array().items(Joi.string().pattern(/^[0-9a-f]{64}$/)).required();

async function sealOrNotFound<R extends ReqRef>(request: Request<R>, sealId: string): Promise<Seal> {
  const seal = await findSeal(request.server.app.deps.db, sealId);
  if (!seal) throw new NotFoundError({ zh: '没有这个封存', en: 'no such seal' });
  return sealBody(seal);
}

function proven<T>(result: ProofResult<T>, seal: Seal): T {
  if (result.ok) return result.value;
  if (result.reason === 'not_covered') throw new NotFoundError({ zh: '该事件不在这次封存的范围内', en: 'this event is not covered by this seal' });
  throw new ConflictError({
    zh: `事件日志已与封存不符：封存覆盖 ${seal.count} 条事件，现存 ${result.found ?? 0} 条；请运行完整性校验`,
    en: `the log no longer matches this seal: it covered ${seal.count} events, ${result.found ?? 0} are stored up to its position; run POST /audit/verify`,
  });
}

export const proofRoute: ServerRoute<{ Params: { sealId: string }; Query: { eventId: string } }> = {
  method: 'GET',
  path: '/audit/seals/{sealId}/proof',
  options: {
    description: 'The audit path of one event under a seal (admin, auditor)',
    notes: 'RFC 6962 PATH(leafIndex, D[count]), nearest sibling first. 404 when the event is not covered by the seal.',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { labels: SEAL_LABELS, audited: true, statuses: [409] } },
    validate: { params: Joi.object({ sealId: Joi.string().guid().required() }), query: Joi.object({ eventId: Joi.string().guid().required() }) },
    response: { schema: Joi.object({ leafIndex: Joi.number().integer().min(0).required(), count: Joi.number().integer().required(), path: hexList }).label('InclusionProof') },
    handler: async (request) => {
      const seal = await sealOrNotFound(request, request.params.sealId);
      return proven(await sealInclusionProof(request.server.app.deps.store, seal, request.query.eventId), seal);
    },
  },
};

const treeSchema = Joi.object({ count: Joi.number().integer().required(), root: Joi.string().required() });

export const consistencyRoute: ServerRoute<{ Query: { from: string; to: string } }> = {
  method: 'GET',
  path: '/audit/seals/consistency',
  options: {
    description: 'Proof that an older seal’s log is a prefix of a newer one’s (admin, auditor)',
    notes: 'RFC 6962 PROOF(from.count, D[to.count]); empty when both seals cover the same events.',
    tags: ['api', 'audit'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { labels: SEAL_LABELS, audited: true, statuses: [404] } },
    validate: { query: Joi.object({ from: Joi.string().guid().required(), to: Joi.string().guid().required() }) },
    response: { schema: Joi.object({ from: treeSchema, to: treeSchema, proof: hexList }).label('ConsistencyProof') },
    handler: async (request) => {
      const [from, to] = [await sealOrNotFound(request, request.query.from), await sealOrNotFound(request, request.query.to)];
      if (from.count > to.count) {
        const message = { zh: '起始封存必须早于或等于目标封存', en: 'from must be a seal no newer than to' };
        throw new ValidationError(message, { details: [{ field: 'from', message }] });
      }
      const proof = proven(await sealConsistencyProof(request.server.app.deps.store, from, to), to);
      return { from: { count: from.count, root: from.root }, to: { count: to.count, root: to.root }, proof };
    },
  },
};
