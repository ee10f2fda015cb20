/**
 * What an application changes outside the org stream (sandbox code). A first registration claims the USCC and has the
 * account lifecycle create the reviewer account (username claim and password) in a child run; if the username is
 * taken the USCC goes back, and if the organisation then cannot be recorded the account is withdrawn. A re-application with a corrected USCC claims the new one and, once recorded, gives back
 * the mistyped one — or its real owner could never register.
 */
import { usccClaimStream } from '../../events/account.js';
import { ACCOUNT_KIND, type AccountRegistration, registerAccountUpdate, withdrawAccountUpdate } from '../accounts/messages.js';
import { commandInChild } from '../kit/children.js';
import { claim, release } from '../kit/claims.js';
import type { Effects } from '../kit/lifecycle.js';
import type { OrgCommand, OrgState } from './decider.js';
import { USCC_TAKEN } from './messages.js';

export const applicationEffects: Effects<OrgCommand, unknown, OrgState> = {
  async before({ command, state, metadata }) {
    const { orgId, details, reviewer, actor, correlationId } = command.application;
    const newUscc = { stream: usccClaimStream(details.uscc), ownerId: orgId };
    const previous = state.details && usccClaimStream(state.details.uscc);
    if (previous === newUscc.stream) return;
    await claim({ ...newUscc, conflict: { field: 'uscc', message: USCC_TAKEN } }, metadata);
    const undo = () => release(newUscc, metadata);
    if (state.status !== 'none' || !reviewer) return undo;
    const registration: AccountRegistration = {
      account: { accountId: reviewer.accountId, username: reviewer.username, role: details.kind, subjectId: reviewer.accountId, orgId, name: reviewer.name },
      credentialId: reviewer.credentialId,
      usernameField: 'reviewerUsername',
      actor,
      ...(correlationId ? { correlationId } : {}),
    };
    try {
      await commandInChild(ACCOUNT_KIND, reviewer.accountId, registerAccountUpdate.name, registration);
    } catch (error) {
      await undo(); // a failed registration holds nothing
      throw error;
    }
    // If the organisation then cannot be recorded, neither its reviewer account nor its USCC may stay behind.
    return async () => {
      const withdrawal = { reason: 'organisation registration failed', actor, ...(correlationId ? { correlationId } : {}) };
      await commandInChild(ACCOUNT_KIND, reviewer.accountId, withdrawAccountUpdate.name, withdrawal);
      await undo();
    };
  },
  async after({ command, state, metadata }) {
    const previous = state.details?.uscc;
    if (previous && usccClaimStream(previous) !== usccClaimStream(command.application.details.uscc)) {
      await release({ stream: usccClaimStream(previous), ownerId: command.application.orgId }, metadata);
    }
  },
};
