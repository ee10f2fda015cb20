/**
 * The whole system in the test process, for feature API tests: real PGlite (or PostgreSQL), the real store, the
 * projection runner running, a real Temporal worker (production bundle, its own task queue on the run's shared
 * dev server) and the API with every feature plugin — driven with `server.inject`. Plus a small client that speaks
 * the public API the way a portal would (captcha in reveal mode, login, change password).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server, ServerInjectResponse } from '@hapi/hapi';
import type { Worker } from '@temporalio/worker';
import type { Config } from '../../runtime/config.js';
import { bootstrapAdmin } from '../../api/accounts/bootstrap-admin.js';
import { createLogger } from '../../api/logger.js';
import { featurePlugins } from '../../api/plugins.js';
import { createServer } from '../../api/server.js';
import type { EventStore } from '../../events/store/event-store.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import type { FileStore } from '../../events/store/files/file-store.js';
import { createFilesystemFileStore } from '../../events/store/files/filesystem-file-store.js';
import { projections } from '../../projections/index.js';
import { type ProjectionRunner, createProjectionRunner } from '../../projections/runner.js';
import { createActivities } from '../../workflows/activities/index.js';
import { type Engine, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { type TestTemporal, connectTestTemporal, createTestWorker, uniqueTaskQueue } from '../support/temporal.js';
import { testConfig } from './test-server.js';
import { idNumberCheckChar } from '../../events/vocabulary/index.js';

export const ADMIN = { username: 'admin', password: 'Initial2026x' };

export interface TestSystem {
  server: Server;
  db: TestDatabase;
  store: EventStore;
  runner: ProjectionRunner;
  temporal: TestTemporal;
  config: Config;
  /** Moves the API's clock (captcha expiry, lockouts). */
  advanceClock(ms: number): void;
  /** Stops / restarts the worker (a decision made meanwhile must answer 503). */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSystem(options: { engine?: Engine; config?: Partial<Config>; temporalDeadlineMs?: number; files?: FileStore } = {}): Promise<TestSystem> {
  const db = await openTestDatabase(options.engine ?? 'pglite');
  const files = options.files ?? createFilesystemFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-files-')));
  const store = await createPostgresEventStore(db);
  const runner = createProjectionRunner({ db, store, projections, pollMs: 200 });
  await runner.init();
  runner.start();
  const temporal = await connectTestTemporal();
  const taskQueue = uniqueTaskQueue('api');
  const config = testConfig({ temporalTaskQueue: taskQueue, adminUsername: ADMIN.username, adminPassword: ADMIN.password, logLevel: process.env.JXJY_TEST_LOG ?? 'silent', ...options.config });
  let worker: Worker | null = null;
  let running: Promise<void> | null = null;
  const startWorker = async () => {
    const lifecycles = { client: () => temporal.client, settings: config };
    worker = await createTestWorker(temporal, { bundle: 'production', taskQueue, activities: createActivities({ store, db, files, lifecycles }) });
    running = worker.run();
  };
  const stopWorker = async () => {
    worker?.shutdown();
    await running;
    worker = null;
  };
  await startWorker();
  let offset = 0;
  const server = await createServer({
    config,
    db,
    store,
    files,
    logger: createLogger(config),
    temporal: { client: temporal.client, check: async () => {} },
    projections: runner,
    plugins: featurePlugins,
    clock: () => new Date(Date.now() + offset),
    temporalDeadlineMs: options.temporalDeadlineMs ?? 10_000,
  });
  await bootstrapAdmin({ store, db, client: temporal.client, config });
  return {
    server,
    db,
    store,
    runner,
    temporal,
    config,
    advanceClock: (ms) => (offset += ms),
    stopWorker,
    startWorker,
    async close() {
      await server.stop();
      await stopWorker();
      await runner.stop();
      await temporal.close();
      await db.drop();
    },
  };
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  token?: string;
  lang?: 'en' | 'zh-CN';
  /** Further request headers (Idempotency-Key, X-Request-Id…). */
  headers?: Record<string, string>;
}

export async function call(server: Server, { method, url, payload, token, lang, headers }: Call): Promise<ServerInjectResponse<Record<string, unknown>>> {
  return server.inject({
    method,
    url,
    payload,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}) },
  }) as Promise<ServerInjectResponse<Record<string, unknown>>>;
}

/** A fresh captcha, answered (reveal mode). */
export async function captcha(server: Server): Promise<{ captchaId: string; captchaAnswer: string }> {
  const response = await call(server, { method: 'GET', url: '/api/v1/captcha' });
  const body = response.result as { captchaId: string; answer: string };
  return { captchaId: body.captchaId, captchaAnswer: body.answer };
}

export async function login(server: Server, username: string, password: string) {
  return call(server, { method: 'POST', url: '/api/v1/sessions', payload: { username, password, ...(await captcha(server)) } });
}

/** Logs in and, for a new account, changes the password: returns a full session's token. */
export async function signIn(server: Server, username: string, password: string, newPassword = `${password}9`): Promise<string> {
  const first = await login(server, username, password);
  if (first.statusCode !== 200) throw new Error(`login ${username}: ${first.statusCode} ${first.payload}`);
  const session = first.result as { accessToken: string; mustChangePassword: boolean };
  if (!session.mustChangePassword) return session.accessToken;
  const changed = await call(server, {
    method: 'PUT',
    url: '/api/v1/accounts/me/password',
    token: session.accessToken,
    payload: { currentPassword: password, newPassword },
  });
  if (changed.statusCode !== 200) throw new Error(`password change ${username}: ${changed.statusCode} ${changed.payload}`);
  return (changed.result as { accessToken: string }).accessToken;
}

/** A valid GB 32100 code built from a random 17-character body. */
export function randomUscc(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = Array.from(crypto.randomBytes(17), (b) => chars[b % 31]).join('');
  const sum = [...body].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i]!, 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** A valid GB 11643 ID number: Guangzhou, a random 1980s birth date and sequence, the right check character. */
export function randomIdNumber(): string {
  const day = new Date(Date.UTC(1980, 0, 1) + crypto.randomInt(0, 3650) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `440106${day}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

export const uniqueName = (prefix: string) => `${prefix}${crypto.randomBytes(4).toString('hex')}`;

export async function orgPayload(server: Server, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'unit',
    name: '广州市测试科技有限公司',
    uscc: randomUscc(),
    regionCode: '440100',
    contactName: '张三',
    contactPhone: '13800138000',
    reviewerUsername: uniqueName('unit_'),
    reviewerPassword: 'Reviewer2026a',
    ...(await captcha(server)),
    ...overrides,
  };
}
