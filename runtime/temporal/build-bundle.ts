/**
 * Prebuilds the workflow bundle (webpack via the SDK) so a worker starts in well under a second instead of
 * bundling for several seconds at every boot. `npm run build:workflows` runs this file; the worker falls back to
 * bundling on the fly when the prebuilt file is missing or older than the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const WORKFLOWS_DIR = fileURLToPath(new URL('../../workflows/', import.meta.url));
export const WORKFLOWS_ENTRY = path.join(WORKFLOWS_DIR, 'index.ts');
export const DEFAULT_BUNDLE_PATH = path.join(WORKFLOWS_DIR, 'dist', 'workflow-bundle.js');
/** Folders whose sources can end up in the bundle (workflows import pure event modules). */
const SOURCE_DIRS = [WORKFLOWS_DIR, path.join(WORKFLOWS_DIR, '..', 'events')];

export interface BuildBundleOptions {
  workflowsPath?: string;
  outFile?: string;
}

export async function buildWorkflowBundle(options: BuildBundleOptions = {}): Promise<string> {
  const outFile = options.outFile ?? DEFAULT_BUNDLE_PATH;
  const { code } = await bundleWorkflowCode({
    workflowsPath: options.workflowsPath ?? WORKFLOWS_ENTRY,
    // webpack's progress chatter is noise; its errors still throw.
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Write then rename: a worker starting meanwhile never loads half a bundle.
  const partial = `${outFile}.${process.pid}.partial`;
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, outFile);
  return outFile;
}

/**
 * The prebuilt bundle when it is at least as new as every workflow source, else undefined. A stale bundle would
 * silently run yesterday's workflow code after an edit without `npm run build:workflows`.
 */
export function freshPrebuiltBundle(bundlePath = DEFAULT_BUNDLE_PATH): string | undefined {
  let built: number;
  try {
    built = fs.statSync(bundlePath).mtimeMs;
  } catch {
    return undefined;
  }
  return SOURCE_DIRS.every((dir) => newestSource(dir) <= built) ? bundlePath : undefined;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now();
  const outFile = await buildWorkflowBundle();
  console.log(`workflow bundle: ${path.relative(process.cwd(), outFile)} (${Math.round(performance.now() - started)} ms)`);
}
