/**
 * POST /sessions — log in. Order matters: the per-address limit, then the captcha (consumed right or wrong), then a
 * reserved try against the username's lockout, then the password. An unknown username and a wrong password get one
 * and the same answer, lockout included (throttle.ts).
 */
import type { Request, ServerRoute } from '@hapi/hapi';
import { readCredential } from '../../events/store/credentials.js';
import { accountWorkflowId, recordLockoutUpdate } from '../../workflows/accounts/messages.js';
import { clientAddress } from '../client-address.js';
import { nowOf } from '../clock.js';
import { UnauthorizedError } from '../errors.js';
import { Joi } from '../joi.js';
import { executeCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { type LoadedAccount, findAccountByUsername } from './account-repository.js';
import { consumeCaptcha } from './captcha.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { sessionFor, sessionSchema } from './session.js';
import { clearSignInTries, lockedOutError, rateLimit, reserveSignInTry, settleFailedSignIn } from './throttle.js';

interface LoginPayload {
  username: string;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

const WRONG_CREDENTIALS = { zh: '用户名或密码错误', en: 'wrong username or password' };

export const loginRoute: ServerRoute<{ Payload: LoginPayload }> = {
  method: 'POST',
  path: '/sessions',
  options: {
    auth: false,
    description: 'Log in',
    notes: '5 wrong passwords within 15 minutes lock the sign-in for 15 minutes (429 with Retry-After), for any username. A new account must change its password first: its token only opens PUT /accounts/me/password.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { statuses: [401, 429] } },
    validate: {
      payload: Joi.object({
        username: Joi.string().max(64).required(),
        password: Joi.string().max(128).required(),
        captchaId: Joi.string().guid().required(),
        captchaAnswer: Joi.string().max(16).required(),
      }),
    },
    response: { schema: sessionSchema },
    handler: async (request) => {
      const { db, store, config } = request.server.app.deps;
      const { username, password, captchaId, captchaAnswer } = request.payload;
      const now = nowOf(request);
      await rateLimit(db, 'login', clientAddress(request), config.loginRatePerMinute, 60_000, now);
      await consumeCaptcha(db, captchaId, captchaAnswer, now);

      const reserved = await reserveSignInTry(db, username, now);
      const found = await findAccountByUsername(store, username);
      if (!reserved.reserved) {
        if (reserved.lockedNow && found) recordLockout(request, found, reserved);
        throw lockedOutError(reserved.lockedUntil, now);
      }
      const credential = found ? await readCredential(db, found.state.accountId) : null;
      const verified = credential ? await verifyPassword(credential.passwordHash, password) : await verifyNothing(password);
      if (!found || !credential || !verified) {
        const locked = await settleFailedSignIn(db, username, now);
        if (locked && found) recordLockout(request, found, locked);
        throw new UnauthorizedError(WRONG_CREDENTIALS);
      }
      await clearSignInTries(db, username);
      return sessionFor(config, found.state, credential.version);
    },
  },
};

/**
 * A lockout is a fact worth keeping for auditors (the counting itself is operational state). It is recorded beside
 * the answer, not before it: waiting for it would make a real username's answer slower than an unknown one's — or a
 * 503 while Temporal is away — and tell an attacker which usernames exist. A failure is logged, not shown.
 */
function recordLockout(request: Request<{ Payload: LoginPayload }>, found: LoadedAccount, lock: { lockedUntil: Date; failures: number }): void {
  const { temporal, config, logger } = request.server.app.deps;
  const metadata = eventMetadata(request);
  const command = {
    workflowId: accountWorkflowId(found.state.accountId),
    update: recordLockoutUpdate,
    args: { failures: lock.failures, lockedUntil: lock.lockedUntil.toISOString(), actor: metadata.actor, correlationId: metadata.correlationId },
  };
  const recorded = temporal.client ? executeCommand(temporal.client, config, command) : Promise.reject(new Error('Temporal is not connected'));
  recorded.catch((error: unknown) => logger.error({ err: error, accountId: found.state.accountId, reqId: metadata.correlationId }, 'could not record a lockout'));
}
