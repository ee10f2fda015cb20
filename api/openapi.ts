/**
 * OpenAPI 3.0.3 generated from the routes themselves (`server.table()`): joi schemas of params, query,
 * payload and response become JSON Schemas through joi-to-json, so the document cannot drift from what the
 * server validates. Routes opt out with `plugins: { jxjy: { documented: false } }`.
 */
import type { RequestRoute, Server } from '@hapi/hapi';
import './route-options.js';
import { IDEMPOTENCY_HEADER, KEY_MAX_LENGTH, KEY_PATTERN, REPLAYED_HEADER } from './idempotency.js';
import { linkCreatedIdentifiers } from './openapi-links.js';
import { type JsonSchema, isRecord, toJsonSchema } from './openapi-schemas.js';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; links?: Record<string, unknown>; content?: Record<string, { schema: JsonSchema }> }>;
  security: Record<string, string[]>[];
  'x-scopes'?: string[];
}

// A type alias, not an interface: it stays assignable to plain JSON-object types (validators, serializers).
export type OpenApiDocument = {
  openapi: '3.0.3';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string', description: 'zh-CN by default; English with Accept-Language: en' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    code: { type: 'string', description: 'stable machine-readable reason, when a client must branch on it' },
  },
};

const errorResponse = (description: string, retryAfter = false) => ({
  description,
  ...(retryAfter ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } } } } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export function openApiDocument(server: Server): OpenApiDocument {
  const shared: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument['paths'] = {};
  const routes = server
    .table()
    .filter((route) => route.settings.plugins?.jxjy?.documented !== false && route.method !== '*')
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of routes) {
    const path = route.path.replace(/\{(\w+)(?:\*\d*|\?)?\}/g, '{$1}');
    (paths[path] ??= {})[route.method] = operation(route, shared);
  }
  linkCreatedIdentifiers(paths, shared);
  return {
    openapi: '3.0.3',
    info: {
      title: 'jxjy 继续教育 API',
      version: '1.0.0',
      description: 'Continuing-education management API. Errors are {statusCode, error, message, details?}.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA, ...shared },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

function operation(route: RequestRoute, shared: Record<string, JsonSchema>): OpenApiOperation {
  const { settings } = route;
  const validate = settings.validate;
  const auth = authOf(route);
  const notes = Array.isArray(settings.notes) ? settings.notes.join('\n\n') : settings.notes;
  const op: OpenApiOperation = {
    operationId: settings.id ?? `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w?)/g, (_, c: string) => c.toUpperCase())}`,
    ...(settings.description ? { summary: settings.description } : {}),
    ...(notes ? { description: notes } : {}),
    ...(settings.tags?.length ? { tags: settings.tags } : {}),
    responses: responses(route, shared, auth.public),
    security: auth.public ? [] : auth.optional ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
    ...(auth.scopes.length ? { 'x-scopes': auth.scopes } : {}),
  };
  const parameters = [...pathParameters(route, shared), ...objectParameters(validate?.query, 'query', shared), ...idempotencyParameter(route)];
  if (parameters.length) op.parameters = parameters;
  const payload = toJsonSchema(validate?.payload, shared, 'input');
  if (payload) {
    const allow = settings.payload?.allow;
    const multipart = (Array.isArray(allow) ? allow : [allow]).includes('multipart/form-data');
    op.requestBody = { required: true, content: { [multipart ? 'multipart/form-data' : 'application/json']: { schema: payload } } };
  }
  return op;
}

function responses(route: RequestRoute, shared: Record<string, JsonSchema>, isPublic: boolean): OpenApiOperation['responses'] {
  const result: OpenApiOperation['responses'] = {};
  const response = route.settings.response;
  const success = String(route.settings.plugins?.jxjy?.successStatus ?? 200);
  const bodySchema = toJsonSchema(response?.schema, shared);
  result[success] = bodySchema ? { description: 'Success', content: { 'application/json': { schema: bodySchema } } } : { description: 'Success' };
  if (route.settings.plugins?.jxjy?.idempotent) {
    result[success]!.headers = { [REPLAYED_HEADER]: { description: 'true when this is the answer kept from the first try under the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } } };
  }
  for (const [status, schema] of Object.entries(response?.status ?? {})) {
    const json = toJsonSchema(schema, shared);
    result[status] = json ? { description: `HTTP ${status}`, content: { 'application/json': { schema: json } } } : { description: `HTTP ${status}` };
  }
  const validate = route.settings.validate;
  const command = route.method !== 'get';
  const takesBody = command && route.method !== 'delete';
  const errors: Record<number, string> = {};
  if (validate?.params || validate?.query || validate?.payload || takesBody) errors[400] = 'Invalid input; details name each field';
  if (!isPublic) {
    errors[401] = 'No token, or an invalid or expired one';
    errors[403] = 'This role, or this organisation, may not do this (or the password must be changed first)';
  }
  if (route.path.includes('{')) errors[404] = 'Nothing with this identifier, or nothing this caller may see';
  if (command) {
    errors[409] = 'It changed meanwhile, or it is already so';
    errors[422] = 'Not allowed in its present state; details name the field';
  }
  if (takesBody) {
    errors[413] = 'The body is larger than this route takes';
    errors[415] = 'Not a media type this route takes';
  }
  for (const status of route.settings.plugins?.jxjy?.statuses ?? []) errors[status] = STATUS_TEXT[status] ?? `HTTP ${status}`;
  errors[503] = 'A part of the system (Temporal, the database, a projection catching up) is unavailable; retry after Retry-After seconds';
  for (const [status, description] of Object.entries(errors)) result[status] ??= errorResponse(description, RETRY_AFTER_STATUSES.has(Number(status)));
  return result;
}

/** Routes that create something take an Idempotency-Key (idempotency.ts). */
function idempotencyParameter(route: RequestRoute): OpenApiParameter[] {
  if (!route.settings.plugins?.jxjy?.idempotent) return [];
  return [{
    name: IDEMPOTENCY_HEADER,
    in: 'header',
    required: false,
    description: 'Sent again with the same request, the thing is created once: the same answer for 24 hours (Idempotent-Replayed: true); another request under the same key is a 422.',
    schema: { type: 'string', minLength: 1, maxLength: KEY_MAX_LENGTH, pattern: KEY_PATTERN },
  }];
}

const STATUS_TEXT: Record<number, string> = {
  404: 'Nothing with this identifier',
  429: 'Too many requests, or sign-in locked; retry after Retry-After seconds',
};

const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** Every templated path segment must be declared, with its joi schema when the route validates params. */
function pathParameters(route: RequestRoute, shared: Record<string, JsonSchema>): OpenApiParameter[] {
  const object = toJsonSchema(route.settings.validate?.params, shared, 'input');
  const properties = isRecord(object?.properties) ? object.properties : {};
  return [...route.path.matchAll(/\{(\w+)[^}]*\}/g)].map(([, name = '']) => {
    const schema = properties[name];
    return { name, in: 'path' as const, required: true, ...describe(isRecord(schema) ? schema : { type: 'string' }) };
  });
}

function objectParameters(rule: unknown, location: 'query', shared: Record<string, JsonSchema>): OpenApiParameter[] {
  const object = toJsonSchema(rule, shared, 'input');
  if (!object || !isRecord(object.properties)) return [];
  const required = Array.isArray(object.required) ? object.required : [];
  return Object.entries(object.properties).map(([name, schema]) => ({
    name,
    in: location,
    required: required.includes(name),
    ...describe(isRecord(schema) ? schema : {}),
  }));
}

/** OpenAPI puts a parameter's description beside its schema, not inside it. */
function describe(schema: JsonSchema): { schema: JsonSchema; description?: string } {
  const { description, ...rest } = schema;
  return typeof description === 'string' ? { schema: rest, description } : { schema: rest };
}

interface AuthSummary {
  public: boolean;
  optional: boolean;
  scopes: string[];
}

/** Reads hapi's normalized route auth (`{mode, access: [{scope: {selection}}]}`); undefined means the default. */
function authOf(route: RequestRoute): AuthSummary {
  const auth: unknown = route.settings.auth;
  if (auth === false) return { public: true, optional: false, scopes: [] };
  if (!isRecord(auth)) return { public: false, optional: false, scopes: [] };
  const scopes = (Array.isArray(auth.access) ? auth.access : []).flatMap((access: unknown) =>
    isRecord(access) && isRecord(access.scope) && Array.isArray(access.scope.selection) ? access.scope.selection.map(String) : [],
  );
  return { public: false, optional: auth.mode === 'optional' || auth.mode === 'try', scopes };
}
