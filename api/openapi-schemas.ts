/**
 * joi → JSON Schema for the OpenAPI document (api/openapi.ts): joi-to-json does the translation; what it drops of the
 * input rules (non-empty strings, the character rules of texts and names, `.allow('')`, `.trim()`, what a custom rule
 * states with `x-jxjy-schema`) is put back here, so a client — or a fuzzer — that follows the document sends nothing
 * the server refuses for its characters or emptiness.
 */
import parse from 'joi-to-json';
import { NAME_FORBIDDEN, TEXT_FORBIDDEN } from '../events/vocabulary/index.js';
import { Joi } from './joi.js';

export type JsonSchema = Record<string, unknown>;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

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

export function toJsonSchema(rule: unknown, shared: Record<string, JsonSchema>, side: 'input' | 'output' = 'output'): JsonSchema | undefined {
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


/** A schema, or the shared one its `$ref` names. */
export function resolveRef(schema: JsonSchema | undefined, shared: Record<string, JsonSchema>): JsonSchema | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? shared[ref.replace('#/components/schemas/', '')] : schema;
}
