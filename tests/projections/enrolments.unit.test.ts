/**
 * The enrolments fold (projections/enrolments.ts) over one person's place in one class: each moment of the timeline
 * keeps its own time — the promotion from the waiting list, the approval (which the class's completion does not
 * overwrite, though it moves `decidedAt`) — and enrolling again after a cancellation starts a clean timeline.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EnrolmentEvent } from '../../events/enrolment.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { ENROLMENT_ROWS } from '../../projections/enrolments.js';
import { replayRows } from '../../projections/rows.js';

const at = (minute: number) => `2026-03-01T02:${String(minute).padStart(2, '0')}:00.000Z`;

function history(classId: string, personId: string, events: EnrolmentEvent[]): RecordedEvent[] {
  return events.map((event, i) => ({
    ...event,
    streamId: `enrolment-${classId}-${personId}`,
    revision: BigInt(i),
    position: `${String(i + 1).padStart(20, '0')}:${String(i + 1).padStart(20, '0')}`,
    recordedAt: at(i),
    eventId: crypto.randomUUID(),
    metadata: {},
    prevHash: null,
    hash: '',
  }));
}

function requested(enrolmentId: string, classId: string, personId: string, status: 'pending' | 'waitlisted', minute: number): EnrolmentEvent {
  const enrolled = {
    classId, title: '人工智能应用专题培训班', institutionId: crypto.randomUUID(), institutionName: '广东省继续教育基地', category: 'professional' as const,
    halfHours: 24, startDate: '2026-03-10', endDate: '2026-03-11',
  };
  return { type: 'EnrolmentRequested', data: { enrolmentId, personId, personName: '郑一', idNumberMasked: '4401**********1234', class: enrolled, status, requestedAt: at(minute) } };
}

const only = (events: RecordedEvent[]) => [...replayRows(ENROLMENT_ROWS, events).values()];

describe('enrolments fold', () => {
  it('keeps the promotion and the approval times through the completion, which moves decidedAt', () => {
    const [classId, personId, enrolmentId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const events = history(classId, personId, [
      requested(enrolmentId, classId, personId, 'waitlisted', 1),
      { type: 'EnrolmentPromoted', data: { enrolmentId, promotedAt: at(2) } },
      { type: 'EnrolmentApproved', data: { enrolmentId, approvedBy: 'reviewer', approvedAt: at(3) } },
      { type: 'EnrolmentCompleted', data: { enrolmentId, personId, classId, year: 2026, category: 'professional', halfHours: 24, completedAt: at(4) } },
    ]);
    expect(only(events.slice(0, 2))).toEqual([expect.objectContaining({ status: 'pending', promotedAt: at(2), approvedAt: null, decidedAt: null })]);
    expect(only(events.slice(0, 3))).toEqual([expect.objectContaining({ status: 'approved', promotedAt: at(2), approvedAt: at(3), decidedAt: at(3) })]);
    expect(only(events)).toEqual([expect.objectContaining({ key: `${classId}:${personId}`, status: 'completed', requestedAt: at(1), promotedAt: at(2), approvedAt: at(3), decidedAt: at(4) })]);
  });

  it('has no promotion for a seat held from the start, and no approval for a rejection', () => {
    const [classId, personId, enrolmentId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const events = history(classId, personId, [
      requested(enrolmentId, classId, personId, 'pending', 1),
      { type: 'EnrolmentRejected', data: { enrolmentId, reason: '名额调整', rejectedBy: 'reviewer', rejectedAt: at(2) } },
    ]);
    expect(only(events)).toEqual([expect.objectContaining({ status: 'rejected', promotedAt: null, approvedAt: null, decidedAt: at(2), reason: '名额调整' })]);
  });

  it('starts a clean timeline when the person enrols again after cancelling', () => {
    const [classId, personId, first, second] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const events = history(classId, personId, [
      requested(first, classId, personId, 'waitlisted', 1),
      { type: 'EnrolmentPromoted', data: { enrolmentId: first, promotedAt: at(2) } },
      { type: 'EnrolmentApproved', data: { enrolmentId: first, approvedBy: 'reviewer', approvedAt: at(3) } },
      { type: 'EnrolmentCancelled', data: { enrolmentId: first, cancelledAt: at(4) } },
      requested(second, classId, personId, 'pending', 5),
    ]);
    expect(only(events.slice(0, 4))).toEqual([expect.objectContaining({ status: 'cancelled', promotedAt: at(2), approvedAt: at(3), decidedAt: at(4) })]);
    expect(only(events)).toEqual([expect.objectContaining({ enrolmentId: second, status: 'pending', requestedAt: at(5), promotedAt: null, approvedAt: null, decidedAt: null })]);
  });
});
