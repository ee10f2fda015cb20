/**
 * What `npm start` builds before it runs, and only when the sources changed since: the component bundle (served at
 * /components) and the workflow bundle (loaded by the worker). A second start of an unchanged checkout builds nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPrebuiltBundle } from './temporal/build-bundle.js';

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

export function buildIfStale(log: (message: string) => void): void {
  if (!componentsFresh()) {
    log('building the components (sources changed since the last build)');
    execFileSync(process.execPath, [path.join(COMPONENTS, 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!freshPrebuiltBundle()) {
    log('building the workflow bundle (sources changed since the last build)');
    // In a child: webpack's memory goes with it instead of staying in the server's process.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'runtime', 'temporal', 'build-bundle.ts')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
