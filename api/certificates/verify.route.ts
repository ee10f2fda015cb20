/** GET /verify/{code} — public verification as JSON (the page for people is verify-page.ts). */
import type { ServerRoute } from '@hapi/hapi';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { NO_SUCH_CODE, verificationSchema, verify } from './verification.js';

export const verifyRoute: ServerRoute<{ Params: { code: string } }> = {
  method: 'GET',
  path: '/verify/{code}',
  options: {
    description: 'Verify a certificate (证书查验, public)',
    notes: 'Every printed field, masked as printed (the name too), the PDF’s SHA-256 and the status. 404 `unknown_code` for any code that names no certificate; 429 beyond the per-address limit.',
    tags: ['api', 'certificates'],
    auth: false,
    plugins: { jxjy: { statuses: [429], labels: { code: { zh: '验证码', en: 'Verification code' } } } },
    validate: { params: Joi.object({ code: Joi.string().max(64).required() }) },
    response: { schema: verificationSchema },
    handler: async (request) => {
      const verification = await verify(request, request.params.code);
      if (!verification) throw new NotFoundError(NO_SUCH_CODE, { code: 'unknown_code', facts: { valid: false } });
      return verification;
    },
  },
};
