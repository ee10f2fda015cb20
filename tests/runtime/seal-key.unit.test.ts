/**
 * The seal key (runtime/config.ts): generated into DATA_DIR/seal-key.pem (0600) at the first start and the same key
 * at every later start; taken from JXJY_SEAL_KEY as PEM (also with `\n` escapes) or base64 DER; anything but an
 * Ed25519 private key refused without echoing it; production never generates one. JXJY_SEAL_EVERY is a duration.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.js';

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-seal-key-'));
const publicPem = (key: crypto.KeyObject) => crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' });

describe('the seal key', () => {
  it('is generated at the first start into DATA_DIR/seal-key.pem (0600) and reused by every later start', () => {
    const dir = freshDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(fs.existsSync(path.join(dir, 'seal-key.pem'))).toBe(false); // lazy: reading configuration creates nothing
    const first = config.sealKey;
    expect(first.asymmetricKeyType).toBe('ed25519');
    expect(config.sealKey).toBe(first);
    expect(fs.statSync(path.join(dir, 'seal-key.pem')).mode & 0o777).toBe(0o600);
    const restarted = loadConfig({ DATA_DIR: dir }).sealKey;
    expect(publicPem(restarted)).toBe(publicPem(first));
    expect(publicPem(loadConfig({ DATA_DIR: dir, NODE_ENV: 'production', JXJY_JWT_SECRET: 'x'.repeat(32) }).sealKey)).toBe(publicPem(first));
    expect(publicPem(loadConfig({ DATA_DIR: freshDir() }).sealKey)).not.toBe(publicPem(first));
  });

  it('comes from JXJY_SEAL_KEY as PEM, as one-line PEM with \\n, or as base64 PKCS#8 DER, and then no file is written', () => {
    const key = crypto.generateKeyPairSync('ed25519').privateKey;
    const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = key.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const dir = freshDir();
    for (const value of [pem, pem.replace(/\n/g, '\\n'), der]) expect(publicPem(loadConfig({ DATA_DIR: dir, JXJY_SEAL_KEY: value }).sealKey)).toBe(publicPem(key));
    expect(fs.existsSync(path.join(dir, 'seal-key.pem'))).toBe(false);
  });

  it('refuses a key that is not an Ed25519 private key, without echoing it, and production without a key', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ DATA_DIR: freshDir(), JXJY_SEAL_KEY: rsa }).sealKey).toThrow(/must be an Ed25519 key, not rsa/);
    const publicOnly = publicPem(crypto.generateKeyPairSync('ed25519').privateKey).toString();
    const error = (() => {
      try {
        return loadConfig({ DATA_DIR: freshDir(), JXJY_SEAL_KEY: 'c2VjcmV0LW5vdC1hLWtleQ==' }).sealKey;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('JXJY_SEAL_KEY is not a private key: give a PKCS#8 PEM or the base64 of its DER');
    expect(() => loadConfig({ DATA_DIR: freshDir(), JXJY_SEAL_KEY: publicOnly }).sealKey).toThrow(/not a private key/);
    const production = { DATA_DIR: freshDir(), NODE_ENV: 'production', JXJY_JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production).sealKey).toThrow(/JXJY_SEAL_KEY must be set when NODE_ENV=production/);
    expect(fs.existsSync(path.join(production.DATA_DIR, 'seal-key.pem'))).toBe(false);
    const broken = freshDir();
    fs.writeFileSync(path.join(broken, 'seal-key.pem'), 'not a key');
    expect(() => loadConfig({ DATA_DIR: broken }).sealKey).toThrow(/seal-key\.pem is not a private key/);
    expect(fs.readFileSync(path.join(broken, 'seal-key.pem'), 'utf8')).toBe('not a key'); // never overwritten
  });

  it('seals every JXJY_SEAL_EVERY, hourly by default', () => {
    expect(loadConfig({ DATA_DIR: freshDir() }).sealEveryMs).toBe(3_600_000);
    expect(loadConfig({ DATA_DIR: freshDir(), JXJY_SEAL_EVERY: '30m' }).sealEveryMs).toBe(1_800_000);
    expect(() => loadConfig({ DATA_DIR: freshDir(), JXJY_SEAL_EVERY: 'hourly' })).toThrow(/JXJY_SEAL_EVERY must be a duration/);
  });
});
