/**
 * Fuzzing from the OpenAPI document (issue 13): schemathesis runs every phase (examples, coverage, fuzzing and
 * stateful where links allow) against the listening API with a signed-in token for each role and with none.
 * Every response must be a non-5xx that conforms to its documented status, content type, headers and schema, and
 * the server must accept what its schema allows and refuse what it does not — a refusal of what the schema allows
 * only for a reason semantic-refusals.ts lists, naming only the fields it lists (refusal_fields.py).
 *
 * `npm test` runs a bounded number of examples per operation (and the coverage phase for three roles); `npm run fuzz` sets JXJY_FUZZ_EXAMPLES and
 * JXJY_FUZZ_SECONDS for a longer budget (and JXJY_FUZZ_ECHO=1 to watch it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, approvedOrg, boundPerson } from '../actors.js';
import { call, signIn, startTestSystem, type TestSystem, uniqueName } from '../system.js';
import { ensureSchemathesis, runSchemathesis } from '../../support/schemathesis.js';
import { refusalFields, schemathesisConfig } from './semantic-refusals.js';
import type { OpenApiDocument } from '../../../api/openapi.js';

const LONG = process.env.JXJY_FUZZ_EXAMPLES !== undefined;
const EXAMPLES = Number(process.env.JXJY_FUZZ_EXAMPLES ?? 4);
const SECONDS = process.env.JXJY_FUZZ_SECONDS;
const ECHO = process.env.JXJY_FUZZ_ECHO === '1';

let system: TestSystem;
let origin: string;
let configs: { authorized: string; anonymous: string; refusalFields: string };
/** The check that a refusal of valid data names only its semantic fields (a schemathesis hook). */
const REFUSAL_CHECK = fileURLToPath(new URL('./refusal_fields.py', import.meta.url));
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ensureSchemathesis();
  // Tokens that outlive the longest run (`npm run fuzz`): an expired one would turn every answer into a 401.
  system = await startTestSystem({ config: { loginRatePerMinute: 100_000, verifyRatePerMinute: 100_000, accessTokenTtl: 86_400 } });
  await system.server.start();
  origin = `http://127.0.0.1:${(system.server.listener.address() as AddressInfo).port}`;
  const { server } = system;
  const document = (await call(server, { method: 'GET', url: '/openapi.json' })).result as unknown as OpenApiDocument;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-fuzz-'));
  configs = { authorized: path.join(dir, 'authorized.toml'), anonymous: path.join(dir, 'anonymous.toml'), refusalFields: path.join(dir, 'refusal-fields.json') };
  fs.writeFileSync(configs.refusalFields, JSON.stringify(refusalFields(document), null, 2));
  fs.writeFileSync(configs.authorized, schemathesisConfig(document, { authorized: true }));
  fs.writeFileSync(configs.anonymous, schemathesisConfig(document, { authorized: false }));
  tokens.admin = await admin(server);
  const unit = await approvedOrg(server);
  const institution = await approvedOrg(server, { kind: 'institution' });
  tokens.unit = unit.token;
  tokens.institution = institution.token;
  tokens.person = (await boundPerson(server, unit)).token;
  const username = uniqueName('auditor_');
  const staff = await call(server, { method: 'POST', url: '/api/v1/staff', token: tokens.admin, payload: { username, name: '审计员', role: 'auditor' } });
  tokens.auditor = await signIn(server, username, staff.result!.oneTimePassword as string);
}, 120_000);

afterAll(async () => system?.close());

const ROLES = ['anonymous', 'person', 'unit', 'institution', 'auditor', 'admin'] as const;
// The coverage phase (every boundary of every schema, ~2,500 requests a role) is most of a run's time. Within
// npm test's budget it runs for the roles with the widest input surface; `npm run fuzz` runs it for every role.
const COVERAGE_ROLES = new Set<(typeof ROLES)[number]>(['anonymous', 'person', 'admin']);

describe('the API under schemathesis', () => {
  it.each(ROLES)('answers %s without a 5xx and as documented', async (role) => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), `jxjy-fuzz-${role}-`));
    const args = [
      '--checks', 'all',
      '--max-examples', String(EXAMPLES),
      ...(LONG || COVERAGE_ROLES.has(role) ? [] : ['--phases', 'examples,fuzzing,stateful']),
      ...(SECONDS ? ['--max-time', SECONDS] : []),
      '--workers', '1',
      '--seed', String(process.env.JXJY_FUZZ_SEED ?? 2026),
      '--request-timeout', '30',
      '--suppress-health-check', 'all',
      '--report', 'junit', '--report-dir', reports,
    ];
    const authorized = role !== 'anonymous';
    const run = await runSchemathesis(`${origin}/openapi.json`, args, {
      echo: ECHO,
      cwd: reports,
      configFile: authorized ? configs.authorized : configs.anonymous,
      env: {
        SCHEMATHESIS_HOOKS: REFUSAL_CHECK,
        JXJY_FUZZ_REFUSAL_FIELDS: configs.refusalFields,
        ...(process.env.JXJY_FUZZ_REFUSALS_SEEN ? { JXJY_FUZZ_REFUSALS_SEEN: process.env.JXJY_FUZZ_REFUSALS_SEEN } : {}),
        ...(authorized ? { JXJY_FUZZ_TOKEN: tokens[role]! } : {}),
      },
    });
    fs.writeFileSync(path.join(reports, "output.txt"), run.output);
    expect(run.exitCode, run.output.slice(-20_000)).toBe(0);
  }, 900_000);
});
