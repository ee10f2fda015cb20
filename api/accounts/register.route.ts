/**
 * POST /accounts — a professional registers (个人注册). Workflow-less: this route is the one writer of the
 * `person-`, new `account-` and claim streams it creates. Pre-checks make the usual duplicates a 409 with nothing
 * written; the claims settle the rare race (events/store/claims.ts), and a claim lost halfway is given back.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { type AccountRegistered, accountStream, idNumberClaimStream, usernameClaimStream } from '../../events/account.js';
import { type PersonRegistered, personStream } from '../../events/person.js';
import { claimName, claimOwner, releaseName } from '../../events/store/claims.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { idNumber, password, phone, username } from '../identifiers.js';
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

const USERNAME_TAKEN = { zh: '用户名已被使用', en: 'this username is taken' };
const ID_NUMBER_TAKEN = { zh: '该身份证号已注册', en: 'an account with this ID number already exists' };
const taken = (field: string, message: { zh: string; en: string }) => new ConflictError(message, { details: [{ field, message }] });

export const registerRoute: ServerRoute<{ Payload: RegisterPayload }> = {
  method: 'POST',
  path: '/accounts',
  options: {
    auth: false,
    description: 'Register a professional (个人注册)',
    notes: 'Creates a person and its account. The new account must change its password at first login.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { successStatus: 201 } },
    validate: {
      payload: Joi.object({
        username: username().required(),
        password: password('username').required(),
        name: Joi.string().trim().min(2).max(50).required(),
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
      if (await claimOwner(store, usernameClaimStream(body.username))) throw taken('username', USERNAME_TAKEN);
      if (await claimOwner(store, idNumberClaimStream(body.idNumber))) throw taken('idNumber', ID_NUMBER_TAKEN);

      const accountId = crypto.randomUUID();
      const personId = crypto.randomUUID();
      const at = now.toISOString();
      const metadata = eventMetadata(request);
      const passwordHash = await hashPassword(body.password);
      const claim = (stream: string) => claimName(store, { stream, ownerId: accountId, at, eventId: crypto.randomUUID(), metadata });
      if (!(await claim(usernameClaimStream(body.username))).claimed) throw taken('username', USERNAME_TAKEN);
      if (!(await claim(idNumberClaimStream(body.idNumber))).claimed) {
        // Lost a race for the ID number: give the username back, so a failed registration holds nothing.
        await releaseName(store, { stream: usernameClaimStream(body.username), ownerId: accountId, at, eventId: crypto.randomUUID(), metadata });
        throw taken('idNumber', ID_NUMBER_TAKEN);
      }

      const person: PersonRegistered = {
        type: 'PersonRegistered',
        data: { personId, accountId, name: body.name, idNumber: body.idNumber, ...(body.phone ? { phone: body.phone } : {}), registeredAt: at },
      };
      const account: AccountRegistered = {
        type: 'AccountRegistered',
        data: { accountId, username: body.username, role: 'person', subjectId: personId, name: body.name, passwordHash, mustChangePassword: true, registeredAt: at },
      };
      await store.append(personStream(personId), [{ eventId: crypto.randomUUID(), ...person, metadata, recordedAt: at }], { expectedRevision: 'no_stream' });
      const { position } = await store.append(accountStream(accountId), [{ eventId: crypto.randomUUID(), ...account, metadata, recordedAt: at }], {
        expectedRevision: 'no_stream',
      });
      return h.response({ accountId, personId, username: body.username, position }).code(201);
    },
  },
};
