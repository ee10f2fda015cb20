/**
 * schemathesis (PyPI) for the fuzz run: found in `.tools/schemathesis` (installed there on first use, as .ci/run
 * does for moto) and run as a child process against a listening API.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMATHESIS_VERSION = '4.32.5';
const LOCAL = fileURLToPath(new URL('../../.tools/schemathesis', import.meta.url));
const ST = path.join(LOCAL, 'bin', 'st');

/** Installs schemathesis into `.tools/schemathesis` unless the pinned version is already there. */
export function ensureSchemathesis(): void {
  const marker = path.join(LOCAL, `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`);
  if (fs.existsSync(ST) && fs.existsSync(marker)) return;
  const installed = spawnSync(
    'python3',
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--upgrade', '--target', LOCAL, `schemathesis==${SCHEMATHESIS_VERSION}`],
    { encoding: 'utf8' },
  );
  if (installed.status !== 0) throw new Error(`pip install schemathesis failed:\n${installed.stderr}`);
}

export interface FuzzRun {
  exitCode: number;
  output: string;
}

/** `st run <schemaUrl> …args`, with its output collected (and echoed when `echo` is set). */
export function runSchemathesis(schemaUrl: string, args: string[], options: { echo?: boolean; cwd: string; configFile?: string; env?: Record<string, string> }): Promise<FuzzRun> {
  return new Promise((resolve, reject) => {
    const config = options.configFile ? ['--config-file', options.configFile] : [];
    const child = spawn('python3', [ST, ...config, 'run', schemaUrl, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, PYTHONPATH: LOCAL, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false', PYTHONIOENCODING: 'utf-8', COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}
