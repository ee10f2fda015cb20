/**
 * The first `admin` (人社部门) account, created at first start so a newcomer is never locked out: from
 * JXJY_ADMIN_USERNAME/PASSWORD when set, otherwise with a random one-time password printed once. Either way it
 * must be changed at first login. Later starts find the account and do nothing.
 */
import crypto from 'node:crypto';
import { type AccountRegistered, accountStream, usernameClaimStream } from '../../events/account.js';
import { claimName, claimOwner } from '../../events/store/claims.js';
import type { EventStore } from '../../events/store/event-store.js';
import type { Config } from '../../runtime/config.js';
import { passwordProblem } from '../identifiers.js';
import { hashPassword } from './passwords.js';

export interface BootstrapResult {
  created: boolean;
  username: string;
  /** Only when generated: shown once, never stored. */
  oneTimePassword?: string;
}

export async function bootstrapAdmin(
  deps: { store: EventStore; config: Pick<Config, 'adminUsername' | 'adminPassword'> },
  now: Date = new Date(),
): Promise<BootstrapResult> {
  const username = deps.config.adminUsername ?? 'admin';
  if (await claimOwner(deps.store, usernameClaimStream(username))) return { created: false, username };
  const given = deps.config.adminPassword;
  if (given && passwordProblem(given, username)) {
    throw new Error(`JXJY_ADMIN_PASSWORD does not meet the password policy (${passwordProblem(given, username)}): at least 8 characters with letters and digits`);
  }
  // 12 characters from an alphabet without look-alikes, with at least one letter and one digit.
  const oneTimePassword = given ? undefined : `${randomFrom('abcdefghjkmnpqrstuvwxyz', 6)}${randomFrom('23456789', 6)}`;
  const accountId = crypto.randomUUID();
  const at = now.toISOString();
  const claim = await claimName(deps.store, { stream: usernameClaimStream(username), ownerId: accountId, at, eventId: crypto.randomUUID() });
  if (!claim.claimed) return { created: false, username }; // another instance won the race
  const event: AccountRegistered = {
    type: 'AccountRegistered',
    data: {
      accountId, username, role: 'admin', subjectId: accountId, name: '系统管理员',
      passwordHash: await hashPassword(given ?? oneTimePassword!), mustChangePassword: true, registeredAt: at,
    },
  };
  await deps.store.append(accountStream(accountId), [{ eventId: crypto.randomUUID(), ...event, metadata: { actor: { id: 'system', role: 'system' } }, recordedAt: at }], {
    expectedRevision: 'no_stream',
  });
  return { created: true, username, ...(oneTimePassword ? { oneTimePassword } : {}) };
}

function randomFrom(alphabet: string, length: number): string {
  return Array.from(crypto.randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}
