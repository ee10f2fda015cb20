/**
 * POST /orgs — an employer unit or teaching institution registers itself with its first reviewer account. The
 * `org-<orgId>` workflow is started with its `apply` Update (apply.ts), so the caller learns at once
 * whether the username or USCC is taken; the workflow then waits for the admin's decision.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { usccClaimStream, usernameClaimStream } from '../../events/account.js';
import type { OrgDetails } from '../../events/org.js';
import { claimOwner } from '../../events/store/claims.js';
import { consumeCaptcha } from '../accounts/captcha.js';
import { hashPassword } from '../accounts/passwords.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { password, username } from '../identifiers.js';
import { eventMetadata } from '../request-context.js';
import { sendApplication } from './apply.js';
import { applicationResultSchema, orgDetailsFields } from './schemas.js';

type RegisterOrgPayload = OrgDetails & { reviewerUsername: string; reviewerPassword: string; captchaId: string; captchaAnswer: string };

export const USERNAME_TAKEN = { zh: '用户名已被使用', en: 'this username is taken' };
export const USCC_TAKEN = { zh: '该统一社会信用代码已注册', en: 'an organisation with this USCC is already registered' };

export const registerOrgRoute: ServerRoute<{ Payload: RegisterOrgPayload }> = {
  method: 'POST',
  path: '/orgs',
  options: {
    auth: false,
    description: 'Register an organisation (单位/施教机构注册)',
    notes: 'Opens an org-approval task for admin. The reviewer account can log in at once but may act only after approval.',
    tags: ['api', 'orgs'],
    plugins: { jxjy: { successStatus: 201 } },
    validate: {
      payload: Joi.object({
        kind: Joi.string().valid('unit', 'institution').required(),
        ...orgDetailsFields,
        reviewerUsername: username().required(),
        reviewerPassword: password('reviewerUsername').required(),
        captchaId: Joi.string().guid().required(),
        captchaAnswer: Joi.string().max(16).required(),
      }),
    },
    response: { status: { 201: applicationResultSchema } },
    handler: async (request, h) => {
      const { db, store } = request.server.app.deps;
      const body = request.payload;
      await consumeCaptcha(db, body.captchaId, body.captchaAnswer, nowOf(request));
      // Checked here so the usual duplicate writes nothing at all; the workflow's claims settle a race.
      if (await claimOwner(store, usernameClaimStream(body.reviewerUsername))) {
        throw new ConflictError(USERNAME_TAKEN, { details: [{ field: 'reviewerUsername', message: USERNAME_TAKEN }] });
      }
      if (await claimOwner(store, usccClaimStream(body.uscc))) {
        throw new ConflictError(USCC_TAKEN, { details: [{ field: 'uscc', message: USCC_TAKEN }] });
      }
      const orgId = crypto.randomUUID();
      const metadata = eventMetadata(request);
      const application = {
        orgId,
        details: { kind: body.kind, name: body.name, uscc: body.uscc, regionCode: body.regionCode, contactName: body.contactName, contactPhone: body.contactPhone },
        reviewer: { accountId: crypto.randomUUID(), username: body.reviewerUsername, name: body.contactName, passwordHash: await hashPassword(body.reviewerPassword) },
        actor: { id: 'anonymous', role: 'public' },
        correlationId: metadata.correlationId,
      };
      const view = await sendApplication(request, application, 'FAIL');
      return h.response({ orgId, status: 'pending', position: view.position }).code(201);
    },
  },
};
