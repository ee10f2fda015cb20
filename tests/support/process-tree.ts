/**
 * A process and everything it started, from Linux /proc (each thread's `children` file): for tests and benches that
 * watch or stop a whole tree (bench/startup.ts, tests/runtime/start-all.e2e.test.ts).
 */
import fs from 'node:fs';

/** `pid` first, then its descendants, breadth first; a process that ended meanwhile is skipped. */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${found[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${found[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      } catch {
        /* the thread ended meanwhile */
      }
    }
  }
  return [...new Set(found)];
}

/** The process's command line, arguments joined by spaces ('' once it has ended). */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}
