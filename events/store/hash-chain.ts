/**
 * Tamper evidence: each event's hash covers its content and its predecessor's hash (a per-stream chain).
 * Content is hashed as RFC 8785 (JCS) canonical JSON computed from the JS value, so a JSONB round trip,
 * which reorders keys, still verifies — re-serialising with JSON.stringify would not.
 */
import crypto from 'node:crypto';
import type { ChainVerification, EventMetadata, RecordedEvent } from './event-store.js';

/** Part of the hash input so a future algorithm change can coexist with old chains. */
export const HASH_ALGORITHM = 'sha256/jcs/v1';

export interface HashInput {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  recordedAt: string;
  data: unknown;
  metadata: EventMetadata;
  prevHash: string | null;
}

export function eventHash(input: HashInput): string {
  const { prevHash: _p, hash: _h, ...metadata } = input.metadata as EventMetadata & { prevHash?: unknown; hash?: unknown };
  const canonical = canonicalJson({
    alg: HASH_ALGORITHM,
    streamId: input.streamId,
    revision: input.revision.toString(),
    eventId: input.eventId,
    type: input.type,
    recordedAt: input.recordedAt,
    data: input.data,
    metadata,
    prevHash: input.prevHash,
  });
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * RFC 8785 canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * ECMAScript serialises them. Hours are integers or fixed-point strings, so no float formatting edge cases arise;
 * non-finite numbers and bigints are refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot represent a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot represent a ${typeof value}`);
}

/** Recomputes a stream's chain from its stored events: every hash must match its content and link to the previous one. */
export function verifyChain(streamId: string, events: RecordedEvent[]): ChainVerification {
  let prevHash: string | null = null;
  for (const event of events) {
    if (event.prevHash !== prevHash) {
      return { streamId, ok: false, checked: Number(event.revision), brokenAt: event.revision, reason: 'prevHash does not link to the previous event' };
    }
    if (event.hash !== eventHash({ ...event, prevHash })) {
      return { streamId, ok: false, checked: Number(event.revision), brokenAt: event.revision, reason: 'content does not match its hash' };
    }
    prevHash = event.hash;
  }
  return { streamId, ok: true, checked: events.length };
}
