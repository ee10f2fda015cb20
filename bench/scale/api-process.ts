/**
 * The API under measurement, in a child process (serve-api.ts) against the bench database: started with a signing
 * key the bench knows (so it can mint the tokens a login would give), asked over IPC for its own per-request times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Api {
  uri: string;
  child: ChildProcess;
}

/** What the API saw since the last take. */
export interface ServerSide {
  durations: number[];
  loopDelayP99Ms: number;
}

const SERVE_API = fileURLToPath(new URL('./serve-api.ts', import.meta.url));

export const newJwtSecret = (): string => crypto.randomBytes(36).toString('base64url');

export async function startApi(databaseUrl: string, jwtSecret: string, ttl: number): Promise<Api> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE_API], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JXJY_JWT_SECRET: jwtSecret, JXJY_ACCESS_TOKEN_TTL: String(ttl), NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Its first message says where it listens.
  const [started] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [{}])])) as [{ uri?: string }];
  const { uri } = started;
  if (!uri) throw new Error('the API did not start');
  return { uri, child };
}

export async function stopApi(api: Api): Promise<void> {
  if (api.child.exitCode !== null) return;
  api.child.kill('SIGTERM');
  await once(api.child, 'exit');
}

export async function take(api: Api): Promise<ServerSide> {
  const reply = once(api.child, 'message');
  api.child.send('take');
  return (await reply)[0] as ServerSide;
}
