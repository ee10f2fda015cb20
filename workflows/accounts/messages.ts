/**
 * Contract of the account lifecycle (`account-<accountId>`), the one writer of `account-`, `username-` and `idnumber-`
 * streams. Registration arrives from the person lifecycle, the org lifecycle (as a child run) or the API (admin and
 * staff accounts); password changes and lockouts from the API. No password travels: the API stores the new hash as
 * a pending credential and sends its random `credentialId` (events/store/credentials.ts).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Role } from '../../events/vocabulary/index.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const ACCOUNT_KIND = 'account';

/** How a taken name is reported, by the API's pre-check and by the claim alike. */
export const USERNAME_TAKEN = { zh: '用户名已被使用', en: 'this username is taken' };
export const ID_NUMBER_TAKEN = { zh: '该身份证号已注册', en: 'an account with this ID number already exists' };
export const accountWorkflowId = (accountId: string) => `${ACCOUNT_KIND}-${accountId}`;

export interface AccountRegistration extends CommandEnvelope {
  account: { accountId: string; username: string; role: Role; subjectId: string; orgId?: string; name: string };
  credentialId: string;
  /** The request field a taken username is reported on (`username`, `reviewerUsername`). */
  usernameField: string;
  /** A person's ID number, claimed with the username so that one person has one account. */
  idNumber?: string;
}

export interface PasswordChange extends CommandEnvelope {
  credentialId: string;
}

export interface LockoutRecord extends CommandEnvelope {
  failures: number;
  lockedUntil: string;
}

/** Undoes a registration whose larger command failed afterwards; gives back the username (and the ID number). */
export interface AccountWithdrawal extends CommandEnvelope {
  reason: string;
  idNumber?: string;
}

export interface AccountView {
  accountId: string;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  position: string;
}

/** Failures: Conflict → 409 (username or ID number taken; details name the field), InvalidTransition → 409. */
export const registerAccountUpdate = defineUpdate<AccountView, [AccountRegistration]>('register');
/** Failures: NotFound → 404 (no such account), InvalidInput → 422 (the pending credential expired). */
export const changePasswordUpdate = defineUpdate<AccountView, [PasswordChange]>('changePassword');
export const recordLockoutUpdate = defineUpdate<AccountView, [LockoutRecord]>('recordLockout');
export const withdrawAccountUpdate = defineUpdate<AccountView | null, [AccountWithdrawal]>('withdraw');
export const accountViewQuery = defineQuery<AccountView | null>('view');
