/**
 * POST /sessions — log in. Order matters: the per-address limit, then the captcha (consumed right or wrong), then
 * the lockout, then the password. Wrong username and wrong password get one and the same answer.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { accountStream } from '../../events/account.js';
import { clientAddress } from '../client-address.js';
import { nowOf } from '../clock.js';
import { UnauthorizedError } from '../errors.js';
import { eventMetadata } from '../request-context.js';
import { findAccountByUsername } from './account-repository.js';
import { consumeCaptcha } from './captcha.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { sessionFor, sessionSchema } from './session.js';
import { clearLoginFailures, lockedOutError, lockedUntil, rateLimit, recordLoginFailure } from './throttle.js';

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
    notes: '5 wrong passwords within 15 minutes lock the account for 15 minutes (429 with Retry-After). A new account must change its password first: its token only opens PUT /accounts/me/password.',
    tags: ['api', 'accounts'],
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

      const found = await findAccountByUsername(store, username);
      if (!found) {
        await verifyNothing(password);
        throw new UnauthorizedError(WRONG_CREDENTIALS);
      }
      const { state: account } = found;
      const locked = await lockedUntil(db, account.accountId, now);
      if (locked) throw lockedOutError(locked, now);
      if (!(await verifyPassword(account.passwordHash, password))) {
        const failure = await recordLoginFailure(db, account.accountId, now);
        if (failure.lockedUntil) {
          // A lockout is a fact worth keeping for auditors; the counting itself is operational state.
          await store.append(
            accountStream(account.accountId),
            [{
              eventId: crypto.randomUUID(),
              type: 'AccountLockedOut',
              data: { accountId: account.accountId, failures: failure.failures, lockedUntil: failure.lockedUntil.toISOString(), lockedAt: now.toISOString() },
              metadata: eventMetadata(request),
              recordedAt: now.toISOString(),
            }],
            // 'any': a password change may land at the same moment; the lockout must not turn into a 409.
            { expectedRevision: 'any' },
          );
        }
        throw new UnauthorizedError(WRONG_CREDENTIALS);
      }
      await clearLoginFailures(db, account.accountId);
      return sessionFor(config, account);
    },
  },
};
