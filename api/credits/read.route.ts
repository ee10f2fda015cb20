/**
 * GET /credit-records?year=&status= — my records with their status (read model); GET /credit-records/{id} — one
 * record with its history of decisions and reasons, straight from its stream, for its owner, the unit it was
 * submitted to, admin and auditors.
 */
import type { ServerRoute } from '@hapi/hapi';
import { CREDIT_EVENT_TYPES, type CreditStatus, toHours } from '../../events/credit.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { listCreditRecords } from '../../projections/credit-records.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { loadRecord, mayRead, recordBody } from './record-access.js';
import { recordSchema } from './schemas.js';

const HISTORY: Record<string, string> = {
  CreditRecordDrafted: 'drafted',
  CreditRecordEdited: 'edited',
  CreditRecordSubmitted: 'submitted',
  CreditRecordWithdrawn: 'withdrawn',
  CreditRecordApproved: 'approved',
  CreditRecordRejected: 'rejected',
  CreditRecordRevoked: 'revoked',
};

function history(events: RecordedEvent[]) {
  return events
    .filter((event) => HISTORY[event.type])
    .map((event) => {
      const actor = event.metadata.actor;
      const reason = (event.data as { reason?: string }).reason;
      return { event: HISTORY[event.type]!, at: event.recordedAt, by: actor ? { id: actor.id, role: actor.role } : { id: 'system', role: 'system' }, ...(reason ? { reason } : {}) };
    });
}

/** The unit's open task for this record, if one is waiting. */
function openTaskId(events: RecordedEvent[]): string | null {
  const open = new Set<string>();
  for (const event of events) {
    const { taskId } = event.data as { taskId?: string };
    if (!taskId) continue;
    if (event.type === 'ReviewRequested') open.add(taskId);
    if (event.type === 'ReviewCompleted' || event.type === 'ReviewWithdrawn') open.delete(taskId);
  }
  return [...open].at(-1) ?? null;
}

export const getRecordRoute: ServerRoute<{ Params: { recordId: string } }> = {
  method: 'GET',
  path: '/credit-records/{recordId}',
  options: {
    description: 'One credit record with its history',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person', 'unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required() }) },
    response: { schema: recordSchema },
    handler: async (request) => {
      await requireApprovedOrg(request);
      const { state, events } = await loadRecord(request, request.params.recordId);
      if (!mayRead(request.auth.credentials, state)) throw new NotFoundError();
      const own = events.filter((e) => (CREDIT_EVENT_TYPES as string[]).includes(e.type));
      return { ...recordBody({ ...state, taskId: openTaskId(events) }), history: history(own), position: events.at(-1)!.position };
    },
  },
};

interface ListQuery {
  year?: number;
  status?: CreditStatus;
  limit: number;
  cursor?: string;
  after?: string;
}

const item = Joi.object({
  recordId: Joi.string().required(),
  year: Joi.number().integer().required(),
  category: Joi.string().required(),
  title: Joi.string().required(),
  mode: Joi.string().required(),
  organizer: Joi.string().allow(null).required(),
  startDate: Joi.string().required(),
  endDate: Joi.string().required(),
  hours: Joi.number().required(),
  status: Joi.string().required(),
  reason: Joi.string().allow(null).required(),
  unitId: Joi.string().allow(null).required(),
  attachmentCount: Joi.number().integer().required(),
  updatedAt: Joi.string().required(),
}).label('CreditRecordItem');

export const listRecordsRoute: ServerRoute<{ Query: ListQuery }> = {
  method: 'GET',
  path: '/credit-records',
  options: {
    description: 'My credit records',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: {
      query: Joi.object({
        year: Joi.number().integer().min(1990).max(2100),
        status: Joi.string().valid('draft', 'submitted', 'approved', 'rejected', 'revoked'),
        limit: Joi.number().integer().min(1).max(200).default(20),
        cursor: Joi.string().max(300),
        ...afterQuery,
      }),
    },
    response: { schema: Joi.object({ items: Joi.array().items(item).required(), nextCursor: Joi.string().allow(null).required() }).label('CreditRecordPage') },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['credit_records']);
      const { year, status, limit, cursor } = request.query;
      const page = await listCreditRecords(request.server.app.deps.db, {
        personId: request.auth.credentials.subjectId, limit, ...(year !== undefined ? { year } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}),
      });
      return {
        items: page.items.map(({ halfHours, personId: _p, position: _pos, ...row }) => ({ ...row, hours: toHours(halfHours) })),
        nextCursor: page.nextCursor,
      };
    },
  },
};
