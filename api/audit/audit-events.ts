/**
 * The log as auditors read it (CONTRACT.md Audit and replay): every field an outside party needs to recompute each
 * event's hash and each stream's chain — position, ids, revision, type, data, metadata, time, prevHash, hash. A secret
 * left in an event from before passwords moved out of the log is withheld and the event marked `redacted` (its hash
 * then cannot be recomputed from this page alone; the chain still links).
 */
import { withoutLegacySecrets } from '../../events/account.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { Joi } from '../joi.js';

export const auditEventSchema = Joi.object({
  position: Joi.string().required(),
  eventId: Joi.string().required(),
  streamId: Joi.string().required(),
  revision: Joi.number().integer().required(),
  type: Joi.string().required(),
  data: Joi.any(),
  metadata: Joi.object().unknown().required(),
  recordedAt: Joi.string().required(),
  prevHash: Joi.string().allow(null).required(),
  hash: Joi.string().required(),
  redacted: Joi.boolean(),
}).label('AuditEvent');

export function auditEvent(event: RecordedEvent) {
  const data = withoutLegacySecrets(event.data);
  return {
    position: event.position, eventId: event.eventId, streamId: event.streamId, revision: Number(event.revision), type: event.type, data: data ?? null,
    metadata: event.metadata, recordedAt: event.recordedAt, prevHash: event.prevHash, hash: event.hash, ...(data !== event.data ? { redacted: true } : {}),
  };
}
