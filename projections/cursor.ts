/**
 * Opaque list cursors (CONTRACT.md: `?cursor=` → `nextCursor`): the keyset of the last row returned, as base64url
 * JSON, so a page boundary survives inserts and no client is tempted to build one.
 */

/** A cursor this API never issued (or one a client altered): the API answers 400 on the `cursor` field. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('the cursor is not one this list issued');
  }
}

export const encodeCursor = (keys: string[]): string => Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');

/** The keys of a cursor, undefined when there is none; throws InvalidCursorError when it is malformed. */
export function decodeCursor(cursor: string | undefined, length = 2): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(keys) && keys.length === length && keys.every((key) => typeof key === 'string')) return keys as string[];
  } catch {
    // fall through: not base64url JSON
  }
  throw new InvalidCursorError();
}
