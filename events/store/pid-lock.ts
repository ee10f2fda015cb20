/**
 * A lock file holding its owner's pid, for a folder or file only one process may use at a time (PGlite's data folder,
 * the Temporal dev server's SQLite file). The file appears whole or not at all: the pid is written to a file of the
 * process's own and hard-linked into place, so nobody ever reads an empty lock and takes it for a dead one. A lock
 * whose holder has died is taken over; a live holder's never is.
 */
import fs from 'node:fs';
import { placeWhole } from './place-whole.js';

export type Release = () => void;

/**
 * Takes `lockFile` for this process, or calls `refuse(holder)` (which throws) when a live process holds it — with no
 * holder when the lock could not be taken for another reason. The same process may take its own lock again (a restart
 * within the process). Returns the release.
 */
export function takePidLock(lockFile: string, refuse: (holder?: number) => never): Release {
  const mine = `${lockFile}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        placeWhole(mine, lockFile);
        return () => {
          if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readPid(lockFile);
        if (holder === undefined) {
          // Removed meanwhile by its holder (try again), or an empty file an older version left when it crashed.
          if (olderThan(lockFile, 5_000)) fs.rmSync(lockFile, { force: true });
          continue;
        }
        if (holder !== process.pid && isAlive(holder)) refuse(holder);
        takeOver(lockFile, holder);
      }
    }
    refuse();
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Removes a dead holder's (or this process's earlier) lock. It is moved aside first and checked there: of two
 * processes taking over at once, the second would otherwise remove the lock the first has just placed.
 */
function takeOver(lockFile: string, holder: number): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over: look again
    throw error;
  }
  // Moved someone's fresh lock instead: put it back (unless yet another lock is in place), and look again.
  if (readPid(aside) !== holder) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // a lock is in place again: the next look finds its holder
    }
  }
  fs.rmSync(aside, { force: true });
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return fs.statSync(file).mtimeMs < Date.now() - ms;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
