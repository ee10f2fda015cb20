/**
 * Account events (`account-<accountId>`), and the claim streams that make usernames and ID numbers unique
 * (`username-<lowercased>`, `idnumber-<upper>`): a claim is appended with `no_stream`, so of two racing
 * registrations exactly one wins, with no table outside the event store. Passwords appear only as argon2id hashes.
 * Pure: imported by workflows.
 */

export type Role = 'person' | 'unit' | 'institution' | 'admin' | 'auditor';

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
    passwordHash: string;
    /** Every new account changes its password at first login. */
    mustChangePassword: true;
    registeredAt: string;
  };
}

export interface PasswordChanged {
  type: 'PasswordChanged';
  data: { accountId: string; passwordHash: string; changedAt: string };
}

export interface AccountLockedOut {
  type: 'AccountLockedOut';
  data: { accountId: string; failures: number; lockedUntil: string; lockedAt: string };
}

export type AccountEvent = AccountRegistered | PasswordChanged | AccountLockedOut;

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

/** An account as its stream says it is now: the registration, with the password and lockouts applied. */
export type AccountState = Omit<AccountRegistered['data'], 'mustChangePassword'> & { mustChangePassword: boolean };

export function evolveAccount(state: AccountState | null, event: AccountEvent): AccountState | null {
  switch (event.type) {
    case 'AccountRegistered': {
      const { passwordHash, mustChangePassword, ...rest } = event.data;
      return { ...rest, passwordHash, mustChangePassword };
    }
    case 'PasswordChanged':
      return state && { ...state, passwordHash: event.data.passwordHash, mustChangePassword: false };
    case 'AccountLockedOut':
      return state;
    default: {
      const never: never = event;
      return never;
    }
  }
}
