/**
 * Access tokens: short-lived HS256 JWTs issued at login, checked by `@hapi/jwt` as the server's default
 * strategy (routes opt out with `auth: false`). The role is the token's only scope, so a route restricts
 * itself with `auth: { access: { scope: ['admin'] } }`. A token minted for an account that must change its
 * password is "restricted": it opens only the routes that declare `plugins: { jxjy: { allowRestricted: true } }`.
 */
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import Jwt from '@hapi/jwt';
import { credentialVersion } from '../events/store/credentials.js';
import { type Role, isRole } from '../events/vocabulary/index.js';
import type { Config } from '../runtime/config.js';
import { ForbiddenError } from './errors.js';
import './route-options.js';

export { ROLES, type Role } from '../events/vocabulary/index.js';

/** Who is calling, as read from a verified token. */
export interface Identity {
  accountId: string;
  role: Role;
  /** The person or organisation the account acts for (personId, or orgId for unit/institution reviewers). */
  subjectId: string;
  orgId?: string;
  /** The account must change its password before doing anything else. */
  restricted: boolean;
  /** The password version the token was issued under; older than the account's current one = a stale session. */
  credentialVersion?: number;
}

declare module '@hapi/hapi' {
  // hapi's typings return `UserCredentials` from a strategy and expose `AuthCredentials` on the request;
  // both are merged with Identity, so the interfaces add no members of their own.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserCredentials extends Identity {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuthCredentials extends Identity {}
}

export const TOKEN_AUDIENCE = 'jxjy';
export const TOKEN_ISSUER = 'jxjy';
const TIME_SKEW_SEC = 15;

export interface AccessClaims {
  accountId: string;
  role: Role;
  subjectId: string;
  orgId?: string;
  mustChangePassword?: boolean;
  credentialVersion?: number;
}

export interface IssuedToken {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}

/** `now` (ms) is the caller's clock, so tests can mint tokens that are already expired. */
export function issueAccessToken(
  config: Pick<Config, 'jwtSecret' | 'accessTokenTtl'>,
  claims: AccessClaims,
  now: number = Date.now(),
): IssuedToken {
  const payload = {
    aud: TOKEN_AUDIENCE,
    iss: TOKEN_ISSUER,
    sub: claims.accountId,
    role: claims.role,
    subjectId: claims.subjectId,
    ...(claims.orgId ? { orgId: claims.orgId } : {}),
    ...(claims.mustChangePassword ? { mustChangePassword: true } : {}),
    ...(claims.credentialVersion !== undefined ? { cv: claims.credentialVersion } : {}),
  };
  const accessToken = Jwt.token.generate(payload, { key: config.jwtSecret, algorithm: 'HS256' }, {
    ttlSec: config.accessTokenTtl,
    now,
  });
  return { accessToken, expiresIn: config.accessTokenTtl };
}

export async function registerAuth(server: Server, config: Pick<Config, 'jwtSecret' | 'accessTokenTtl'>): Promise<void> {
  await server.register(Jwt);
  server.auth.strategy('jwt', 'jwt', {
    keys: { key: config.jwtSecret, algorithms: ['HS256'] },
    verify: {
      aud: TOKEN_AUDIENCE,
      iss: TOKEN_ISSUER,
      sub: false,
      nbf: true,
      exp: true,
      // Belt and braces with `exp`: a token is never honoured longer than the configured lifetime.
      maxAgeSec: config.accessTokenTtl,
      timeSkewSec: TIME_SKEW_SEC,
    },
    validate: async (artifacts, request) => {
      const identity = identityFrom(artifacts.decoded.payload);
      if (!identity) return { isValid: false };
      // A password change ends every session issued before it: the token's version must be the account's current one.
      const current = await credentialVersion(request.server.app.deps.db, identity.accountId);
      if (current !== null && identity.credentialVersion !== current) return { isValid: false };
      return { isValid: true, credentials: { ...identity, scope: [identity.role] } };
    },
  });
  server.auth.default('jwt');

  // Once here, not per route: a restricted token is refused everywhere except the password change.
  server.ext('onPostAuth', (request: Request, h: ResponseToolkit) => {
    if (!request.auth.isAuthenticated || !request.auth.credentials.restricted) return h.continue;
    if (request.route.settings.plugins?.jxjy?.allowRestricted) return h.continue;
    throw new ForbiddenError(
      { zh: '请先修改密码', en: 'password change required' },
      { code: 'password_change_required' },
    );
  });
}

/** A signed token with claims we did not issue (wrong role, missing ids) is not a session. */
function identityFrom(payload: unknown): Identity | undefined {
  if (!isRecord(payload)) return undefined;
  const { sub, role, subjectId, orgId, mustChangePassword, cv } = payload;
  if (typeof sub !== 'string' || !sub || typeof subjectId !== 'string' || !subjectId) return undefined;
  if (!isRole(role)) return undefined;
  if (orgId !== undefined && typeof orgId !== 'string') return undefined;
  if (cv !== undefined && !Number.isInteger(cv)) return undefined;
  return {
    accountId: sub,
    role,
    subjectId,
    ...(orgId ? { orgId } : {}),
    restricted: mustChangePassword === true,
    ...(typeof cv === 'number' ? { credentialVersion: cv } : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
