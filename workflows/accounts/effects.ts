/**
 * What the account lifecycle changes outside its own stream, around the append (sandbox code): a registration claims
 * the username (and a person's ID number) and activates the pending password; a password change activates the new
 * one. A failed claim gives back the earlier ones; a failed append gives back all and drops the password.
 */
import { idNumberClaimStream, usernameClaimStream } from '../../events/account.js';
import { claimAll, credentials, release } from '../kit/claims.js';
import type { Effects } from '../kit/lifecycle.js';
import type { AccountCommand, AccountLifecycleState } from './decider.js';
import { ID_NUMBER_TAKEN, USERNAME_TAKEN } from './messages.js';

type AccountEffects = Effects<AccountCommand, unknown, AccountLifecycleState>;

export const registrationEffects: AccountEffects = {
  async before({ command, state, metadata }) {
    if (command.type !== 'register') return;
    const { account, usernameField, idNumber, credentialId } = command.registration;
    const ownerId = state.accountId;
    const undoClaims = await claimAll(
      [
        { stream: usernameClaimStream(account.username), ownerId, conflict: { field: usernameField, message: USERNAME_TAKEN } },
        ...(idNumber ? [{ stream: idNumberClaimStream(idNumber), ownerId, conflict: { field: 'idNumber', message: ID_NUMBER_TAKEN } }] : []),
      ],
      metadata,
    );
    try {
      await credentials.activateCredential({ accountId: ownerId, credentialId });
    } catch (error) {
      await undoClaims();
      throw error;
    }
    // If the account then cannot be recorded: the names go back, and the password with them.
    return async () => {
      await credentials.undoCredential({ accountId: ownerId, credentialId });
      await undoClaims();
    };
  },
};

export const passwordEffects: AccountEffects = {
  async before({ command, state }) {
    if (command.type !== 'changePassword') return;
    const { credentialId } = command.change;
    await credentials.activateCredential({ accountId: state.accountId, credentialId });
    // A change that cannot be recorded is no change: the previous password comes back.
    return () => credentials.undoCredential({ accountId: state.accountId, credentialId });
  },
};

/** After a withdrawal is recorded, its names go back: whoever owns them next may register. */
export const withdrawalEffects: AccountEffects = {
  async after({ command, state, metadata, events }) {
    if (command.type !== 'withdraw' || events.length === 0 || !state.account) return;
    const ownerId = state.accountId;
    await credentials.removeCredential({ accountId: ownerId });
    await release({ stream: usernameClaimStream(state.account.username), ownerId }, metadata);
    if (command.withdrawal.idNumber) await release({ stream: idNumberClaimStream(command.withdrawal.idNumber), ownerId }, metadata);
  },
};
