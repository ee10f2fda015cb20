/** Accounts and sessions (CONTRACT.md): captcha, registration, login, password change, me. */
import type { Plugin } from '@hapi/hapi';
import { CAPTCHA_DDL } from './captcha.js';
import { captchaRoute } from './captcha.route.js';
import { loginRoute } from './login.route.js';
import { meRoute } from './me.route.js';
import { changePasswordRoute } from './password.route.js';
import { registerRoute } from './register.route.js';
import { staffRoute } from './staff.route.js';
import { THROTTLE_DDL } from './throttle.js';

export const accountsPlugin: Plugin<void> = {
  name: 'jxjy-accounts',
  async register(server) {
    // The API's own operational tables (not read models): shared by every API instance through the database.
    await server.app.deps.db.exec(CAPTCHA_DDL + THROTTLE_DDL);
    // One call per route: each route keeps its own request typing (payload, params).
    server.route(captchaRoute);
    server.route(registerRoute);
    server.route(loginRoute);
    server.route(changePasswordRoute);
    server.route(meRoute);
    server.route(staffRoute);
  },
};
