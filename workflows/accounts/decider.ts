/**
 * The account lifecycle as a pure decider: an account is registered once, then its password changes and lockouts
 * are recorded — as facts without secrets (events/account.ts). Claims and credentials are its effects (effects.ts).
 */
import { type AccountEvent, type AccountState, evolveAccount } from '../../events/account.js';
import type { Decider } from '../kit/decider.js';
import { invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import type { AccountRegistration, AccountView, AccountWithdrawal, LockoutRecord, PasswordChange } from './messages.js';

export interface AccountLifecycleState {
  accountId: string;
  account: AccountState | null;
  /** Set once the registration was undone: the names are back, the account never signs in. */
  withdrawn?: boolean;
}

export type AccountCommand =
  | { type: 'register'; registration: AccountRegistration }
  | { type: 'changePassword'; change: PasswordChange }
  | { type: 'recordLockout'; lockout: LockoutRecord }
  | { type: 'withdraw'; withdrawal: AccountWithdrawal };

const NO_ACCOUNT = { zh: '账号不存在', en: 'no such account' };

export const accountDecider: Decider<AccountCommand | ReviewDecided, AccountEvent, AccountLifecycleState> = {
  initialState: (accountId) => ({ accountId, account: null }),
  evolve: (state, event) => ({
    ...state,
    account: evolveAccount(state.account, event),
    ...(event.type === 'AccountWithdrawn' ? { withdrawn: true } : {}),
  }),
  decide(command, state, { now }) {
    switch (command.type) {
      case 'register': {
        if (state.account || state.withdrawn) throw invalidTransition({ zh: '账号已存在', en: 'the account already exists' });
        const { account } = command.registration;
        return [{ type: 'AccountRegistered', data: { ...account, accountId: state.accountId, mustChangePassword: true, registeredAt: now } }];
      }
      case 'changePassword':
        if (!state.account) throw notFound(NO_ACCOUNT);
        return [{ type: 'PasswordChanged', data: { accountId: state.accountId, changedAt: now } }];
      case 'recordLockout': {
        if (!state.account) throw notFound(NO_ACCOUNT);
        const { failures, lockedUntil } = command.lockout;
        return [{ type: 'AccountLockedOut', data: { accountId: state.accountId, failures, lockedUntil, lockedAt: now } }];
      }
      case 'withdraw':
        // Idempotent: undoing twice (a retried compensation) changes nothing.
        if (!state.account) return [];
        return [{ type: 'AccountWithdrawn', data: { accountId: state.accountId, reason: command.withdrawal.reason, withdrawnAt: now } }];
      case 'reviewDecided':
        throw notFound(); // accounts request no reviews
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

export function toAccountView(state: AccountLifecycleState, position: string): AccountView | null {
  const { account } = state;
  if (!account) return null;
  return { accountId: account.accountId, username: account.username, role: account.role, mustChangePassword: account.mustChangePassword, position };
}
