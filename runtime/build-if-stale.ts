/**
 * What `npm start` builds before it serves, and only when the sources changed since: the component bundle (served at
 * /components) and the workflow bundle (loaded by the worker). A second start of an unchanged checkout builds nothing.
 *
 * Each build runs in a child process (webpack's and esbuild's memory goes with it instead of staying in the server),
 * and both start at once and run while the server opens its database and starts Temporal: the start awaits the
 * workflow bundle only before it creates the worker, and the components only before the API listens. Measured on the
 * 2-core box: the two builds take 1.5 s and 2.3 s one after the other.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BUNDLE_PATH, freshPrebuiltBundle } from './temporal/build-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPONENTS = path.join(ROOT, 'components');
/** Written last by components/build.mjs: its time is the build's. */
const COMPONENTS_MARK = path.join(COMPONENTS, 'dist', 'custom-elements.json');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function componentsFresh(): boolean {
  try {
    const built = fs.statSync(COMPONENTS_MARK).mtimeMs;
    // Components import the shared vocabulary too.
    return newest(COMPONENTS) <= built && newest(path.join(ROOT, 'events', 'vocabulary')) <= built;
  } catch {
    return false;
  }
}

export interface StaleBuilds {
  /** Settles when the component bundle is current (at once when it was). */
  components: Promise<void>;
  /** The workflow bundle's path, once it is current (at once when it was): the worker loads it without looking again. */
  workflows: Promise<string>;
}

/** Starts the builds whose sources changed, in child processes, and returns without waiting for them. */
export function startStaleBuilds(log: (message: string) => void): StaleBuilds {
  const builds: StaleBuilds = { components: Promise.resolve(), workflows: Promise.resolve(DEFAULT_BUNDLE_PATH) };
  if (!componentsFresh()) {
    log('building the components (sources changed since the last build)');
    builds.components = run('the component build', [path.join(COMPONENTS, 'build.mjs')], log);
  }
  if (!freshPrebuiltBundle()) {
    log('building the workflow bundle (sources changed since the last build)');
    builds.workflows = run('the workflow bundle build', ['--import', 'tsx', path.join(ROOT, 'runtime', 'temporal', 'build-bundle.ts')], log).then(() => DEFAULT_BUNDLE_PATH);
  }
  // Awaited later, maybe after a failure elsewhere: never an unhandled rejection meanwhile.
  builds.components.catch(() => {});
  builds.workflows.catch(() => {});
  return builds;
}

function run(what: string, args: string[], log: (message: string) => void): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`${what} failed (${signal ?? `exit code ${code}`})`));
      log(`${what} took ${Math.round(performance.now() - started)} ms`);
      resolve();
    });
  });
}
