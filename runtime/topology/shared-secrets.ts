/**
 * Every API instance must verify the tokens every other one signs, and every seal must be signed by one key: all
 * processes get the same JXJY_JWT_SECRET and JXJY_SEAL_KEY. Taken from the environment when given (as a deployment
 * would, from its secret store), else made once in the shared DATA_DIR by config.ts's own rules — before any process
 * starts, because two API processes each making a missing JWT secret at once would each sign with their own.
 */
import { loadConfig } from '../config.js';

export function sharedSecrets(env: NodeJS.ProcessEnv, dataDir: string): { JXJY_JWT_SECRET: string; JXJY_SEAL_KEY: string } {
  const config = loadConfig({ ...env, DATA_DIR: dataDir });
  return {
    JXJY_JWT_SECRET: config.jwtSecret,
    JXJY_SEAL_KEY: config.sealKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
