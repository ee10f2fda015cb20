/** Configuration is read in one place and refuses unsafe combinations with a clear message. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.js';

describe('loadConfig', () => {
  const base = { DATA_DIR: os.tmpdir() };
  it('has the embedded defaults', () => {
    const config = loadConfig({ ...base });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', captcha: 'on', databaseUrl: undefined, temporalAddress: undefined, corsOrigins: [] });
  });
  it('refuses captcha reveal mode in production', () => {
    expect(() => loadConfig({ ...base, JXJY_CAPTCHA: 'reveal', NODE_ENV: 'production', JXJY_JWT_SECRET: 'x' })).toThrow(ConfigError);
    expect(loadConfig({ ...base, JXJY_CAPTCHA: 'reveal' }).captcha).toBe('reveal');
  });
  it('refuses EventStoreDB without a PostgreSQL for read models, and a bad port', () => {
    expect(() => loadConfig({ ...base, EVENTSTORE_URL: 'esdb://localhost:2113' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('requires a strong JWT secret: set in production, never empty or short', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' }).jwtSecret).toThrow(/JXJY_JWT_SECRET/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JXJY_JWT_SECRET: '' }).jwtSecret).toThrow(/JXJY_JWT_SECRET/);
    expect(() => loadConfig({ ...base, JXJY_JWT_SECRET: 'short' }).jwtSecret).toThrow(/32 characters/);
    expect(loadConfig({ ...base, JXJY_JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });
  it('parses the portal origins', () => {
    expect(loadConfig({ ...base, JXJY_CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' }).corsOrigins).toEqual(['https://a.gov.cn', 'https://b.gov.cn']);
  });
});
