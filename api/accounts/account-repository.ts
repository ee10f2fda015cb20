/**
 * Reading accounts straight from their streams (not a projection), so a login right after registration or a
 * password change sees it at once: username → its claim stream → `account-<id>` → evolve.
 */
import { type AccountEvent, type AccountState, accountStream, evolveAccount, usernameClaimStream } from '../../events/account.js';
import type { EventStore } from '../../events/store/event-store.js';
import { claimOwner } from '../../events/store/claims.js';

export interface LoadedAccount {
  state: AccountState;
  revision: bigint;
}

export async function loadAccount(store: EventStore, accountId: string): Promise<LoadedAccount | null> {
  const events = await store.readStream(accountStream(accountId));
  let state: AccountState | null = null;
  for (const event of events) state = evolveAccount(state, { type: event.type, data: event.data } as AccountEvent);
  return state ? { state, revision: events[events.length - 1]!.revision } : null;
}

export async function findAccountByUsername(store: EventStore, username: string): Promise<LoadedAccount | null> {
  const accountId = await claimOwner(store, usernameClaimStream(username));
  return accountId ? loadAccount(store, accountId) : null;
}
