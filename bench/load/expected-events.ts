/**
 * Exactly which events each command of the load run writes, as the lifecycles decide them (workflows/<area>/decider.ts
 * and their effects): the command's own stream, the name claims and child lifecycles it drives, and — uncorrelated —
 * what another lifecycle then does on its own account. Seat grants after a release depend on the class's waiting list
 * and are derived in reconciliation (Acknowledged.releasedSeats).
 */
import { accountStream, idNumberClaimStream, usccClaimStream, usernameClaimStream } from '../../events/account.js';
import { bindingStream } from '../../events/binding.js';
import { classStream } from '../../events/class.js';
import { creditStream } from '../../events/credit.js';
import { enrolmentStream } from '../../events/enrolment.js';
import { orgStream } from '../../events/org.js';
import { personStream } from '../../events/person.js';
import type { ExpectedEvent } from './ledger.js';

type Decision = 'approve' | 'reject';
const own = (stream: string, type: string, data?: Record<string, unknown>): ExpectedEvent => ({ stream, type, correlated: true, ...(data ? { data } : {}) });
const consequence = (stream: string, type: string, data?: Record<string, unknown>): ExpectedEvent => ({ stream, type, correlated: false, ...(data ? { data } : {}) });

/** POST /accounts: the person lifecycle first has the account lifecycle claim both names and register the account. */
export const personRegistered = (p: { accountId: string; personId: string; username: string; idNumber: string }) => [
  own(usernameClaimStream(p.username), 'NameClaimed', { ownerId: p.accountId }),
  own(idNumberClaimStream(p.idNumber), 'NameClaimed', { ownerId: p.accountId }),
  own(accountStream(p.accountId), 'AccountRegistered', { username: p.username, role: 'person', subjectId: p.personId }),
  own(personStream(p.personId), 'PersonRegistered', { accountId: p.accountId }),
];

/** PUT /accounts/me/password. */
export const passwordChanged = (accountId: string) => [own(accountStream(accountId), 'PasswordChanged', { accountId })];

/** POST /orgs: the USCC claimed, the reviewer account registered (its id is never answered), the org and its task. */
export const orgRegistered = (o: { orgId: string; kind: 'unit' | 'institution'; uscc: string; username: string }) => [
  own(usccClaimStream(o.uscc), 'NameClaimed', { ownerId: o.orgId }),
  own(usernameClaimStream(o.username), 'NameClaimed'),
  { ...own('account-', 'AccountRegistered', { username: o.username, role: o.kind, orgId: o.orgId }), prefix: true },
  own(orgStream(o.orgId), 'OrgRegistered', { orgId: o.orgId, kind: o.kind }),
  own(orgStream(o.orgId), 'ReviewRequested', { kind: 'org-approval', subject: { id: o.orgId } }),
];

export const orgApproved = (orgId: string, taskId: string) => [
  own(orgStream(orgId), 'OrgApproved', { taskId }),
  own(orgStream(orgId), 'ReviewCompleted', { taskId, decision: 'approve' }),
];

export const bindingRequested = (b: { personId: string; bindingId: string; unitId: string; taskId: string }) => [
  own(bindingStream(b.personId), 'BindingRequested', { bindingId: b.bindingId, unit: { unitId: b.unitId } }),
  own(bindingStream(b.personId), 'ReviewRequested', { taskId: b.taskId, kind: 'binding-confirmation' }),
];

/** A confirmation for a new unit ends the binding the person had (a job change). */
export function bindingDecided(b: { personId: string; bindingId: string; taskId: string; decision: Decision; endedBindingId?: string }) {
  const stream = bindingStream(b.personId);
  const outcome =
    b.decision === 'approve'
      ? [...(b.endedBindingId ? [own(stream, 'BindingEnded', { bindingId: b.endedBindingId })] : []), own(stream, 'BindingConfirmed', { bindingId: b.bindingId })]
      : [own(stream, 'BindingRejected', { bindingId: b.bindingId })];
  return [...outcome, own(stream, 'ReviewCompleted', { taskId: b.taskId, decision: b.decision })];
}

interface Hours {
  personId: string;
  year: number;
  category: string;
  halfHours: number;
}

export const creditDrafted = (recordId: string, h: Hours) => [own(creditStream(recordId), 'CreditRecordDrafted', { recordId, ...h })];

export const attachmentAdded = (recordId: string, a: { attachmentId: string; sha256: string }) => [own(creditStream(recordId), 'AttachmentAdded', a)];

export const creditSubmitted = (recordId: string, s: { unitId: string; taskId: string }) => [
  own(creditStream(recordId), 'CreditRecordSubmitted', { unitId: s.unitId }),
  own(creditStream(recordId), 'ReviewRequested', { taskId: s.taskId, kind: 'credit-review', subject: { id: recordId } }),
];

/** PATCH of a rejected record with a new title and hours (the decider records only fields that really changed). */
export const creditEdited = (recordId: string, d: { title: string; halfHours: number }) => [
  own(creditStream(recordId), 'CreditRecordEdited', { declaration: { title: d.title, halfHours: d.halfHours } }),
];

export const creditWithdrawn = (recordId: string, taskId: string) => [
  own(creditStream(recordId), 'CreditRecordWithdrawn'),
  own(creditStream(recordId), 'ReviewWithdrawn', { taskId }),
];

export function creditDecided(recordId: string, taskId: string, decision: Decision, h: Hours) {
  const stream = creditStream(recordId);
  const outcome = decision === 'approve' ? own(stream, 'CreditRecordApproved', { ...h }) : own(stream, 'CreditRecordRejected');
  return [outcome, own(stream, 'ReviewCompleted', { taskId, decision })];
}

export const creditRevoked = (recordId: string, h: Hours) => [own(creditStream(recordId), 'CreditRecordRevoked', { ...h })];

export const classCreated = (classId: string, institutionId: string) => [own(classStream(classId), 'ClassCreated', { institutionId })];
export const classOpened = (classId: string) => [own(classStream(classId), 'ClassOpened')];
export const classClosed = (classId: string) => [own(classStream(classId), 'ClassClosed')];

/** The class decides seat or line and, before recording it, opens the person's enrolment (with a task when seated). */
export function enrolled(e: { classId: string; personId: string; enrolmentId: string; seated: boolean }) {
  const stream = enrolmentStream(e.classId, e.personId);
  return [
    own(stream, 'EnrolmentRequested', { enrolmentId: e.enrolmentId, personId: e.personId, status: e.seated ? 'pending' : 'waitlisted' }),
    ...(e.seated ? [own(stream, 'ReviewRequested', { kind: 'enrolment-review', subject: { id: e.enrolmentId } })] : []),
    own(classStream(e.classId), 'SeatRequested', { personId: e.personId, enrolmentId: e.enrolmentId, seated: e.seated }),
  ];
}

/** An approval makes the seat the person's; a rejection gives it back to the class (which may grant it on). */
export function enrolmentDecided(e: { classId: string; personId: string; enrolmentId: string; taskId: string; decision: Decision }) {
  const stream = enrolmentStream(e.classId, e.personId);
  const approved = e.decision === 'approve';
  return [
    own(stream, approved ? 'EnrolmentApproved' : 'EnrolmentRejected', { enrolmentId: e.enrolmentId }),
    own(stream, 'ReviewCompleted', { taskId: e.taskId, decision: e.decision }),
    approved
      ? consequence(classStream(e.classId), 'SeatConfirmed', { personId: e.personId })
      : consequence(classStream(e.classId), 'SeatReleased', { personId: e.personId, from: 'seat' }),
  ];
}

/** The load run cancels only approved enrolments: no task to withdraw; the approved seat goes back to the class. */
export const approvedEnrolmentCancelled = (e: { classId: string; personId: string; enrolmentId: string }) => [
  own(enrolmentStream(e.classId, e.personId), 'EnrolmentCancelled', { enrolmentId: e.enrolmentId }),
  consequence(classStream(e.classId), 'SeatReleased', { personId: e.personId, from: 'approved-seat' }),
];

/** Where each enrollee stood when the class completed, which decides the outcome the class tells their enrolment. */
export type StandingAtCompletion = 'attended' | 'absent' | 'pending' | 'waitlisted';

export function classCompleted(c: { classId: string; year: number; category: string; halfHours: number; enrollees: Array<{ personId: string; enrolmentId: string; standing: StandingAtCompletion }> }) {
  const outcomes = c.enrollees.flatMap(({ personId, enrolmentId, standing }) => {
    const stream = enrolmentStream(c.classId, personId);
    switch (standing) {
      case 'attended':
        return [consequence(stream, 'EnrolmentCompleted', { enrolmentId, personId, classId: c.classId, year: c.year, category: c.category, halfHours: c.halfHours })];
      case 'absent':
        return [consequence(stream, 'EnrolmentMissed', { enrolmentId })];
      case 'pending':
        return [consequence(stream, 'EnrolmentLapsed', { enrolmentId }), consequence(stream, 'ReviewWithdrawn')];
      case 'waitlisted':
        return [consequence(stream, 'EnrolmentLapsed', { enrolmentId })];
      default: {
        const never: never = standing;
        return never;
      }
    }
  });
  // The attendees in the order the institution listed them: the class records them so.
  const attendees = c.enrollees.filter((e) => e.standing === 'attended').map((e) => e.personId);
  return [own(classStream(c.classId), 'ClassCompleted', { classId: c.classId, attendees }), ...outcomes];
}
