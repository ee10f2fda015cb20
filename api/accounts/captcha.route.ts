/** GET /captcha — a fresh single-use captcha (+ its answer when JXJY_CAPTCHA=reveal, for automated tests). */
import type { ServerRoute } from '@hapi/hapi';
import { Joi } from '../joi.js';
import { clientAddress } from '../client-address.js';
import { nowOf } from '../clock.js';
import { issueCaptcha } from './captcha.js';
import { rateLimit } from './throttle.js';

export const captchaRoute: ServerRoute = {
  method: 'GET',
  path: '/captcha',
  options: {
    auth: false,
    description: 'Get a captcha (验证码)',
    notes: 'Single use; expires after 5 minutes. Show `svg` as an image; send `captchaId` and the typed answer with the form.',
    tags: ['api', 'accounts'],
    plugins: { jxjy: { statuses: [429] } },
    response: {
      schema: Joi.object({
        captchaId: Joi.string().guid().required(),
        svg: Joi.string().required(),
        expiresAt: Joi.string().isoDate().required(),
        answer: Joi.string().description('only when JXJY_CAPTCHA=reveal (tests)'),
      }).label('Captcha'),
    },
    handler: async (request, h) => {
      const { db, config } = request.server.app.deps;
      const now = nowOf(request);
      await rateLimit(db, 'captcha', clientAddress(request), 120, 60_000, now);
      const { answer, ...captcha } = await issueCaptcha(db, now);
      return h.response(config.captcha === 'reveal' ? { ...captcha, answer } : captcha).header('Cache-Control', 'no-store');
    },
  },
};
