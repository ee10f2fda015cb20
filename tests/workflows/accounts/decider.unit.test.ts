/** The account decider, given/when/then: registered once, then password changes, lockouts and withdrawal — facts without secrets. */
import { describe, expect, it } from 'vitest';
import { accountDecider } from '../../../workflows/accounts/decider.js';
import type { AccountRegistration } from '../../../workflows/accounts/messages.js';
import { LATER, NOW, specFor } from '../../support/decider.js';

const accountId = '11111111-1111-4111-8111-111111111111';
const actor = { id: 'anonymous', role: 'public' };
const registration: AccountRegistration = {
  account: { accountId, username: 'zhang_san', role: 'person', subjectId: 'p-1', name: '张三' },
  credentialId: 'c-1',
  usernameField: 'username',
  idNumber: '440106198001010011',
  actor,
};
const given = specFor({ decider: accountDecider, kind: 'account' }, accountId);

describe('account decider', () => {
  it('registers once, with the password to be changed at first sign-in and no secret in the event', () => {
    const { events, history } = given().when({ type: 'register', registration }).then([
      { type: 'AccountRegistered', data: { accountId, username: 'zhang_san', role: 'person', subjectId: 'p-1', name: '张三', mustChangePassword: true, registeredAt: NOW } },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/c-1|credential|hash/i);
    given(history).when({ type: 'register', registration }, LATER).thenFails('InvalidTransition');
  });

  it('records a password change and a lockout only for an existing account', () => {
    given().when({ type: 'changePassword', change: { credentialId: 'c-2', actor } }).thenFails('NotFound');
    given().when({ type: 'recordLockout', lockout: { failures: 5, lockedUntil: LATER, actor } }).thenFails('NotFound');
    const { history } = given().when({ type: 'register', registration }).then();
    const { history: changed } = given(history).when({ type: 'changePassword', change: { credentialId: 'c-2', actor } }, LATER).then([
      { type: 'PasswordChanged', data: { accountId, changedAt: LATER } },
    ]);
    expect(given(changed).state.account).toMatchObject({ mustChangePassword: false });
    given(history).when({ type: 'recordLockout', lockout: { failures: 5, lockedUntil: LATER, actor } }).then([
      { type: 'AccountLockedOut', data: { accountId, failures: 5, lockedUntil: LATER, lockedAt: NOW } },
    ]);
  });

  it('withdraws a registration once: the account is gone and cannot be registered again', () => {
    const { history } = given().when({ type: 'register', registration }).then();
    const { history: withdrawn } = given(history).when({ type: 'withdraw', withdrawal: { reason: 'organisation registration failed', actor } }).then([
      { type: 'AccountWithdrawn', data: { accountId, reason: 'organisation registration failed', withdrawnAt: NOW } },
    ]);
    expect(given(withdrawn).state.account).toBeNull();
    given(withdrawn).when({ type: 'withdraw', withdrawal: { reason: 'again', actor } }).then([]);
    given(withdrawn).when({ type: 'register', registration }).thenFails('InvalidTransition');
  });
});
