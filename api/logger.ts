/**
 * The process's pino logger. Credentials never reach a log line: the redact list covers the Authorization
 * header and every password, token and captcha field the API accepts, wherever they are nested one level.
 */
import pino from 'pino';
import type { Config } from '../runtime/config.js';

const SECRET_KEYS = [
  'authorization',
  'password',
  'currentPassword',
  'newPassword',
  'reviewerPassword',
  'accessToken',
  'token',
  'captchaAnswer',
  'jwtSecret',
];

const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers.cookie',
];

export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: pino.DestinationStream,
): pino.Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}
