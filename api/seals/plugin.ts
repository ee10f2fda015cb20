/** Seals over the event log: seal now, list, proofs, the public key, and the offline-verifiable export. */
import type { Plugin } from '@hapi/hapi';
import { ensureSealTables } from '../../events/store/seals.js';
import { exportRoute } from './export.route.js';
import { consistencyRoute, proofRoute } from './proofs.route.js';
import { listSealsRoute, publicKeyRoute, sealNowRoute } from './seals.route.js';
import { publicSide } from './schemas.js';

export const sealsPlugin: Plugin<void> = {
  name: 'jxjy-seals',
  async register(server) {
    // Read the key now: a production start without JXJY_SEAL_KEY (or a key file) stops here, not at the first seal.
    publicSide(server.app.deps.config.sealKey);
    await ensureSealTables(server.app.deps.db);
    server.route(sealNowRoute);
    server.route(listSealsRoute);
    server.route(publicKeyRoute);
    server.route(proofRoute);
    server.route(consistencyRoute);
    server.route(exportRoute);
  },
};
