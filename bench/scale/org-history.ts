/**
 * The admin account and each unit's registration, as `bootstrapAdmin` and `POST /orgs` cause them: the USCC claim,
 * the reviewer account (username claim, AccountRegistered), `OrgRegistered` with its `org-approval` task; the
 * reviewer's first login (PasswordChanged); admin's approval (`OrgApproved` + `ReviewCompleted`).
 */
import { type AccountEvent, accountStream, usccClaimStream, usernameClaimStream } from '../../events/account.js';
import { type OrgEvent, orgStream } from '../../events/org.js';
import { type AccountCommand, type AccountLifecycleState, accountDecider } from '../../workflows/accounts/decider.js';
import { type OrgCommand, type OrgState, orgDecider, orgReviews } from '../../workflows/org/decider.js';
import { ANONYMOUS, DAY, type History, MINUTE, type Unit, claim } from './history.js';
import type { Actor } from '../../events/task.js';
import { commandMetadata } from '../../workflows/kit/metadata.js';
import { LifecycleInstance } from './lifecycle-instance.js';

function account(history: History, accountId: string) {
  return new LifecycleInstance<AccountCommand, AccountEvent, AccountLifecycleState>(accountDecider, {}, history.log, history.random, accountId, accountStream(accountId));
}

/** The first admin, a day before the first unit registers; its first login changes the password. */
export function scheduleAdmin(history: History, at: number): Actor {
  const accountId = history.random.uuid();
  const admin: Actor = { id: accountId, role: 'admin' };
  const system: Actor = { id: 'system', role: 'system' };
  history.timeline.at(at, (now) => {
    claim(history, usernameClaimStream('admin'), accountId, now, commandMetadata(system));
    const lifecycle = account(history, accountId);
    const registration = { account: { accountId, username: 'admin', role: 'admin' as const, subjectId: accountId, name: '系统管理员' }, credentialId: history.random.uuid(), usernameField: 'username', actor: system };
    lifecycle.command(now + 40, { type: 'register', registration }, system);
    history.timeline.at(now + 20 * MINUTE, (later) => {
      const correlationId = history.correlationId(later);
      lifecycle.command(later, { type: 'changePassword', change: { credentialId: history.random.uuid(), actor: admin, correlationId } }, admin, correlationId);
      history.log.credential(accountId, later, history.passwordHash);
    });
  });
  return admin;
}

export function scheduleUnit(history: History, unit: Unit): void {
  const { random, timeline } = history;
  timeline.at(unit.registerAt, (at) => {
    const correlationId = history.correlationId(at);
    const metadata = commandMetadata(ANONYMOUS, correlationId);
    const reviewerId = unit.reviewer.id;
    claim(history, usccClaimStream(unit.uscc), unit.orgId, at, metadata);
    // The reviewer account, registered by the org lifecycle's effect in a child run.
    claim(history, usernameClaimStream(unit.reviewerUsername), reviewerId, at + 35, metadata);
    const reviewerAccount = account(history, reviewerId);
    reviewerAccount.command(at + 70, {
      type: 'register',
      registration: {
        account: { accountId: reviewerId, username: unit.reviewerUsername, role: 'unit', subjectId: reviewerId, orgId: unit.orgId, name: unit.contactName },
        credentialId: random.uuid(), usernameField: 'reviewerUsername', actor: ANONYMOUS, correlationId,
      },
    }, ANONYMOUS, correlationId);
    const org = new LifecycleInstance<OrgCommand, OrgEvent, OrgState>(orgDecider, orgReviews, history.log, random, unit.orgId, orgStream(unit.orgId));
    const details = { kind: 'unit' as const, name: unit.name, uscc: unit.uscc, regionCode: unit.regionCode, contactName: unit.contactName, contactPhone: `020-${random.int(30_000_000, 89_999_999)}` };
    org.command(at + 110, {
      type: 'apply',
      application: { orgId: unit.orgId, details, reviewer: { accountId: reviewerId, username: unit.reviewerUsername, name: unit.contactName, credentialId: random.uuid() }, actor: ANONYMOUS, correlationId },
    }, ANONYMOUS, correlationId);

    timeline.at(at + random.int(2, 30) * MINUTE, (login) => {
      const loginId = history.correlationId(login);
      reviewerAccount.command(login, { type: 'changePassword', change: { credentialId: random.uuid(), actor: unit.reviewer, correlationId: loginId } }, unit.reviewer, loginId);
      history.log.credential(reviewerId, login, history.passwordHash);
    });
    timeline.at(Math.min(unit.approveAt, at + 6 * DAY), (decided) => org.decide(decided, 'approve', history.admin, history.correlationId(decided)));
  });
}
