/**
 * POST /staff — admin creates a staff account: an auditor (审计人员), who reads and replays the whole history, or another
 * admin. The account gets a one-time password, answered once and never stored in the clear; it must be changed at
 * first login. A username already taken answers 409 naming it.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { usernameClaimStream } from '../../events/account.js';
import { claimOwner } from '../../events/store/claims.js';
import { discardPendingCredential, storePendingCredential } from '../../events/store/credentials.js';
import { USERNAME_TAKEN, accountWorkflowId, registerAccountUpdate } from '../../workflows/accounts/messages.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { personName, username } from '../identifiers.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { eventMetadata } from '../request-context.js';
import { fromTemporalError } from '../temporal-errors.js';
import { hashPassword, oneTimePassword } from './passwords.js';

export const STAFF_ROLES = ['auditor', 'admin'] as const;

export const staffRoute: ServerRoute<{ Payload: { username: string; name: string; role: (typeof STAFF_ROLES)[number] } }> = {
  method: 'POST',
  path: '/staff',
  options: {
    description: 'Create a staff account: auditor or admin (admin)',
    notes: 'Answers the one-time password once; the account changes it at first login. 409 when the username is taken.',
    tags: ['api', 'accounts'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { successStatus: 201, labels: { name: { zh: '姓名', en: 'Name' }, role: { zh: '角色', en: 'Role' } } } },
    validate: { payload: Joi.object({ username: username().required(), name: personName().required(), role: Joi.string().valid(...STAFF_ROLES).required() }) },
    response: {
      status: {
        201: Joi.object({ accountId: Joi.string().guid().required(), username: Joi.string().required(), role: Joi.string().required(), oneTimePassword: Joi.string().required(), position: Joi.string().required() }).label('StaffCreated'),
      },
    },
    handler: async (request, h) => {
      const { db, store } = request.server.app.deps;
      const body = request.payload;
      const taken = new ConflictError(USERNAME_TAKEN, { details: [{ field: 'username', message: USERNAME_TAKEN }] });
      if (await claimOwner(store, usernameClaimStream(body.username))) throw taken;
      const accountId = crypto.randomUUID();
      const credentialId = crypto.randomUUID();
      const password = oneTimePassword();
      await storePendingCredential(db, { credentialId, accountId, passwordHash: await hashPassword(password), at: nowOf(request) });
      const metadata = eventMetadata(request);
      try {
        const view = await sendCommand(request, {
          workflowId: accountWorkflowId(accountId),
          update: registerAccountUpdate,
          args: {
            account: { accountId, username: body.username, role: body.role, subjectId: accountId, name: body.name },
            credentialId, usernameField: 'username', actor: metadata.actor, correlationId: metadata.correlationId,
          },
        });
        return h.response({ accountId, username: body.username, role: body.role, oneTimePassword: password, position: view.position }).code(201);
      } catch (error) {
        if (fromTemporalError(error)?.statusCode === 409) await discardPendingCredential(db, credentialId);
        throw error;
      }
    },
  },
};
