/** Audit and replay (CONTRACT.md): the log, its verification, replays, and the record of who read them. */
import type { Plugin } from '@hapi/hapi';
import { ACCESS_LOG_DDL, accessLogRoute, recordAuditedRead } from './access-log.js';
import { auditEventsRoute, auditStreamRoute } from './events.route.js';
import { REPLAYS_DDL, getReplayRoute, startReplayRoute } from './replays.route.js';
import { verifyRoute } from './verify.route.js';

export const auditPlugin: Plugin<void> = {
  name: 'jxjy-audit',
  async register(server) {
    await server.app.deps.db.exec(ACCESS_LOG_DDL + REPLAYS_DDL);
    // Server-wide: timelines in other areas are audited reads too when an auditor or admin makes them.
    server.ext('onPostAuth', recordAuditedRead);
    server.route(auditEventsRoute);
    server.route(auditStreamRoute);
    server.route(verifyRoute);
    server.route(startReplayRoute);
    server.route(getReplayRoute);
    server.route(accessLogRoute);
  },
};
