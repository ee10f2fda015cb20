// `npm start`: the embedded system (runtime/start-all.ts) run as compiled JavaScript with plain Node. The server
// bundle is built first when a source it was built from changed (runtime/build-server.mjs, well under a second);
// the bundled start-all then builds the components and the workflow bundle when theirs changed, as from source.
// `node --import tsx runtime/start-all.ts` runs the same system from source.
import { pathToFileURL } from 'node:url';
import { SERVER_BUNDLE, buildServer, serverBundleFresh } from './build-server.mjs';

if (!serverBundleFresh()) {
  const started = performance.now();
  process.stderr.write('jxjy: building the server (sources changed since the last build)\n');
  try {
    await buildServer();
  } catch (error) {
    process.stderr.write(`jxjy: could not build the server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.stderr.write(`jxjy: built ${SERVER_BUNDLE} in ${Math.round(performance.now() - started)} ms\n`);
}
await import(pathToFileURL(SERVER_BUNDLE).href);
