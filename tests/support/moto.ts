/**
 * A real S3-compatible server for tests: moto's server mode from PyPI (`moto[server]`), on a free loopback port.
 * Found on PATH (`moto_server`) or in `.tools/moto` where .ci/run installs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../runtime/free-port.js';

const LOCAL = fileURLToPath(new URL('../../.tools/moto', import.meta.url));

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

function command(): { bin: string; env: NodeJS.ProcessEnv } {
  const local = path.join(LOCAL, 'bin', 'moto_server');
  if (fs.existsSync(local)) return { bin: 'python3', env: { ...process.env, PYTHONPATH: LOCAL } };
  return { bin: 'moto_server', env: process.env };
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const { bin, env } = command();
  const args = bin === 'python3' ? [path.join(LOCAL, 'bin', 'moto_server'), '-H', '127.0.0.1', '-p', String(port)] : ['-H', '127.0.0.1', '-p', String(port)];
  const child: ChildProcess = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}); install it with: pip install 'moto[server]'\n${output}`);
    try {
      await fetch(endpoint);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`moto_server did not answer on ${endpoint}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
