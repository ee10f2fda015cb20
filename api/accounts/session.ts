/** The session body shared by login and password change (CONTRACT.md: same shape for both). */
import type { AccountState } from '../../events/account.js';
import { ROLES } from '../../events/vocabulary/index.js';
import { issueAccessToken } from '../auth.js';
import type { Config } from '../../runtime/config.js';
import { Joi } from '../joi.js';

export interface Session {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
  role: AccountState['role'];
  subjectId: string;
  orgId?: string;
}

/**
 * Tokens follow the real clock (the verifier's), not the API's injectable one. `credentialVersion` is the password's
 * version the token is issued under: a later password change makes it stale (auth.ts).
 */
export function sessionFor(config: Pick<Config, 'jwtSecret' | 'accessTokenTtl'>, account: AccountState, credentialVersion: number): Session {
  const { accessToken, expiresIn } = issueAccessToken(config, {
    accountId: account.accountId,
    role: account.role,
    subjectId: account.subjectId,
    ...(account.orgId ? { orgId: account.orgId } : {}),
    mustChangePassword: account.mustChangePassword,
    credentialVersion,
  });
  return {
    accessToken,
    expiresIn,
    mustChangePassword: account.mustChangePassword,
    role: account.role,
    subjectId: account.subjectId,
    ...(account.orgId ? { orgId: account.orgId } : {}),
  };
}

export const sessionSchema = Joi.object({
  accessToken: Joi.string().required(),
  expiresIn: Joi.number().integer().required(),
  mustChangePassword: Joi.boolean().required(),
  role: Joi.string().valid(...ROLES).required(),
  subjectId: Joi.string().required(),
  orgId: Joi.string(),
}).label('Session');
