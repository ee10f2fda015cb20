/**
 * PUT /accounts/me/password — the one route a must-change-password token opens; answers with a full session. The new
 * hash waits as a pending credential; the account lifecycle activates it and records `PasswordChanged` in one durable
 * step (events/store/credentials.ts), and every token issued before stops working.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { readCredential, storePendingCredential } from '../../events/store/credentials.js';
import { accountWorkflowId, changePasswordUpdate } from '../../workflows/accounts/messages.js';
import { nowOf } from '../clock.js';
import { UnauthorizedError, ValidationError } from '../errors.js';
import { password } from '../identifiers.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { loadAccount } from './account-repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sessionFor, sessionSchema } from './session.js';
import { rateLimit } from './throttle.js';

interface ChangePasswordPayload {
  currentPassword: string;
  newPassword: string;
}

const refuse = (field: string, message: { zh: string; en: string }) => new ValidationError(message, { details: [{ field, message }] });

export const changePasswordRoute: ServerRoute<{ Payload: ChangePasswordPayload }> = {
  method: 'PUT',
  path: '/accounts/me/password',
  options: {
    description: 'Change my password',
    notes: 'Required at first login. Returns a full (unrestricted) session; tokens issued before stop working.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { allowRestricted: true, statuses: [429] } },
    validate: {
      payload: Joi.object({ currentPassword: Joi.string().max(128).required(), newPassword: password().required() }),
    },
    response: { schema: sessionSchema },
    handler: async (request) => {
      const { store, config, db } = request.server.app.deps;
      const { currentPassword, newPassword } = request.payload;
      const { accountId } = request.auth.credentials;
      const now = nowOf(request);
      // A stolen token must not become an oracle for guessing the current password.
      await rateLimit(db, 'password-change', accountId, 10, 15 * 60_000, now);
      const loaded = await loadAccount(store, accountId);
      const credential = await readCredential(db, accountId);
      if (!loaded || !credential) throw new UnauthorizedError();
      const account = loaded.state;
      if (!(await verifyPassword(credential.passwordHash, currentPassword))) {
        throw refuse('currentPassword', { zh: '当前密码不正确', en: 'the current password is wrong' });
      }
      if (newPassword.toLowerCase() === account.username.toLowerCase()) {
        throw refuse('newPassword', { zh: '新密码不能与用户名相同', en: 'the new password must not be the username' });
      }
      if (newPassword === currentPassword) throw refuse('newPassword', { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' });

      const credentialId = crypto.randomUUID();
      // Based on the version whose password was just proved: a change that another one overtakes is refused (409).
      await storePendingCredential(db, { credentialId, accountId, passwordHash: await hashPassword(newPassword), at: now, basedOnVersion: credential.version });
      const metadata = eventMetadata(request);
      await sendCommand(request, {
        workflowId: accountWorkflowId(accountId),
        update: changePasswordUpdate,
        args: { credentialId, actor: metadata.actor, correlationId: metadata.correlationId },
        updateId: `password-${credentialId}`,
      });
      // Activation succeeded from exactly `credential.version`, so the new one is the next.
      return sessionFor(config, { ...account, mustChangePassword: false }, credential.version + 1);
    },
  },
};
