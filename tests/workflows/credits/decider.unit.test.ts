/**
 * The credit-record decider, given/when/then: declaration rules judged on the clock, edits only while editable,
 * evidence, submission to a confirmed unit with evidence, the unit's decision, withdrawal and revocation.
 */
import { describe, expect, it } from 'vitest';
import type { CreditDeclaration } from '../../../events/credit.js';
import type { Actor } from '../../../events/task.js';
import { creditDecider, creditReviews } from '../../../workflows/credits/decider.js';
import { idOf, specFor } from '../../support/decider.js';

const NOW = '2026-06-15T08:00:00.000Z';
const recordId = '44444444-4444-4444-8444-444444444444';
const person: Actor = { id: 'acc-1', role: 'person' };
const reviewer: Actor = { id: 'rev-1', role: 'unit', orgId: 'unit-1' };
const rules = { firstYear: 2019 };
const declaration: CreditDeclaration = { year: 2026, category: 'professional', title: '新规范研修', mode: 'training', startDate: '2026-03-02', endDate: '2026-03-03', halfHours: 32 };
const attachment = { attachmentId: 'att-1', filename: '证书.pdf', contentType: 'application/pdf' as const, size: 100, sha256: 'a'.repeat(64) };
const submission = { unit: { unitId: 'unit-1', name: '甲单位' }, person: { name: '张三', idNumberMasked: '4401**********0011' }, overlaps: [], actor: person };
const given = specFor({ decider: creditDecider, reviews: creditReviews, kind: 'credit' }, recordId);

const create = (d: Partial<CreditDeclaration> = {}) => ({ type: 'create' as const, creation: { personId: 'p-1', declaration: { ...declaration, ...d }, rules, actor: person } });
function drafted() {
  const { history } = given().when(create(), NOW).then();
  return given(history).when({ type: 'attach', addition: { attachment, actor: person } }, NOW).then().history;
}
function submitted() {
  const history = drafted();
  return { history: given(history).when({ type: 'submit', submission }, NOW).then().history, taskId: idOf(1) };
}

describe('credit decider', () => {
  it.each([
    ['a future year', { year: 2027, startDate: '2027-01-01', endDate: '2027-01-01' }, 'year'],
    ['a year before the first declarable one', { year: 2018, startDate: '2018-01-01', endDate: '2018-01-01' }, 'year'],
    ['a start outside the year', { startDate: '2025-12-31' }, 'startDate'],
    ['an end before the start', { startDate: '2026-03-04' }, 'endDate'],
    ['an end after today', { startDate: '2026-06-15', endDate: '2026-06-16', halfHours: 2 }, 'endDate'],
    ['no hours', { halfHours: 0 }, 'hours'],
    ['more than 8 hours a day', { halfHours: 33 }, 'hours'],
  ])('refuses %s, naming %s', (_what, change, field) => {
    given().when(create(change), NOW).thenFails('InvalidInput', field);
  });

  it('takes 8 hours a day to the last half-hour, and edits only while a draft or rejected', () => {
    const { history } = given().when(create(), NOW).then();
    expect(given(history).state).toMatchObject({ status: 'draft', declaration: { halfHours: 32 } });
    const { events } = given(history).when({ type: 'edit', edit: { declaration: { ...declaration, title: '新规范研修（二）' }, rules, actor: person } }, NOW).then();
    expect(events[0]!.data).toMatchObject({ fields: ['title'] });
    const { history: sent } = submitted();
    given(sent).when({ type: 'edit', edit: { declaration, rules, actor: person } }, NOW).thenFails('InvalidTransition');
    given(sent).when({ type: 'attach', addition: { attachment: { ...attachment, attachmentId: 'att-2', sha256: 'b'.repeat(64) }, actor: person } }, NOW).thenFails('InvalidTransition');
  });

  it('needs evidence and a confirmed unit to submit, and then asks the unit with the record in the task', () => {
    const { history } = given().when(create(), NOW).then();
    given(history).when({ type: 'submit', submission }, NOW).thenFails('InvalidTransition'); // no attachment
    const evidenced = drafted();
    given(evidenced).when({ type: 'submit', submission: { ...submission, unit: null } }, NOW).thenFails('InvalidTransition');
    const { events } = given(evidenced).when({ type: 'submit', submission }, NOW).then();
    expect(events.map((e) => e.type)).toEqual(['CreditRecordSubmitted', 'ReviewRequested']);
    expect(events[1]!.data).toMatchObject({ kind: 'credit-review', assignee: { role: 'unit', orgId: 'unit-1' }, details: { hours: 16, attachments: [{ filename: '证书.pdf' }] } });
    given(evidenced).when({ type: 'attach', addition: { attachment: { ...attachment, attachmentId: 'att-9' }, actor: person } }, NOW).thenFails('Conflict', 'file');
  });

  it('counts an approval with the hours, takes a rejection back to editable, and lets the person withdraw only before', () => {
    const { history, taskId } = submitted();
    const { events: approved, history: after } = given(history).whenDecided({ taskId, decision: 'approve', actor: reviewer }, NOW).then();
    expect(approved[0]).toEqual({ type: 'CreditRecordApproved', data: { recordId, personId: 'p-1', year: 2026, category: 'professional', halfHours: 32, approvedBy: 'rev-1', approvedAt: NOW } });
    given(after).when({ type: 'withdraw' }, NOW).thenFails('InvalidTransition');
    const { events: revoked } = given(after).when({ type: 'revoke', revocation: { reason: '伪造', actor: { id: 'admin', role: 'admin' } } }, NOW).then();
    expect(revoked[0]!.data).toMatchObject({ halfHours: 32, reason: '伪造' });

    const { history: rejected } = given(history).whenDecided({ taskId, decision: 'reject', reason: '材料不清', actor: reviewer }, NOW).then();
    expect(given(rejected).state).toMatchObject({ status: 'rejected', reason: '材料不清' });
    given(rejected).when({ type: 'submit', submission }, NOW).then(); // resubmitted as it is, or edited first
    given(rejected).when({ type: 'revoke', revocation: { reason: 'x', actor: { id: 'admin', role: 'admin' } } }, NOW).thenFails('InvalidTransition');

    const { events: withdrawn } = given(history).when({ type: 'withdraw' }, NOW).then();
    expect(withdrawn.map((e) => e.type)).toEqual(['CreditRecordWithdrawn', 'ReviewWithdrawn']);
  });
});
