/**
 * OpenAPI 3.0.3 generated from the routes themselves (`server.table()`): joi schemas of params, query,
 * payload and response become JSON Schemas through joi-to-json, so the document cannot drift from what the
 * server validates. Routes opt out with `plugins: { jxjy: { documented: false } }`.
 */
import type { RequestRoute, Server } from '@hapi/hapi';
import { Joi } from './joi.js';
import { NAME_FORBIDDEN, TEXT_FORBIDDEN } from '../events/vocabulary/index.js';
import parse from 'joi-to-json';
import './route-options.js';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './idempotency.js';

type JsonSchema = Record<string, unknown>;

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

/**
 * OpenAPI links from every success answer carrying an identifier (`recordId`, `taskId`, …) to every operation whose
 * path takes it, so a client generator — or a stateful fuzzer — can follow a command to what it created. Inferred
 * from the schemas themselves, so they cannot drift from the routes.
 */
function linkCreatedIdentifiers(paths: OpenApiDocument['paths'], shared: Record<string, JsonSchema>): void {
  const collection = (path: string) => path.split('/').filter((segment) => segment && segment !== 'api' && segment !== 'v1')[0];
  const takers = Object.entries(paths).flatMap(([path, operations]) =>
    Object.values(operations).map((op) => ({ operationId: op.operationId, collection: collection(path), names: [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!) })),
  );
  // A name several collections use (`recordId` of credit and of dishonesty records) links only within its own.
  const ambiguous = (name: string) => new Set(takers.filter((taker) => taker.names.includes(name)).map((taker) => taker.collection)).size > 1;
  for (const [path, operations] of Object.entries(paths)) {
    for (const op of Object.values(operations)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('2')) continue;
        const schema = resolveRef(response.content?.['application/json']?.schema, shared);
        const properties = isRecord(schema?.properties) ? Object.keys(schema.properties) : [];
        const links: Record<string, unknown> = {};
        for (const name of properties.filter((property) => /Id$/.test(property))) {
          const related = (candidate: (typeof takers)[number]) => !ambiguous(name) || candidate.collection === collection(path);
          for (const taker of takers.filter((candidate) => candidate.names.includes(name) && candidate.operationId !== op.operationId && related(candidate))) {
            links[`${taker.operationId}By${name[0]!.toUpperCase()}${name.slice(1)}`] = { operationId: taker.operationId, parameters: { [name]: `$response.body#/${name}` } };
          }
        }
        if (Object.keys(links).length) response.links = links;
      }
    }
  }
}

function resolveRef(schema: JsonSchema | undefined, shared: Record<string, JsonSchema>): JsonSchema | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? shared[ref.replace('#/components/schemas/', '')] : schema;
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
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
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

const FREE_FORMATS = new Set([undefined, 'binary']);

/**
 * What joi checks of every input string but joi-to-json does not say: joi refuses an empty string unless a field
 * allows it (`.allow('')`, marked by markEmptyAllowed), and api/joi.ts refuses control and
 * text-direction characters (and, in names, invisible ones and line breaks). What a custom rule checks that JSON
 * Schema can say (a pattern, a length, exactly one of two fields) it states as `.meta({ 'x-jxjy-schema': {…} })`,
 * merged in here. Said here, a client — or a fuzzer —
 * that follows the document sends nothing the server refuses for its characters or emptiness.
 */
function describeInputStrings(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(describeInputStrings);
  if (!isRecord(schema)) return;
  const stated = schema['x-jxjy-schema'];
  if (isRecord(stated)) {
    delete schema['x-jxjy-schema'];
    Object.assign(schema, stated);
  }
  if (schema.type === 'string') {
    const allowEmpty = schema['x-jxjy-allow-empty'] === true;
    delete schema['x-jxjy-allow-empty'];
    delete schema['x-jxjy-trimmed'];
    if (Array.isArray(schema.enum)) {
      if (allowEmpty && !schema.enum.includes('')) schema.enum.push('');
    } else if (allowEmpty && (schema.format !== undefined || schema.pattern !== undefined)) {
      // Empty, or a value of the format or pattern (an optional e-mail address or phone number).
      const { format, pattern } = schema;
      delete schema.format;
      delete schema.pattern;
      schema.anyOf = [{ ...(format === undefined ? {} : { format }), ...(pattern === undefined ? {} : { pattern }) }, { maxLength: 0 }];
    } else if (FREE_FORMATS.has(schema.format as string | undefined)) {
      const trimmed = schema['x-jxjy-trimmed'] === true && !allowEmpty;
      if (!allowEmpty && schema.minLength === undefined) schema.minLength = 1;
      if (schema.pattern === undefined && schema.format === undefined) schema.pattern = characters(schema['x-jxjy-text'] === 'name' ? NAME_FORBIDDEN : TEXT_FORBIDDEN, trimmed);
    }
  }
  for (const key of ['properties', 'items', 'oneOf', 'anyOf', 'allOf', 'not', 'additionalProperties']) {
    const child = schema[key];
    if (key === 'properties' && isRecord(child)) Object.values(child).forEach(describeInputStrings);
    else describeInputStrings(child);
  }
}

/** OpenAPI puts a parameter's description beside its schema, not inside it. */
function describe(schema: JsonSchema): { schema: JsonSchema; description?: string } {
  const { description, ...rest } = schema;
  return typeof description === 'string' ? { schema: rest, description } : { schema: rest };
}

function toJsonSchema(rule: unknown, shared: Record<string, JsonSchema>, side: 'input' | 'output' = 'output'): JsonSchema | undefined {
  if (!Joi.isSchema(rule)) return undefined;
  const schema: unknown = parse(rule, 'open-api', shared);
  if (!isRecord(schema)) return undefined;
  // joi-to-json also returns `.id()`-shared schemas inline under `schemas`; they belong in components.
  const { schemas: _inlineShared, ...rest } = schema;
  if (side === 'input') {
    markEmptyAllowed(rule.describe(), rest);
    describeInputStrings(rest);
  }
  return rest;
}

/**
 * A string pattern of the allowed characters; a trimmed string (joi trims before it counts) must hold more than
 * spaces. (Where a trimmed minimum is over one character, padding can still take a string below it: not stated.)
 */
const characters = (forbidden: string, trimmed: boolean) => `^${trimmed ? '(?=[\\s\\S]*\\S)' : ''}[^${forbidden}]*$`;

/** joi-to-json drops `.allow('')` and `.trim()`; joi's own description keeps them, key by key and item by item. */
function markEmptyAllowed(described: unknown, json: unknown): void {
  if (!isRecord(described) || !isRecord(json)) return;
  if (Array.isArray(described.allow) && described.allow.includes('')) json['x-jxjy-allow-empty'] = true;
  if (Array.isArray(described.rules) && described.rules.some((rule) => isRecord(rule) && rule.name === 'trim')) json['x-jxjy-trimmed'] = true;
  if (isRecord(described.keys) && isRecord(json.properties)) {
    for (const [key, child] of Object.entries(described.keys)) markEmptyAllowed(child, json.properties[key]);
  }
  if (Array.isArray(described.items) && described.items.length === 1) markEmptyAllowed(described.items[0], json.items);
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
