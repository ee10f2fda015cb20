/**
 * A credit record as its stream says now, and who may see or change it: its owner; the unit it was submitted to;
 * admin and auditors (read). Anyone else gets 404, never 403 — a record's existence is not for them to learn.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { CREDIT_EVENT_TYPES, type CreditEvent, type CreditRecordState, creditStream, evolveCreditRecord, initialCreditRecord, toHours } from '../../events/credit.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import type { CreditView } from '../../workflows/credits/messages.js';
import { NotFoundError } from '../errors.js';

export interface LoadedRecord {
  state: CreditRecordState;
  events: RecordedEvent[];
}

export async function loadRecord<R extends ReqRef>(request: Request<R>, recordId: string): Promise<LoadedRecord> {
  const events = await request.server.app.deps.store.readStream(creditStream(recordId));
  const own = events.filter((e) => (CREDIT_EVENT_TYPES as string[]).includes(e.type));
  const state = own.reduce((s, e) => evolveCreditRecord(s, { type: e.type, data: e.data } as CreditEvent), initialCreditRecord(recordId));
  if (state.status === 'none') throw new NotFoundError();
  return { state, events };
}

/** The owner only (edits, attachments, submission); 404 for anyone else. */
export async function loadOwnRecord<R extends ReqRef>(request: Request<R>, recordId: string): Promise<LoadedRecord> {
  const loaded = await loadRecord(request, recordId);
  if (loaded.state.personId !== request.auth.credentials.subjectId || request.auth.credentials.role !== 'person') throw new NotFoundError();
  return loaded;
}

export function mayRead(credentials: { role: string; subjectId: string; orgId?: string }, state: CreditRecordState): boolean {
  switch (credentials.role) {
    case 'person':
      return state.personId === credentials.subjectId;
    case 'unit':
      return state.unitId !== null && state.unitId === credentials.orgId;
    case 'admin':
    case 'auditor':
      return true;
    default:
      return false;
  }
}

/** The API's shape of a record: hours, not half-hours. */
export function recordBody(view: Pick<CreditView, keyof CreditRecordState> & { taskId?: string | null; position?: string }) {
  const { declaration, recordId, personId, status, attachments, unitId, reason, overlaps, updatedAt } = view;
  const { halfHours, organizer, ...rest } = declaration!;
  return {
    recordId, personId: personId!, ...rest, ...(organizer ? { organizer } : {}), hours: toHours(halfHours), status: status as Exclude<typeof status, 'none'>,
    reason, unitId, attachments, overlaps, updatedAt, ...(view.taskId !== undefined ? { taskId: view.taskId } : {}), ...(view.position ? { position: view.position } : {}),
  };
}
