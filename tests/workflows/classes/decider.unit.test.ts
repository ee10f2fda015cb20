/**
 * The class and enrolment deciders, given/when/then: seats held while there is room and a line beyond it, a seat
 * given back going to the first in line, approvals never beyond capacity, completion only when closed and started,
 * and an enrolment's end when its class completes.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../events/task.js';
import { classDecider } from '../../../workflows/classes/decider.js';
import { enrolmentDecider, enrolmentReviews } from '../../../workflows/enrolments/decider.js';
import { specFor } from '../../support/decider.js';

const NOW = '2026-06-15T08:00:00.000Z';
const classId = '55555555-5555-4555-8555-555555555555';
const institution: Actor = { id: 'inst-rev', role: 'institution', orgId: 'inst-1' };
const givenClass = specFor({ decider: classDecider, kind: 'class' }, classId);
const details = { title: '专题班', category: 'public' as const, halfHours: 12, capacity: 2, startDate: '2026-06-10', endDate: '2026-06-11', regionCode: '440100' };
const seat = (personId: string) => ({ type: 'requestSeat' as const, request: { personId, enrolmentId: `e-${personId}`, person: { name: personId, idNumberMasked: 'x' }, actor: { id: personId, role: 'person' } } });

function accepting() {
  let { history } = givenClass().when({ type: 'create', creation: { institution: { orgId: 'inst-1', name: '某学院' }, details, actor: institution } }, NOW).then();
  history = givenClass(history).when({ type: 'open', by: institution }, NOW).then().history;
  return history;
}

describe('class decider: seats', () => {
  it('seats two, lines up the third, refuses a second request from the same person', () => {
    let history = accepting();
    const outcomes: boolean[] = [];
    for (const personId of ['a', 'b', 'c']) {
      const { events, history: next } = givenClass(history).when(seat(personId), NOW).then();
      outcomes.push((events[0]!.data as { seated: boolean }).seated);
      history = next;
    }
    expect(outcomes).toEqual([true, true, false]);
    givenClass(history).when(seat('a'), NOW).thenFails('InvalidTransition');
    givenClass(history).when(seat('c'), NOW).thenFails('InvalidTransition');
  });

  it('gives a released seat to the first in line; a place in line left promotes nobody; a second release changes nothing', () => {
    let history = accepting();
    for (const personId of ['a', 'b', 'c', 'd']) history = givenClass(history).when(seat(personId), NOW).then().history;
    const { events, history: after } = givenClass(history).when({ type: 'releaseSeat', change: { personId: 'a', actor: institution } }, NOW).then();
    expect(events).toEqual([
      { type: 'SeatReleased', data: { classId, personId: 'a', from: 'seat', releasedAt: NOW } },
      { type: 'SeatGranted', data: { classId, personId: 'c', grantedAt: NOW } },
    ]);
    givenClass(after).when({ type: 'releaseSeat', change: { personId: 'a', actor: institution } }, NOW).then([]);
    const { events: left } = givenClass(after).when({ type: 'releaseSeat', change: { personId: 'd', actor: institution } }, NOW).then();
    expect(left).toEqual([{ type: 'SeatReleased', data: { classId, personId: 'd', from: 'waitlist', releasedAt: NOW } }]);
  });

  it('refuses an enrolment id it has seen, even once its seat was given back: one id, one request', () => {
    let history = givenClass(accepting()).when(seat('a'), NOW).then().history;
    history = givenClass(history).when({ type: 'releaseSeat', change: { personId: 'a', actor: institution } }, NOW).then().history;
    givenClass(history).when(seat('a'), NOW).thenFails('InvalidTransition');
    const again = { ...seat('a'), request: { ...seat('a').request, enrolmentId: 'e-a-2' } };
    givenClass(history).when(again, NOW).then();
  });

  it('completes once, when closed and started, with attendees drawn from the approved', () => {
    let history = accepting();
    for (const personId of ['a', 'b']) history = givenClass(history).when(seat(personId), NOW).then().history;
    history = givenClass(history).when({ type: 'confirmSeat', change: { personId: 'a', actor: institution } }, NOW).then().history;
    const complete = (attendeePersonIds: string[]) => ({ type: 'complete' as const, completion: { attendeePersonIds, actor: institution } });
    givenClass(history).when(complete(['a']), NOW).thenFails('InvalidTransition'); // still accepting
    history = givenClass(history).when({ type: 'close', by: institution }, NOW).then().history;
    givenClass(history).when(complete(['b']), NOW).thenFails('InvalidInput', 'attendeePersonIds'); // b was never approved
    givenClass(history).when(complete(['a']), '2026-06-01T00:00:00.000Z').thenFails('InvalidTransition'); // not started yet
    givenClass(history).when({ type: 'complete', completion: { attendeePersonIds: ['a'], actor: { id: 'x', role: 'institution', orgId: 'inst-2' } } }, NOW).thenFails('NotFound');
    const { events, history: done } = givenClass(history).when(complete(['a']), NOW).then();
    expect(events[0]!.data).toMatchObject({ attendees: ['a'], absentees: [] });
    givenClass(done).when(complete(['a']), NOW).thenFails('InvalidTransition');
  });
});

describe('enrolment decider', () => {
  const personId = '66666666-6666-4666-8666-666666666666';
  const given = specFor({ decider: enrolmentDecider, reviews: enrolmentReviews, kind: 'enrolment' }, `${classId}-${personId}`);
  const opening = (status: 'pending' | 'waitlisted') => ({
    type: 'open' as const,
    opening: { enrolmentId: 'e-1', personName: '张三', idNumberMasked: 'x', status, actor: { id: 'system', role: 'system' },
      class: { classId, title: '专题班', institutionId: 'inst-1', institutionName: '某学院', category: 'public' as const, halfHours: 12, startDate: '2026-06-20', endDate: '2026-06-21' } },
  });

  it('asks the institution only once a seat is held, promotes from the line, and ignores a repeated notification', () => {
    const { events: waiting, history } = given().when(opening('waitlisted'), NOW).then();
    expect(waiting.map((e) => e.type)).toEqual(['EnrolmentRequested']);
    given(history).when(opening('waitlisted'), NOW).then([]);
    const { events: promoted } = given(history).when({ type: 'promote' }, NOW).then();
    expect(promoted.map((e) => e.type)).toEqual(['EnrolmentPromoted', 'ReviewRequested']);
    expect(promoted[1]!.data).toMatchObject({ kind: 'enrolment-review', assignee: { role: 'institution', orgId: 'inst-1' } });
  });

  it('cancels before the class starts, not after; counts the hours when the class completes with the person there', () => {
    const { history, events } = given().when(opening('pending'), NOW).then();
    const taskId = (events[1]!.data as { taskId: string }).taskId;
    given(history).when({ type: 'cancel', actor: { id: 'p', role: 'person' } }, '2026-06-20T01:00:00.000Z').thenFails('InvalidTransition');
    expect(given(history).when({ type: 'cancel', actor: { id: 'p', role: 'person' } }, NOW).then().events.map((e) => e.type)).toEqual(['EnrolmentCancelled', 'ReviewWithdrawn']);
    const { history: approved } = given(history).whenDecided({ taskId, decision: 'approve', actor: institution }, NOW).then();
    const { events: done } = given(approved).when({ type: 'classCompleted', outcome: { attended: true, actor: { id: 'system', role: 'system' } } }, NOW).then();
    expect(done).toEqual([{ type: 'EnrolmentCompleted', data: { enrolmentId: 'e-1', personId, classId, year: 2026, category: 'public', halfHours: 12, completedAt: NOW } }]);
    expect(given(history).when({ type: 'classCompleted', outcome: { attended: true, actor: { id: 'system', role: 'system' } } }, NOW).then().events.map((e) => e.type)).toEqual(['EnrolmentLapsed', 'ReviewWithdrawn']);
  });

  it('cancels only the enrolment it names: a late cancel of an earlier enrolment leaves the current one alone', () => {
    const { history } = given().when(opening('pending'), NOW).then();
    given(history).when({ type: 'cancel', actor: { id: 'p', role: 'person' }, enrolmentId: 'e-0' }, NOW).thenFails('NotFound');
    expect(given(history).when({ type: 'cancel', actor: { id: 'p', role: 'person' }, enrolmentId: 'e-1' }, NOW).then().events.map((e) => e.type)).toEqual(['EnrolmentCancelled', 'ReviewWithdrawn']);
  });
});

describe('class decider: what a class may grant', () => {
  const create = (overrides: Partial<typeof details>, firstDeclarableYear = 2019) => ({
    type: 'create' as const,
    creation: { institution: { orgId: 'inst-1', name: '某学院' }, details: { ...details, ...overrides }, firstDeclarableYear, actor: institution },
  });

  it('grants at most 8 hours for each day it runs, as a declaration may', () => {
    givenClass().when(create({ halfHours: 32, startDate: '2026-06-10', endDate: '2026-06-11' }), NOW).then();
    givenClass().when(create({ halfHours: 33, startDate: '2026-06-10', endDate: '2026-06-11' }), NOW).thenFails('InvalidInput', 'hours');
    givenClass().when(create({ halfHours: 4_000, startDate: '2026-06-10', endDate: '2026-06-10' }), NOW).thenFails('InvalidInput', 'hours');
  });

  it('starts no earlier than the first declarable year: earlier hours are the old system’s', () => {
    givenClass().when(create({ startDate: '2018-12-30', endDate: '2018-12-31' }), NOW).thenFails('InvalidInput', 'startDate');
    givenClass().when(create({ startDate: '2018-12-30', endDate: '2018-12-31' }, 2018), NOW).then();
  });
});
