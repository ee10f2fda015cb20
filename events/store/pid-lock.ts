/**
 * A lock file holding its owner's pid, for a folder or file only one process may use at a time (PGlite's data folder,
 * the Temporal dev server's SQLite file). The file appears whole or not at all: the pid is written to a file of the
 * process's own and hard-linked into place, so nobody ever reads an empty lock and takes it for a dead one. A lock
 * whose holder has died is taken over; a live holder's never is.
 */
import fs from 'node:fs';

export type Release = () => void;

/**
 * Takes `lockFile` for this process, or calls `inUse(holder)` (which throws) when a live process holds it. The same
 * process may take its own lock again (a restart within the process). Returns the release.
 */
export function takePidLock(lockFile: string, inUse: (holder: number) => never): Release {
  const mine = `${lockFile}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, lockFile);
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
        if (holder !== process.pid && isAlive(holder)) inUse(holder);
        fs.rmSync(lockFile, { force: true }); // ours from before, or its holder died
      }
    }
    throw new Error(`could not lock ${lockFile}`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
