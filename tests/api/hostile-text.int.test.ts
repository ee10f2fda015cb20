/**
 * Hostile text, walked over every route of the OpenAPI document: a NUL in any string field — path, query, header or
 * body — is a 400 naming that field, before anything is written or claimed. Then the system is still usable: the same
 * organisation and person register normally (nothing left stuck), and names refuse bidi overrides and invisible
 * characters while free text keeps its line breaks.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../api/auth.js';
import type { Role } from '../../events/vocabulary/index.js';
import { SAMPLE_PDF, multipart } from './actors.js';
import { type TestSystem, call, captcha, orgPayload, randomIdNumber, startTestSystem, uniqueName } from './system.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  $ref?: string;
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security: Array<Record<string, string[]>>;
  'x-scopes'?: string[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const HOSTILE = 'a\u0000b';
const isString = (schema: JsonSchema) => schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

describe('hostile text on every route', () => {
  let system: TestSystem;
  let document: Document;
  beforeAll(async () => {
    system = await startTestSystem();
    document = (await call(system.server, { method: 'GET', url: '/openapi.json' })).result as unknown as Document;
  });
  afterAll(async () => {
    await system?.close();
  });

  const tokenFor = (role: Role) =>
    issueAccessToken(system.config, { accountId: crypto.randomUUID(), role, subjectId: crypto.randomUUID(), ...(role === 'unit' || role === 'institution' ? { orgId: crypto.randomUUID() } : {}) }).accessToken;
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? document.components.schemas[schema.$ref.split('/').at(-1)!]! : schema);

  it('answers 400 naming the field for a NUL in any string field, and writes nothing', async () => {
    const head = await system.store.headPosition();
    const tried: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const role = (operation['x-scopes']?.[0] ?? 'person') as Role;
        const token = operation.security.length ? tokenFor(role) : undefined;
        const params = operation.parameters ?? [];
        const fill = (p: string) => p.replace(/\{(\w+)\}/g, () => crypto.randomUUID());
        const body = operation.requestBody?.content['application/json']?.schema;
        const fields = [
          ...params.filter((p) => isString(p.schema)).map((p) => ({ name: p.name, where: p.in })),
          ...Object.entries(body ? (resolve(body).properties ?? {}) : {}).filter(([, s]) => isString(resolve(s))).map(([name]) => ({ name, where: 'body' as const })),
        ];
        for (const field of fields) {
          let url = fill(path);
          let payload: Record<string, unknown> | undefined = body ? {} : undefined;
          if (field.where === 'path') url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === field.name ? encodeURIComponent(HOSTILE) : crypto.randomUUID()));
          else if (field.where === 'query') url = `${url}?${field.name}=${encodeURIComponent(HOSTILE)}`;
          else if (field.where === 'body') payload = { [field.name]: HOSTILE };
          else if (field.where === 'header' && body) payload = {}; // the body is validated after the header
          // An upload route takes multipart (hapi parses the payload before anything else looks at it).
          const upload = operation.requestBody?.content['multipart/form-data'] ? multipart('file', 'a.pdf', SAMPLE_PDF) : undefined;
          const response = await call(system.server, {
            method: method.toUpperCase() as 'GET',
            url,
            token,
            ...(upload ? { payload: upload.payload, headers: upload.headers } : { payload }),
            ...(field.where === 'header' ? { headers: { [field.name]: HOSTILE } } : {}),
          });
          tried.push(`${method.toUpperCase()} ${path} ${field.where}.${field.name}`);
          expect(response.statusCode, `${method} ${url} ${field.name}`).toBe(400);
          const details = (response.result as { details?: Array<{ field: string }> }).details ?? [];
          expect(details.map((d) => d.field), `${method} ${path} ${field.name}`).toContain(field.name);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(25);
    expect(tried).toEqual(expect.arrayContaining(['POST /api/v1/orgs body.name', 'GET /api/v1/orgs query.q', 'POST /api/v1/accounts body.idNumber']));
    expect(await system.store.headPosition()).toBe(head);
  });

  it('leaves nothing claimed or stuck: the same names register normally afterwards', async () => {
    const org = await orgPayload(system.server);
    const poisoned = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: { ...org, contactName: `张${HOSTILE}` } });
    expect(poisoned.statusCode).toBe(400);
    const registered = await call(system.server, { method: 'POST', url: '/api/v1/orgs', payload: { ...org, ...(await captcha(system.server)) } });
    expect(registered.statusCode).toBe(201);

    const person = { username: uniqueName('p_'), password: 'Person2026x', idNumber: randomIdNumber() };
    const first = await call(system.server, { method: 'POST', url: '/api/v1/accounts', payload: { ...person, name: `孙${HOSTILE}`, ...(await captcha(system.server)) } });
    expect(first.statusCode).toBe(400);
    const second = await call(system.server, { method: 'POST', url: '/api/v1/accounts', payload: { ...person, name: '孙八', ...(await captcha(system.server)) } });
    expect(second.statusCode).toBe(201);
  });

  it('refuses bidi overrides and invisible characters in names, with the field named by its label', async () => {
    for (const name of ['张\u202E三', '张\u200B三', '张\u2066三', '张\u3164三']) {
      const response = await call(system.server, {
        method: 'POST', url: '/api/v1/accounts',
        payload: { username: uniqueName('p_'), password: 'Person2026x', name, idNumber: randomIdNumber(), ...(await captcha(system.server)) },
      });
      expect(response.statusCode).toBe(400);
      expect(response.result).toMatchObject({ details: [{ field: 'name', message: '「姓名」不能包含不可见字符或文字方向控制符' }] });
    }
    // A name is one line: a line break or a tab inside it is refused too (free text such as a reason keeps its lines).
    for (const name of ['张\n三', '张\t三', '张\u2028三']) {
      const response = await call(system.server, {
        method: 'POST', url: '/api/v1/accounts',
        payload: { username: uniqueName('p_'), password: 'Person2026x', name, idNumber: randomIdNumber(), ...(await captcha(system.server)) },
      });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.result).toMatchObject({ details: [{ field: 'name', message: '「姓名」不能包含控制字符' }] });
    }
    const english = await call(system.server, {
      method: 'POST', url: '/api/v1/accounts', lang: 'en',
      payload: { username: uniqueName('p_'), password: 'short', name: '张三', idNumber: randomIdNumber(), ...(await captcha(system.server)) },
    });
    expect(english.result).toMatchObject({ details: [{ field: 'password', message: 'Password must be at least 8 characters' }] });
  });
});
