/**
 * The unit-binding decider, given/when/then: one pending request at a time, the unit's confirmation or rejection
 * (taken through the review module, as the host takes it), cancellation while pending, and a job change that ends
 * the old binding on confirmation.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../events/task.js';
import { bindingDecider, bindingReviews, toBindingView } from '../../../workflows/bindings/decider.js';
import { LATER, NOW, idOf, specFor } from '../../support/decider.js';

const personId = '33333333-3333-4333-8333-333333333333';
const unitA = { unitId: 'aaaaaaaa-0000-4000-8000-000000000001', name: '广州甲公司', regionCode: '440100' };
const unitB = { unitId: 'bbbbbbbb-0000-4000-8000-000000000002', name: '深圳乙公司', regionCode: '440300' };
const person: Actor = { id: 'acc-1', role: 'person' };
const reviewerOf = (unit: { unitId: string }): Actor => ({ id: `rev-${unit.unitId.slice(0, 4)}`, role: 'unit', orgId: unit.unitId });
const request = (unit: typeof unitA) => ({ type: 'request' as const, request: { unit, personName: '张三', idNumberMasked: '4401**********0011', actor: person } });
const given = specFor({ decider: bindingDecider, reviews: bindingReviews, kind: 'binding' }, personId);

function requested(unit = unitA, history: Parameters<typeof given>[0] = []) {
  const { history: after } = given(history).when(request(unit)).then();
  return { history: after, taskId: idOf(2), bindingId: idOf(1) };
}

describe('binding decider', () => {
  it('given no binding, when a request, then BindingRequested and a binding-confirmation task for that unit with the masked ID', () => {
    const { events } = given().when(request(unitA)).then();
    expect(events[0]).toEqual({
      type: 'BindingRequested',
      data: { personId, bindingId: idOf(1), unit: unitA, personName: '张三', idNumberMasked: '4401**********0011', requestedAt: NOW },
    });
    expect(events[1]).toMatchObject({
      type: 'ReviewRequested',
      data: { taskId: idOf(2), kind: 'binding-confirmation', assignee: { role: 'unit', orgId: unitA.unitId }, subject: { type: 'binding', id: personId, title: '张三' }, details: { idNumberMasked: '4401**********0011', jobChange: false } },
    });
  });

  it('given a pending request, when another request, then InvalidTransition (one pending at a time)', () => {
    const { history } = requested();
    given(history).when(request(unitB)).thenFails('InvalidTransition');
  });

  it('given a pending request, when the unit confirms, then BindingConfirmed and the person is bound', () => {
    const { history, taskId, bindingId } = requested();
    const { history: after } = given(history).whenDecided({ taskId, decision: 'approve', actor: reviewerOf(unitA) }, LATER).then([
      { type: 'BindingConfirmed', data: { personId, bindingId, unit: unitA, confirmedBy: reviewerOf(unitA).id, confirmedAt: LATER } },
      { type: 'ReviewCompleted', data: { taskId, decision: 'approve', decidedBy: reviewerOf(unitA), decidedAt: LATER } },
    ]);
    const { state, reviews } = given(after);
    expect(toBindingView(state, 'p', reviews)).toMatchObject({ current: { unit: unitA, since: LATER }, pending: null, taskId: null, latest: { status: 'confirmed' } });
    given(after).when(request(unitA)).thenFails('InvalidTransition'); // already bound there
  });

  it('given a pending request, when the unit rejects with a reason, then the person sees the reason and may ask again', () => {
    const { history, taskId } = requested();
    given(history).whenDecided({ taskId, decision: 'reject', reason: '', actor: reviewerOf(unitA) }).thenFails('InvalidInput', 'reason');
    const { history: after } = given(history).whenDecided({ taskId, decision: 'reject', reason: '查无此人', actor: reviewerOf(unitA) }).then();
    const { state } = given(after);
    expect(state).toMatchObject({ current: null, pending: null, lastRejection: { unit: unitA, reason: '查无此人' }, latest: { status: 'rejected', reason: '查无此人' } });
    given(after).when(request(unitA)).then(); // a corrected request is welcome
  });

  it('given a pending request, when a reviewer of another unit decides, then NotFound', () => {
    const { history, taskId } = requested();
    given(history).whenDecided({ taskId, decision: 'approve', actor: reviewerOf(unitB) }).thenFails('NotFound');
  });

  it('given a pending request, when the person cancels, then BindingCancelled and the task is withdrawn; a late confirmation is refused', () => {
    const { history, taskId, bindingId } = requested();
    const { history: after } = given(history).when({ type: 'cancel', cancellation: { actor: person } }, LATER).then([
      { type: 'BindingCancelled', data: { personId, bindingId, unitId: unitA.unitId, cancelledAt: LATER } },
      { type: 'ReviewWithdrawn', data: { taskId, withdrawnBy: person, withdrawnAt: LATER } },
    ]);
    const error = given(after).whenDecided({ taskId, decision: 'approve', actor: reviewerOf(unitA) }).thenFails('InvalidTransition');
    expect(error.text.en).toBe('the requester has withdrawn this request');
    given(after).when({ type: 'cancel', cancellation: { actor: person } }).thenFails('InvalidTransition');
  });

  it('given a confirmed binding, when a job change is confirmed, then the old binding ends and the new unit is current', () => {
    const first = requested(unitA);
    const { history: bound } = given(first.history).whenDecided({ taskId: first.taskId, decision: 'approve', actor: reviewerOf(unitA) }).then();
    const { events: asked, history: changing } = given(bound).when(request(unitB), LATER).then();
    expect(asked[0]!.data).toMatchObject({ previousUnitId: unitA.unitId });
    expect(given(changing).state.current?.unit).toEqual(unitA); // still bound to A while B decides
    const { events, history: after } = given(changing).whenDecided({ taskId: idOf(2), decision: 'approve', actor: reviewerOf(unitB) }, LATER).then();
    expect(events.map((e) => e.type)).toEqual(['BindingEnded', 'BindingConfirmed', 'ReviewCompleted']);
    expect(events[0]!.data).toMatchObject({ unitId: unitA.unitId, reason: 'job-change' });
    expect(given(after).state.current?.unit).toEqual(unitB);
  });
});
