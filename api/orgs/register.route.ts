/**
 * POST /orgs — an employer unit or teaching institution registers itself with its first reviewer account. The
 * `org-<orgId>` workflow is started with its `apply` Update (apply.ts), so the caller learns at once
 * whether the username or USCC is taken; the workflow then waits for the admin's decision.
 */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { usccClaimStream, usernameClaimStream } from '../../events/account.js';
import type { OrgDetails } from '../../events/org.js';
import { claimedByAnother } from '../../events/store/claims.js';
import { discardPendingCredential, storePendingCredential } from '../../events/store/credentials.js';
import { USERNAME_TAKEN } from '../../workflows/accounts/messages.js';
import { USCC_TAKEN } from '../../workflows/org/messages.js';
import { consumeCaptcha } from '../accounts/captcha.js';
import { hashPassword } from '../accounts/passwords.js';
import { nowOf } from '../clock.js';
import { ConflictError } from '../errors.js';
import { idempotentId } from '../idempotency.js';
import { password, username } from '../identifiers.js';
import { eventMetadata } from '../request-context.js';
import { fromTemporalError } from '../temporal-errors.js';
import { sendApplication } from './apply.js';
import { requireProvinceRegion } from './region.js';
import { ORG_LABELS, applicationResultSchema, orgDetailsFields } from './schemas.js';

type RegisterOrgPayload = OrgDetails & { reviewerUsername: string; reviewerPassword: string; captchaId: string; captchaAnswer: string };

export const registerOrgRoute: ServerRoute<{ Payload: RegisterOrgPayload }> = {
  method: 'POST',
  path: '/orgs',
  options: {
    auth: false,
    description: 'Register an organisation (单位/施教机构注册)',
    notes: 'Opens an org-approval task for admin. The reviewer account can log in at once but may act only after approval. A region code outside Guangdong (not 44xxxx) → 422.',
    tags: ['api', 'orgs'],
    plugins: { jxjy: { successStatus: 201, labels: ORG_LABELS, idempotent: { varies: ['captchaId', 'captchaAnswer'] } } },
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
      const now = nowOf(request);
      // Before the captcha is spent: a region outside Guangdong is a typo to correct, not a reason to solve it again.
      requireProvinceRegion(body.regionCode);
      await consumeCaptcha(db, body.captchaId, body.captchaAnswer, now);
      // Checked here so the usual duplicate writes nothing at all; the workflow's claims settle a race.
      // With an Idempotency-Key, a retry of an application that went through finds the names claimed by its own ids.
      const orgId = idempotentId(request, 'orgId');
      const accountId = idempotentId(request, 'accountId');
      const credentialId = idempotentId(request, 'credentialId');
      if (await claimedByAnother(store, usernameClaimStream(body.reviewerUsername), accountId)) {
        throw new ConflictError(USERNAME_TAKEN, { details: [{ field: 'reviewerUsername', message: USERNAME_TAKEN }] });
      }
      if (await claimedByAnother(store, usccClaimStream(body.uscc), orgId)) {
        throw new ConflictError(USCC_TAKEN, { details: [{ field: 'uscc', message: USCC_TAKEN }] });
      }
      await storePendingCredential(db, { credentialId, accountId, passwordHash: await hashPassword(body.reviewerPassword), at: now });
      const metadata = eventMetadata(request);
      const application = {
        orgId,
        details: { kind: body.kind, name: body.name, uscc: body.uscc, regionCode: body.regionCode, contactName: body.contactName, contactPhone: body.contactPhone },
        reviewer: { accountId, username: body.reviewerUsername, name: body.contactName, credentialId },
        actor: metadata.actor,
        correlationId: metadata.correlationId,
      };
      try {
        const view = await sendApplication(request, application);
        return h.response({ orgId, status: 'pending', position: view.position }).code(201);
      } catch (error) {
        // Refused (a name taken meanwhile): this password will never be activated; after a timeout it may still be.
        if (fromTemporalError(error)?.statusCode === 409) await discardPendingCredential(db, credentialId);
        throw error;
      }
    },
  },
};
