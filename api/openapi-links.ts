/**
 * OpenAPI links from every success answer carrying an identifier (`recordId`, `taskId`, …) to every operation whose
 * path takes it, so a client generator — or a stateful fuzzer — can follow a command to what it created. Inferred
 * from the schemas themselves, so they cannot drift from the routes.
 */
import type { OpenApiDocument } from './openapi.js';
import { type JsonSchema, isRecord, resolveRef } from './openapi-schemas.js';

export function linkCreatedIdentifiers(paths: OpenApiDocument['paths'], shared: Record<string, JsonSchema>): void {
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
