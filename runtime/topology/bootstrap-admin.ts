/**
 * One-shot job of a deployment (`node --import tsx runtime/topology/bootstrap-admin.ts`): creates the first `admin`
 * account if none exists, as `npm start` does at its first start. `start:api` and `start:worker` do not, and should
 * not: with several API instances every one of them would race for it, and the one-time password would land in
 * whichever instance's log won. Run it once per deployment after the workers are up (the account lifecycle needs
 * one); a second run finds the account and does nothing.
 *
 * Prints the generated one-time password once. `--json` prints the result as one JSON line instead (the launcher
 * reads it and shows it on its console, so the password never reaches a log file).
 */
import { Client, Connection } from '@temporalio/client';
import { bootstrapAdmin } from '../../api/accounts/bootstrap-admin.js';
import { openStores } from '../../events/store/open-stores.js';
import { loadConfig } from '../config.js';

/** Long enough for a worker that is still starting; bounded so a deployment with no worker fails instead of hanging. */
const DEADLINE_MS = 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.temporalAddress || !config.databaseUrl) {
    throw new Error('the admin bootstrap job needs TEMPORAL_ADDRESS and DATABASE_URL (the embedded `npm start` does it by itself)');
  }
  const stores = await openStores(config);
  try {
    const connection = await Connection.connect({ address: config.temporalAddress });
    try {
      const client = new Client({ connection, namespace: config.temporalNamespace });
      const result = await client.withDeadline(Date.now() + DEADLINE_MS, () => bootstrapAdmin({ store: stores.store, db: stores.db, client, config }));
      if (process.argv.includes('--json')) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else if (!result.created) {
        process.stdout.write(`the ${result.username} account exists already: nothing to do\n`);
      } else {
        process.stdout.write(
          result.oneTimePassword
            ? `created ${result.username}; one-time password: ${result.oneTimePassword} (shown only now; it must be changed at first login)\n`
            : `created ${result.username} with JXJY_ADMIN_PASSWORD (it must be changed at first login)\n`,
        );
      }
    } finally {
      await connection.close();
    }
  } finally {
    await stores.close();
  }
}

main().catch((error: Error) => {
  console.error(`admin bootstrap failed: ${error.message}`);
  process.exitCode = 1;
});
