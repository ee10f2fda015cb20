/**
 * The first `admin` (人社部门) account, created at first start so a newcomer is never locked out: from
 * JXJY_ADMIN_USERNAME/PASSWORD when set, otherwise with a random one-time password printed once. Either way it
 * must be changed at first login. Later starts find the account and do nothing. Like every account, it is
 * registered by the account lifecycle; its password waits as a pending credential, never in a payload.
 */
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { usernameClaimStream } from '../../events/account.js';
import { claimOwner } from '../../events/store/claims.js';
import { storePendingCredential } from '../../events/store/credentials.js';
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { passwordProblem } from '../../events/vocabulary/index.js';
import type { Config } from '../../runtime/config.js';
import { accountWorkflowId, registerAccountUpdate } from '../../workflows/accounts/messages.js';
import { executeCommand } from '../lifecycles.js';
import { fromTemporalError } from '../temporal-errors.js';
import { hashPassword, oneTimePassword } from './passwords.js';

export interface BootstrapResult {
  created: boolean;
  username: string;
  /** Only when generated: shown once, never stored. */
  oneTimePassword?: string;
}

export interface BootstrapDeps {
  store: EventStore;
  db: Database;
  client: Client;
  config: Pick<Config, 'adminUsername' | 'adminPassword' | 'temporalTaskQueue' | 'reviewRemindAfterMs' | 'reviewEscalateAfterMs'>;
}

export async function bootstrapAdmin(deps: BootstrapDeps, now: Date = new Date()): Promise<BootstrapResult> {
  const username = deps.config.adminUsername ?? 'admin';
  if (await claimOwner(deps.store, usernameClaimStream(username))) return { created: false, username };
  const given = deps.config.adminPassword;
  const problem = given ? passwordProblem(given, { username }) : null;
  if (problem) throw new Error(`JXJY_ADMIN_PASSWORD does not meet the password policy (${problem}): at least 8 characters with letters and digits, not a common one`);
  const generated = given ? undefined : oneTimePassword();
  const accountId = crypto.randomUUID();
  const credentialId = crypto.randomUUID();
  await storePendingCredential(deps.db, { credentialId, accountId, passwordHash: await hashPassword(given ?? generated!), at: now });
  try {
    await executeCommand(deps.client, deps.config, {
      workflowId: accountWorkflowId(accountId),
      update: registerAccountUpdate,
      args: {
        account: { accountId, username, role: 'admin', subjectId: accountId, name: '系统管理员' },
        credentialId,
        usernameField: 'username',
        actor: { id: 'system', role: 'system' },
      },
    });
  } catch (error) {
    if (fromTemporalError(error)?.statusCode === 409) return { created: false, username }; // another instance won the race
    throw error;
  }
  return { created: true, username, ...(generated ? { oneTimePassword: generated } : {}) };
}
