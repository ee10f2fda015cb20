/**
 * Configuration is read here and nowhere else (STYLE.md §15): every entry point calls `loadConfig()` once
 * and passes the result down. Defaults give the embedded system: PGlite + a spawned Temporal dev server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { placeWhole } from '../events/store/place-whole.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL for read models (and events when no EventStoreDB). Unset = PGlite in dataDir/pg. */
  databaseUrl: string | undefined;
  /** `EVENTSTORE_URL` (`esdb://…`): events in EventStoreDB instead of PostgreSQL/PGlite. */
  eventStoreUrl: string | undefined;
  /** `TEMPORAL_ADDRESS`: an external cluster; unset = spawn `temporal server start-dev`. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  temporalCli: string | undefined;
  temporalTaskQueue: string;
  /** `TEMPORAL_PORT`: the embedded dev server's port; unset = a free port, kept for the data folder. */
  temporalPort: number | undefined;
  /** A review's due date (reminder) and its escalation to admin, from its request (DOMAIN.md: 7 and 30 days). */
  reviewRemindAfterMs: number;
  reviewEscalateAfterMs: number;
  /** `JXJY_S3_*`: S3-compatible object storage for uploaded files; unset = DATA_DIR/files. */
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string } | undefined;
  /** `JXJY_FIRST_YEAR`: the first year declarable here; earlier years are the old system's history (default 2019). */
  firstDeclarableYear: number;
  /** `JXJY_PUBLIC_URL`: where people reach this system; certificate QR codes point to its /verify page. Unset = the
   * address the API listens on (api/public-url.ts). */
  publicUrl: string | undefined;
  /** `JXJY_CERTIFICATE_TITLE`, `JXJY_CERTIFICATE_ISSUER`: printed on new certificates (old ones keep theirs). */
  certificate: { title: string; issuer: string };
  /** Public verification lookups allowed per client address per minute. */
  verifyRatePerMinute: number;
  corsOrigins: string[];
  captcha: 'on' | 'reveal';
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  jwtSecret: string;
  /** `JXJY_SEAL_KEY` (PKCS#8 PEM, or base64 of its DER) or DATA_DIR/seal-key.pem: the Ed25519 key signing the log's seals. */
  sealKey: crypto.KeyObject;
  /** `JXJY_SEAL_EVERY`: how often the `audit-seal` schedule seals the log (default 1h). */
  sealEveryMs: number;
  /** Access-token lifetime in seconds. */
  accessTokenTtl: number;
  /** Login attempts allowed per client address per minute (beyond the per-account lockout). */
  loginRatePerMinute: number;
  /** Behind a load balancer: take the client address from X-Forwarded-For (api/client-address.ts). */
  trustProxy: boolean;
  logLevel: string;
  production: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const captcha = env.JXJY_CAPTCHA ?? 'on';
  if (captcha !== 'on' && captcha !== 'reveal') throw new ConfigError(`JXJY_CAPTCHA must be "on" or "reveal", not "${captcha}"`);
  if (captcha === 'reveal' && production) throw new ConfigError('JXJY_CAPTCHA=reveal is refused when NODE_ENV=production');
  const port = portNumber('PORT', env.PORT ?? '3000');
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  if (eventStoreUrl && !env.DATABASE_URL) {
    throw new ConfigError('EVENTSTORE_URL needs DATABASE_URL too: read models and checkpoints live in PostgreSQL');
  }
  let jwtSecret: string | undefined;
  let sealKey: crypto.KeyObject | undefined;
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    eventStoreUrl,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalCli: env.TEMPORAL_CLI || undefined,
    temporalTaskQueue: env.TEMPORAL_TASK_QUEUE ?? 'jxjy',
    temporalPort: env.TEMPORAL_PORT ? portNumber('TEMPORAL_PORT', env.TEMPORAL_PORT) : undefined,
    ...reviewTimes(env),
    s3: s3Settings(env),
    firstDeclarableYear: yearSetting(env.JXJY_FIRST_YEAR ?? '2019'),
    publicUrl: env.JXJY_PUBLIC_URL ? publicUrl(env.JXJY_PUBLIC_URL) : undefined,
    certificate: {
      title: oneLine('JXJY_CERTIFICATE_TITLE', env.JXJY_CERTIFICATE_TITLE ?? '广东省专业技术人员继续教育证书'),
      issuer: oneLine('JXJY_CERTIFICATE_ISSUER', env.JXJY_CERTIFICATE_ISSUER ?? '广东省人力资源和社会保障厅'),
    },
    verifyRatePerMinute: Number(env.JXJY_VERIFY_RATE_PER_MINUTE ?? 60),
    corsOrigins: (env.JXJY_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    captcha,
    adminUsername: env.JXJY_ADMIN_USERNAME || undefined,
    adminPassword: env.JXJY_ADMIN_PASSWORD || undefined,
    // Lazy: tooling that only reads configuration (the binary finder, the bench) must not create DATA_DIR.
    get jwtSecret() {
      // `||`, not `??`: an empty JXJY_JWT_SECRET (an unset variable in a compose file) must not sign tokens.
      jwtSecret ??= strongSecret(env.JXJY_JWT_SECRET || persistedSecret(dataDir, production));
      return jwtSecret;
    },
    // Lazy for the same reason; the API's seals plugin reads it at registration, so a missing key stops the start.
    get sealKey() {
      sealKey ??= loadSealKey(env.JXJY_SEAL_KEY || undefined, dataDir, production);
      return sealKey;
    },
    sealEveryMs: parseDuration('JXJY_SEAL_EVERY', env.JXJY_SEAL_EVERY ?? '1h'),
    accessTokenTtl: Number(env.JXJY_ACCESS_TOKEN_TTL ?? 900),
    loginRatePerMinute: Number(env.JXJY_LOGIN_RATE_PER_MINUTE ?? 20),
    trustProxy: env.JXJY_TRUST_PROXY === 'true' || env.JXJY_TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    production,
  };
}

function portNumber(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number, not "${value}"`);
  return port;
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d`, `12h`, `30m`, `45s`, `500ms`, or plain milliseconds. */
export function parseDuration(name: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNITS_MS[match[2] ?? 'ms']! : NaN;
  if (!Number.isFinite(ms) || ms <= 0) throw new ConfigError(`${name} must be a duration such as 7d, 12h or 30m, not "${value}"`);
  return Math.round(ms);
}

function s3Settings(env: NodeJS.ProcessEnv): Config['s3'] {
  const endpoint = env.JXJY_S3_ENDPOINT || undefined;
  if (!endpoint) return undefined;
  const bucket = env.JXJY_S3_BUCKET;
  const accessKeyId = env.JXJY_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.JXJY_S3_SECRET_ACCESS_KEY;
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new ConfigError('JXJY_S3_ENDPOINT needs JXJY_S3_BUCKET, JXJY_S3_ACCESS_KEY_ID and JXJY_S3_SECRET_ACCESS_KEY too');
  }
  return { endpoint, bucket, accessKeyId, secretAccessKey, region: env.JXJY_S3_REGION || 'us-east-1' };
}

function publicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`JXJY_PUBLIC_URL must be an absolute http(s) address, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`JXJY_PUBLIC_URL must be http(s), not "${value}"`);
  return url.href.replace(/\/+$/, '');
}

function oneLine(name: string, value: string): string {
  const text = value.trim();
  if (!text || text.length > 60 || /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) {
    throw new ConfigError(`${name} must be one line of at most 60 characters`);
  }
  return text;
}

function yearSetting(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ConfigError(`JXJY_FIRST_YEAR must be a year such as 2019, not "${value}"`);
  return year;
}

function reviewTimes(env: NodeJS.ProcessEnv) {
  const reviewRemindAfterMs = parseDuration('JXJY_REVIEW_REMIND_AFTER', env.JXJY_REVIEW_REMIND_AFTER ?? '7d');
  const reviewEscalateAfterMs = parseDuration('JXJY_REVIEW_ESCALATE_AFTER', env.JXJY_REVIEW_ESCALATE_AFTER ?? '30d');
  if (reviewEscalateAfterMs <= reviewRemindAfterMs) {
    throw new ConfigError('JXJY_REVIEW_ESCALATE_AFTER must be longer than JXJY_REVIEW_REMIND_AFTER: escalation comes after the reminder');
  }
  return { reviewRemindAfterMs, reviewEscalateAfterMs };
}

/** HS256 with a short key can be brute-forced, and an empty one lets anyone mint an admin token. */
function strongSecret(secret: string): string {
  if (secret.length < 32) throw new ConfigError('the JWT signing key (JXJY_JWT_SECRET or DATA_DIR/jwt.secret) must be at least 32 characters');
  return secret;
}

/** Writes `content` to `file` (mode 0600) unless another process got there first, and returns what the file holds. */
function publishOnce(file: string, content: string): string {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  try {
    placeWhole(temporary, file);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Embedded default: a random signing key kept in DATA_DIR so tokens survive a restart. Production must set one. */
function persistedSecret(dataDir: string, production: boolean): string {
  if (production) throw new ConfigError('JXJY_JWT_SECRET must be set when NODE_ENV=production');
  const file = path.join(dataDir, 'jwt.secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    return publishOnce(file, secret);
  }
}

/**
 * The Ed25519 seal key: `JXJY_SEAL_KEY` as a PKCS#8 PEM (newlines may be written `\n` in one-line environments) or as
 * the base64 of the PKCS#8 DER; else DATA_DIR/seal-key.pem (mode 0600), generated at the first start and reused. In
 * production a key is never generated: a fresh container would sign with a new key on every deploy, leaving auditors
 * with a public key that signs nothing current, so production needs the variable or a key file already in place.
 */
function loadSealKey(value: string | undefined, dataDir: string, production: boolean): crypto.KeyObject {
  if (value) return ed25519Key(value, 'JXJY_SEAL_KEY');
  const file = path.join(dataDir, 'seal-key.pem');
  if (fs.existsSync(file)) return ed25519Key(fs.readFileSync(file, 'utf8'), file);
  if (production) throw new ConfigError(`JXJY_SEAL_KEY must be set when NODE_ENV=production (or place the seal key at ${file})`);
  fs.mkdirSync(dataDir, { recursive: true });
  const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Two processes starting on one folder must not each write a key and sign with different ones.
  return ed25519Key(publishOnce(file, pem), file);
}

function ed25519Key(text: string, source: string): crypto.KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  let key: crypto.KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? crypto.createPrivateKey(trimmed)
      : crypto.createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    // The key material never goes into a message.
    throw new ConfigError(`${source} is not a private key: give a PKCS#8 PEM or the base64 of its DER`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(`${source} must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'a secret key'}`);
  return key;
}
