/**
 * vitest globalSetup: ONE Temporal dev server and prebuilt workflow bundles for the whole run (DESIGN.md §8).
 * Test files connect through tests/support/temporal.ts with a unique task queue each, so they share the server
 * without seeing each other's work. Bundling once here saves webpack seconds in every file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { buildWorkflowBundle } from '../runtime/temporal/build-bundle.js';
import { startDevServer } from '../runtime/temporal/dev-server.js';
import { findTemporalBinary } from '../runtime/temporal/temporal-binary.js';

declare module 'vitest' {
  interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
    /** The CLI, for tests that need a server of their own (restart/crash tests). */
    temporalBinary: string;
    /** Production bundle (workflows/index.ts). */
    workflowBundlePath: string;
    /** Test-only workflows (tests/workflows/fixtures/test-workflows.ts). */
    testWorkflowBundlePath: string;
    /** A dumped, freshly initialised PGlite cluster: tests load it instead of paying initdb each time. */
    pgliteTemplatePath: string;
  }
}

const TEST_WORKFLOWS = fileURLToPath(new URL('./workflows/fixtures/test-workflows.ts', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-temporal-'));
  const binary = await findTemporalBinary({ temporalCli: process.env.TEMPORAL_CLI, log: (m) => console.error(m) });
  const [serverResult, bundlesResult] = await Promise.allSettled([
    startDevServer({
      binary,
      dbFilename: path.join(dir, 'temporal.db'),
      // Tests lose nothing if the OS crashes; fsync on every write made the SQLite server the bottleneck.
      sqlitePragmas: { journal_mode: 'WAL', synchronous: 'OFF' },
    }),
    Promise.all([
      buildWorkflowBundle({ outFile: path.join(dir, 'workflow-bundle.js') }),
      buildWorkflowBundle({ workflowsPath: TEST_WORKFLOWS, outFile: path.join(dir, 'test-workflow-bundle.js') }),
      dumpPgliteTemplate(path.join(dir, 'pglite-template.tar')),
    ]),
  ]);
  if (serverResult.status === 'rejected' || bundlesResult.status === 'rejected') {
    if (serverResult.status === 'fulfilled') await serverResult.value.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw serverResult.status === 'rejected' ? serverResult.reason : (bundlesResult as PromiseRejectedResult).reason;
  }
  const server = serverResult.value;
  const [workflowBundlePath, testWorkflowBundlePath, pgliteTemplatePath] = bundlesResult.value;
  console.error(
    `temporal dev server ${server.address} ready in ${server.startupMs} ms; ` +
      `server + bundles in ${Math.round(performance.now() - started)} ms`,
  );
  project.provide('temporalAddress', server.address);
  project.provide('temporalNamespace', 'default');
  project.provide('temporalBinary', binary);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('testWorkflowBundlePath', testWorkflowBundlePath);
  project.provide('pgliteTemplatePath', pgliteTemplatePath);

  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function dumpPgliteTemplate(file: string): Promise<string> {
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  await db.close();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}
