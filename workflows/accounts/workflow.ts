/** The account lifecycle (`account-<accountId>`) on the kit's host: configuration only. */
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type AccountCommand, type AccountLifecycleState, accountDecider, toAccountView } from './decider.js';
import { passwordEffects, registrationEffects, withdrawalEffects } from './effects.js';
import {
  ACCOUNT_KIND, type AccountView, accountViewQuery, changePasswordUpdate, recordLockoutUpdate, registerAccountUpdate, withdrawAccountUpdate,
} from './messages.js';
import type { AccountEvent } from '../../events/account.js';

const bind = binder<AccountCommand, AccountEvent, AccountLifecycleState>();
const view = ({ state, position }: { state: AccountLifecycleState; position: string }) => toAccountView(state, position)!;
const maybeView = ({ state, position }: { state: AccountLifecycleState; position: string }) => toAccountView(state, position);

const accounts: Lifecycle<AccountCommand, AccountEvent, AccountLifecycleState, AccountView | null> = {
  kind: ACCOUNT_KIND,
  decider: accountDecider,
  commands: [
    bind(registerAccountUpdate, { toCommand: (registration) => ({ type: 'register', registration }), effects: registrationEffects, result: view }),
    bind(changePasswordUpdate, { toCommand: (change) => ({ type: 'changePassword', change }), effects: passwordEffects, result: view }),
    bind(recordLockoutUpdate, { toCommand: (lockout) => ({ type: 'recordLockout', lockout }), result: view }),
    bind(withdrawAccountUpdate, { toCommand: (withdrawal) => ({ type: 'withdraw', withdrawal }), effects: withdrawalEffects, result: maybeView }),
  ],
  view: toAccountView,
  viewQuery: accountViewQuery,
};

export async function accountLifecycle(input: LifecycleInput<AccountLifecycleState>): Promise<AccountView | null> {
  return (await runLifecycle(accounts, input)) ?? null;
}
