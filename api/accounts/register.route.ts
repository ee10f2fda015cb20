/**
 * POST /accounts — a professional registers (个人注册). The person lifecycle (`person-<personId>`) records the
 * person and, in the same durable command, has the account lifecycle claim the username and ID number and set the
 * password — so a crash at any point never leaves a name claimed by an account that does not exist. Pre-checks make
 * the usual duplicates a 409 with nothing written; the claims settle the rare race.
 */
import type { ServerRoute } from '@hapi/hapi';
import { idNumberClaimStream, usernameClaimStream } from '../../events/account.js';
import { claimedByAnother } from '../../events/store/claims.js';
import { discardPendingCredential, storePendingCredential } from '../../events/store/credentials.js';
import { ID_NUMBER_TAKEN, USERNAME_TAKEN } from '../../workflows/accounts/messages.js';
import { personWorkflowId, registerPersonUpdate } from '../../workflows/persons/messages.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { idempotentId } from '../idempotency.js';
import { idNumber, password, personName, phone, username } from '../identifiers.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { fromTemporalError } from '../temporal-errors.js';
import { eventMetadata } from '../request-context.js';
import { consumeCaptcha } from './captcha.js';
import { hashPassword } from './passwords.js';

interface RegisterPayload {
  username: string;
  password: string;
  name: string;
  idNumber: string;
  phone?: string;
  captchaId: string;
  captchaAnswer: string;
}

const taken = (field: string, message: { zh: string; en: string }) => new ConflictError(message, { details: [{ field, message }] });

export const registerRoute: ServerRoute<{ Payload: RegisterPayload }> = {
  method: 'POST',
  path: '/accounts',
  options: {
    auth: false,
    description: 'Register a professional (个人注册)',
    notes: 'Creates a person and its account. The new account must change its password at first login.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { successStatus: 201, labels: { name: { zh: '姓名', en: 'Name' } }, idempotent: { varies: ['captchaId', 'captchaAnswer'] } } },
    validate: {
      payload: Joi.object({
        username: username().required(),
        password: password('username').required(),
        name: personName().required(),
        idNumber: idNumber().required(),
        phone: phone(),
        captchaId: Joi.string().guid().required(),
        captchaAnswer: Joi.string().max(16).required(),
      }),
    },
    response: {
      status: {
        201: Joi.object({ accountId: Joi.string().guid(), personId: Joi.string().guid(), username: Joi.string(), position: Joi.string() }).label('Registered'),
      },
    },
    handler: async (request, h) => {
      const { db, store } = request.server.app.deps;
      const body = request.payload;
      const now = nowOf(request);
      await consumeCaptcha(db, body.captchaId, body.captchaAnswer, now);
      // With an Idempotency-Key, a retry of a registration that went through finds the names claimed by its own account.
      const accountId = idempotentId(request, 'accountId');
      const personId = idempotentId(request, 'personId');
      const credentialId = idempotentId(request, 'credentialId');
      if (await claimedByAnother(store, usernameClaimStream(body.username), accountId)) throw taken('username', USERNAME_TAKEN);
      if (await claimedByAnother(store, idNumberClaimStream(body.idNumber), accountId)) throw taken('idNumber', ID_NUMBER_TAKEN);

      await storePendingCredential(db, { credentialId, accountId, passwordHash: await hashPassword(body.password), at: now });
      const metadata = eventMetadata(request);
      try {
        const person = await sendCommand(request, {
          workflowId: personWorkflowId(personId),
          update: registerPersonUpdate,
          args: {
            accountId, username: body.username, credentialId, name: body.name, idNumber: body.idNumber,
            ...(body.phone ? { phone: body.phone } : {}), actor: metadata.actor, correlationId: metadata.correlationId,
          },
        });
        return h.response({ accountId, personId, username: body.username, position: person.position }).code(201);
      } catch (error) {
        // Refused (a name taken meanwhile): this password will never be activated. On a timeout the registration
        // may still complete, and then it needs the credential: leave it to expire instead.
        if (fromTemporalError(error)?.statusCode === 409) await discardPendingCredential(db, credentialId);
        throw error;
      }
    },
  },
};
