/**
 * Builds a real API server for tests: real in-memory PGlite and the real PostgreSQL event store, with simple
 * in-test `temporal`/`projections` dependencies (the API's ports, not Temporal itself). Each call makes its
 * own database and secret, so no test depends on another's leftovers.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Plugin, Server } from '@hapi/hapi';
import { type Role, issueAccessToken } from '../../api/auth.js';
import type { Config } from '../../runtime/config.js';
import type { ProjectionDeps, ServerDeps, TemporalDeps } from '../../api/deps.js';
import { createLogger } from '../../api/logger.js';
import { createServer } from '../../api/server.js';
import type { Database } from '../../events/store/database.js';
import { openTestDatabase } from '../support/databases.js';
import { createPostgresEventStore } from '../../events/store/postgres-event-store.js';
import { createFilesystemFileStore } from '../../events/store/files/filesystem-file-store.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: os.tmpdir(),
    databaseUrl: undefined,
    eventStoreUrl: undefined,
    temporalAddress: undefined,
    temporalNamespace: 'default',
    temporalCli: undefined,
    temporalTaskQueue: 'jxjy-test',
    temporalPort: undefined,
    reviewRemindAfterMs: 7 * 86_400_000,
    reviewEscalateAfterMs: 30 * 86_400_000,
    s3: undefined,
    firstDeclarableYear: 2019,
    publicUrl: 'http://jxjy.test',
    certificate: { title: '广东省专业技术人员继续教育证书', issuer: '广东省人力资源和社会保障厅' },
    verifyRatePerMinute: 1000,
    corsOrigins: [],
    captcha: 'reveal',
    adminUsername: undefined,
    adminPassword: undefined,
    jwtSecret: crypto.randomBytes(32).toString('base64url'),
    sealKey: crypto.generateKeyPairSync('ed25519').privateKey,
    sealEveryMs: 3_600_000,
    accessTokenTtl: 900,
    loginRatePerMinute: 1000,
    trustProxy: false,
    logLevel: 'info',
    production: false,
    ...overrides,
  };
}

export interface TestServerOptions {
  config?: Partial<Config>;
  plugins?: Plugin<void>[];
  temporal?: Partial<TemporalDeps>;
  projections?: Partial<ProjectionDeps>;
  componentsDir?: string;
  healthTimeoutMs?: number;
  /** A file-level database to share between servers (PGlite takes seconds to start); the caller closes it. */
  db?: Database;
}

export interface TestServer {
  server: Server;
  deps: ServerDeps;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  token(claims?: Partial<{ role: Role; orgId: string; mustChangePassword: boolean; accountId: string }>): string;
  close(): Promise<void>;
}

export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = testConfig(options.config);
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const db = options.db ?? (await openTestDatabase('pglite'));
  const store = await createPostgresEventStore(db);
  const deps: ServerDeps = {
    config,
    db,
    store,
    files: createFilesystemFileStore(path.join(os.tmpdir(), `jxjy-files-${crypto.randomUUID()}`)),
    logger: createLogger(config, sink),
    temporal: { client: null, check: async () => {}, ...options.temporal },
    projections: {
      status: async () => ({ position: '', lag: 0 }),
      waitFor: async () => true,
      ...options.projections,
    },
    plugins: options.plugins,
    componentsDir: options.componentsDir,
    healthTimeoutMs: options.healthTimeoutMs,
  };
  const server = await createServer(deps);
  return {
    server,
    deps,
    logs,
    token: (claims = {}) =>
      issueAccessToken(config, {
        accountId: claims.accountId ?? crypto.randomUUID(),
        role: claims.role ?? 'person',
        subjectId: crypto.randomUUID(),
        ...(claims.orgId ? { orgId: claims.orgId } : {}),
        ...(claims.mustChangePassword ? { mustChangePassword: true } : {}),
      }).accessToken,
    async close() {
      await server.stop();
      await store.close();
      if (!options.db) await db.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
