/**
 * A file that appears whole or not at all, and only if it is not there yet: written under a name of its own, then
 * hard-linked into place (EEXIST when someone got there first). Used for lock files (pid-lock.ts) and for keys a
 * first start generates (runtime/config.ts), where a second process must never read one half-written.
 */
import fs from 'node:fs';

/** Puts `source`'s content at `target` at once; throws EEXIST when `target` exists. */
export function placeWhole(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (error) {
    // A filesystem without hard links (exFAT, some network mounts): create-exclusive and write, as before.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    fs.writeFileSync(target, fs.readFileSync(source), { flag: 'wx', mode: fs.statSync(source).mode & 0o777 });
  }
}
