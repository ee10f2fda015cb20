/** PUT /accounts/me/password — the one route a must-change-password token opens; answers with a full session. */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { type PasswordChanged, accountStream } from '../../events/account.js';
import { nowOf } from '../clock.js';
import { UnauthorizedError, ValidationError } from '../errors.js';
import { password } from '../identifiers.js';
import { eventMetadata } from '../request-context.js';
import { loadAccount } from './account-repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sessionFor, sessionSchema } from './session.js';
import { rateLimit } from './throttle.js';

interface ChangePasswordPayload {
  currentPassword: string;
  newPassword: string;
}

export const changePasswordRoute: ServerRoute<{ Payload: ChangePasswordPayload }> = {
  method: 'PUT',
  path: '/accounts/me/password',
  options: {
    description: 'Change my password',
    notes: 'Required at first login. Returns a full (unrestricted) session.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { allowRestricted: true } },
    validate: {
      payload: Joi.object({ currentPassword: Joi.string().max(128).required(), newPassword: password().required() }),
    },
    response: { schema: sessionSchema },
    handler: async (request) => {
      const { store, config, db } = request.server.app.deps;
      const { currentPassword, newPassword } = request.payload;
      // A stolen token must not become an oracle for guessing the current password.
      await rateLimit(db, 'password-change', request.auth.credentials.accountId, 10, 15 * 60_000, nowOf(request));
      const loaded = await loadAccount(store, request.auth.credentials.accountId);
      if (!loaded) throw new UnauthorizedError();
      const { state: account, revision } = loaded;
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        const message = { zh: '当前密码不正确', en: 'the current password is wrong' };
        throw new ValidationError(message, { details: [{ field: 'currentPassword', message }] });
      }
      const sameAs = (other: string) => newPassword.toLowerCase() === other.toLowerCase();
      if (sameAs(account.username) || newPassword === currentPassword) {
        const message = sameAs(account.username)
          ? { zh: '新密码不能与用户名相同', en: 'the new password must not be the username' }
          : { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' };
        throw new ValidationError(message, { details: [{ field: 'newPassword', message }] });
      }
      const now = nowOf(request).toISOString();
      const event: PasswordChanged = {
        type: 'PasswordChanged',
        data: { accountId: account.accountId, passwordHash: await hashPassword(newPassword), changedAt: now },
      };
      await store.append(accountStream(account.accountId), [{ eventId: crypto.randomUUID(), ...event, metadata: eventMetadata(request), recordedAt: now }], {
        expectedRevision: revision,
      });
      return sessionFor(config, { ...account, mustChangePassword: false });
    },
  },
};
