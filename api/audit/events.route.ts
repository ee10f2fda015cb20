/**
 * GET /audit/events — the whole log in global order, paged by position, filtered by stream, type or actor; and
 * GET /audit/streams/{streamId} — one stream with its chain recomputed from the stored rows.
 */
import type { ServerRoute } from '@hapi/hapi';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { verifyChain } from '../../events/store/hash-chain.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { afterQuery } from '../read-your-writes.js';
import { auditEvent, auditEventSchema } from './audit-events.js';

const auditors = { access: { scope: ['auditor', 'admin'] } };
/** Events looked at per request when filtering by actor (the store cannot filter on metadata): the page ends there. */
const SCAN_LIMIT = 5_000;
const position = () => afterQuery.after;

interface EventsQuery {
  after?: string;
  limit: number;
  streamId?: string;
  type?: string;
  actorId?: string;
}

export const auditEventsRoute: ServerRoute<{ Query: EventsQuery }> = {
  method: 'GET',
  path: '/audit/events',
  options: {
    description: 'The event log in global order (auditor, admin)',
    notes: 'after: a position (nextCursor of the previous page). type may list several, comma-separated. Filtering by actor looks at up to 5,000 events per page; nextCursor goes on from where it stopped.',
    tags: ['api', 'audit'],
    auth: auditors,
    plugins: { jxjy: { audited: true, labels: { streamId: { zh: '事件流', en: 'Stream' }, type: { zh: '事件类型', en: 'Event type' }, actorId: { zh: '操作人', en: 'Actor' } } } },
    validate: {
      query: Joi.object({
        after: position(),
        limit: Joi.number().integer().min(1).max(500).default(100),
        streamId: Joi.string().max(200),
        type: Joi.string().max(500).pattern(/^[A-Za-z]+(,[A-Za-z]+)*$/),
        actorId: Joi.string().max(200),
      }),
    },
    response: { schema: Joi.object({ items: Joi.array().items(auditEventSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('AuditEventPage') },
    handler: async (request) => {
      const { store } = request.server.app.deps;
      const { after, limit, streamId, type, actorId } = request.query;
      const types = type ? type.split(',') : undefined;
      const matches = (event: RecordedEvent) => (!types || types.includes(event.type)) && (!actorId || event.metadata.actor?.id === actorId);

      if (streamId) {
        const events = (await store.readStream(streamId)).filter((e) => (!after || e.position > after) && matches(e));
        const page = events.slice(0, limit);
        return { items: page.map(auditEvent), nextCursor: events.length > limit ? page.at(-1)!.position : null };
      }
      const items: RecordedEvent[] = [];
      let cursor = after;
      let scanned = 0;
      for (;;) {
        const want = actorId ? Math.min(500, SCAN_LIMIT - scanned) : limit + 1 - items.length;
        const page = await store.readPage({ ...(cursor ? { after: cursor } : {}), limit: want, ...(types ? { filter: { eventTypes: types } } : {}) });
        scanned += page.events.length;
        for (const event of page.events) if (matches(event)) items.push(event);
        const ended = page.events.length < want || page.checkpoint === (cursor ?? '');
        cursor = page.checkpoint;
        if (items.length > limit) return { items: items.slice(0, limit).map(auditEvent), nextCursor: items[limit - 1]!.position };
        if (ended) return { items: items.map(auditEvent), nextCursor: null };
        if (actorId && scanned >= SCAN_LIMIT) return { items: items.map(auditEvent), nextCursor: cursor };
      }
    },
  },
};

export const auditStreamRoute: ServerRoute<{ Params: { streamId: string } }> = {
  method: 'GET',
  path: '/audit/streams/{streamId}',
  options: {
    description: 'One stream with its hash chain checked (auditor, admin)',
    tags: ['api', 'audit'],
    auth: auditors,
    plugins: { jxjy: { audited: true, labels: { streamId: { zh: '事件流', en: 'Stream' } } } },
    validate: { params: Joi.object({ streamId: Joi.string().max(200).required() }) },
    response: {
      schema: Joi.object({
        streamId: Joi.string().required(),
        events: Joi.array().items(auditEventSchema).required(),
        chain: Joi.object({ valid: Joi.boolean().required(), brokenAt: Joi.number().integer(), problem: Joi.string() }).required(),
      }).label('AuditStream'),
    },
    handler: async (request) => {
      const { streamId } = request.params;
      const events = await request.server.app.deps.store.readStream(streamId);
      if (events.length === 0) throw new NotFoundError();
      const chain = verifyChain(streamId, events);
      return {
        streamId, events: events.map(auditEvent),
        chain: chain.ok ? { valid: true } : { valid: false, brokenAt: Number(chain.brokenAt), ...(chain.reason ? { problem: chain.reason } : {}) },
      };
    },
  },
};
