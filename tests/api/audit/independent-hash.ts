/**
 * The event hash of CONTRACT.md Audit and replay, written again from the contract's words alone — not the production
 * code — so the tests check the log against the published format: SHA-256 (hex) of the RFC 8785 canonical JSON of
 * {alg:'sha256/jcs/v1', streamId, revision (decimal string), eventId, type, recordedAt, data, metadata, prevHash}.
 */
import { createHash } from 'node:crypto';

/** RFC 8785 for the values an event holds: keys sorted by UTF-16 code units, ES number and string serialisation. */
function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => jcs(v === undefined ? null : v)).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export interface PublishedEvent {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  data: unknown;
  metadata: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

export function recomputeHash(event: PublishedEvent): string {
  const { prevHash: _p, hash: _h, ...metadata } = event.metadata;
  const input = { alg: 'sha256/jcs/v1', streamId: event.streamId, revision: String(event.revision), eventId: event.eventId, type: event.type, recordedAt: event.recordedAt, data: event.data, metadata, prevHash: event.prevHash };
  return createHash('sha256').update(jcs(input), 'utf8').digest('hex');
}

/** Every chain in a list of events in global order: each hash recomputed, each link to the stream's previous event. */
export function checkChains(events: PublishedEvent[]): Array<{ streamId: string; revision: number; problem: string }> {
  const heads = new Map<string, { revision: number; hash: string }>();
  const problems: Array<{ streamId: string; revision: number; problem: string }> = [];
  for (const event of events) {
    const head = heads.get(event.streamId);
    if (event.revision !== (head ? head.revision + 1 : 0)) problems.push({ streamId: event.streamId, revision: event.revision, problem: 'revision' });
    if (event.prevHash !== (head?.hash ?? null)) problems.push({ streamId: event.streamId, revision: event.revision, problem: 'link' });
    if (recomputeHash(event) !== event.hash) problems.push({ streamId: event.streamId, revision: event.revision, problem: 'hash' });
    heads.set(event.streamId, { revision: event.revision, hash: event.hash });
  }
  return problems;
}
