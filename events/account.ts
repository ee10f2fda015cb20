/**
 * Account events (`account-<accountId>`), and the claim streams that make usernames, ID numbers and USCCs unique
 * (`username-<lowercased>`, `idnumber-<upper>`, `uscc-<upper>`): a claim is appended at the claim stream's current
 * revision, so of two racing registrations exactly one wins, with no table outside the event store.
 * No secret is ever in an event (DESIGN.md §3): events say that a password was set or changed, never what it is —
 * the hash lives in the operational `credentials` table (events/store/credentials.ts). Pure: imported by workflows.
 */
import type { Role } from './vocabulary/index.js';

export type { Role } from './vocabulary/index.js';

export const accountStream = (accountId: string) => `account-${accountId}`;
export const usernameClaimStream = (username: string) => `username-${username.toLowerCase()}`;
export const idNumberClaimStream = (idNumber: string) => `idnumber-${idNumber.toUpperCase()}`;
export const usccClaimStream = (uscc: string) => `uscc-${uscc.toUpperCase()}`;

export interface AccountRegistered {
  type: 'AccountRegistered';
  data: {
    accountId: string;
    username: string;
    role: Role;
    /** personId for a person, the accountId for reviewers, admin and auditors. */
    subjectId: string;
    orgId?: string;
    name: string;
    /** Every new account changes its password at first login. */
    mustChangePassword: true;
    registeredAt: string;
  };
}

export interface PasswordChanged {
  type: 'PasswordChanged';
  data: { accountId: string; changedAt: string };
}

export interface AccountLockedOut {
  type: 'AccountLockedOut';
  data: { accountId: string; failures: number; lockedUntil: string; lockedAt: string };
}

/**
 * A registration undone: the command that created the account failed afterwards (e.g. its organisation could not be
 * recorded), so the account gives its names back and never signs in.
 */
export interface AccountWithdrawn {
  type: 'AccountWithdrawn';
  data: { accountId: string; reason: string; withdrawnAt: string };
}

export type AccountEvent = AccountRegistered | PasswordChanged | AccountLockedOut | AccountWithdrawn;

/** Appended to a claim stream at its current revision; its `ownerId` owns the name until a NameReleased. */
export interface NameClaimed {
  type: 'NameClaimed';
  data: { ownerId: string; claimedAt: string };
}

/** The owner gives the name up (a corrected USCC, or a registration that failed halfway): anyone may claim it again. */
export interface NameReleased {
  type: 'NameReleased';
  data: { ownerId: string; releasedAt: string };
}

export type ClaimEvent = NameClaimed | NameReleased;

/** An account as its stream says it is now: the registration, with password changes and lockouts applied. */
export type AccountState = Omit<AccountRegistered['data'], 'mustChangePassword'> & { mustChangePassword: boolean };

export function evolveAccount(state: AccountState | null, event: AccountEvent): AccountState | null {
  switch (event.type) {
    case 'AccountRegistered': {
      // Registrations written before credentials moved out carry a `passwordHash`: it never enters the state.
      const { mustChangePassword, passwordHash: _legacy, ...rest } = event.data as AccountRegistered['data'] & { passwordHash?: string };
      return { ...rest, mustChangePassword };
    }
    case 'PasswordChanged':
      return state && { ...state, mustChangePassword: false };
    case 'AccountLockedOut':
      return state;
    case 'AccountWithdrawn':
      return null;
    default: {
      const never: never = event;
      return never;
    }
  }
}

/**
 * Account events written before passwords moved to the credentials table still carry `passwordHash`. The log is
 * permanent, but a secret must never leave it: a Temporal payload or an auditor's page gets the event without it.
 */
export function withoutLegacySecrets(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('passwordHash' in data)) return data;
  const { passwordHash: _secret, ...rest } = data as Record<string, unknown>;
  return rest;
}
