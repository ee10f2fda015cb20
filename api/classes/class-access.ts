/**
 * A class as its stream says now, and the institution's hold on it: only the class's own institution manages it;
 * to any other institution the class does not exist (404). Also the class's shape on the wire.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { CLASS_EVENT_TYPES, type ClassEvent, type ClassState, classStream, evolveClass, initialClassState, seatsTaken } from '../../events/class.js';
import { toHours } from '../../events/credit.js';
import type { EnrolmentRow } from '../../projections/enrolments.js';
import { NotFoundError } from '../errors.js';

export async function loadClass<R extends ReqRef>(request: Request<R>, classId: string): Promise<ClassState> {
  const events = (await request.server.app.deps.store.readStream(classStream(classId))).filter((e) => (CLASS_EVENT_TYPES as string[]).includes(e.type));
  const state = events.reduce((s, e) => evolveClass(s, { type: e.type, data: e.data } as ClassEvent), initialClassState(classId));
  if (state.status === 'none') throw new NotFoundError();
  return state;
}

/** For institution routes: the class must be the caller's own. */
export async function loadOwnClass<R extends ReqRef>(request: Request<R>, classId: string): Promise<ClassState> {
  const state = await loadClass(request, classId);
  if (state.institutionId !== request.auth.credentials.orgId) throw new NotFoundError();
  return state;
}

export function classBody(state: ClassState, extra: { position?: string; roster?: EnrolmentRow[] } = {}) {
  const details = state.details!;
  const taken = seatsTaken(state);
  return {
    classId: state.classId,
    institutionId: state.institutionId!,
    institutionName: state.institutionName!,
    title: details.title,
    category: details.category,
    hours: toHours(details.halfHours),
    capacity: details.capacity,
    seatsTaken: taken,
    seatsLeft: Math.max(0, details.capacity - taken),
    waitlisted: state.waitlist.length,
    status: state.status as Exclude<ClassState['status'], 'none'>,
    startDate: details.startDate,
    endDate: details.endDate,
    regionCode: details.regionCode,
    description: details.description ?? null,
    ...(extra.roster ? { roster: extra.roster.map(rosterEntry) } : {}),
    ...(extra.position ? { position: extra.position } : {}),
  };
}

export const rosterEntry = (row: EnrolmentRow) => ({
  enrolmentId: row.enrolmentId,
  personId: row.personId,
  name: row.personName,
  idNumberMasked: row.idNumberMasked,
  status: row.status,
  requestedAt: row.requestedAt,
  promotedAt: row.promotedAt,
  approvedAt: row.approvedAt,
  decidedAt: row.decidedAt,
  reason: row.reason,
});
