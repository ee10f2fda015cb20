/**
 * The audit export (`GET /audit/export`, NDJSON), built to be checked offline by `npm run verify-export`:
 *
 *   line 1   {"format":"jxjy-audit-export/v1", "hashAlgorithm", "sealFormat", "publicKeyPem", "keyId", "exportedAt",
 *             "after", "to", "start":{"count","frontier":[hex…]}}
 *   then     one line per event in global order — the fields of /audit/events items — and, right after the event at
 *             a seal's position, that seal as {"seal":{sealId, position, count, root, signature, keyId, sealedAt}}
 *   last     {"end":{"events","seals","count","position"}}, so a cut or thinned file is told from a complete one
 *
 * A seal follows the last event it covers, so a verifier holds only a Merkle frontier and each stream's last hash,
 * never the whole log. An export that starts `after` a position carries in `start` the tree state of the events
 * before it (their count and frontier), so every seal inside the export can still be recomputed from its own lines
 * plus those at most 64 hashes; the frontier needs no trust, as a wrong one makes every seal root fail its signature.
 * A stream's first event in such an export links to a `prevHash` the file does not hold: its own hash covers that
 * link, and the seals cover its hash.
 *
 * Streamed page by page: neither the log nor the export is ever held in memory.
 */
import { withoutLegacySecrets } from '../account.js';
import type { Database } from './database.js';
import { type EventStore, type Position, type RecordedEvent, START } from './event-store.js';
import { HASH_ALGORITHM } from './hash-chain.js';
import { eventLeaf } from './merkle.js';
import { frontierAt } from './seal-proofs.js';
import { SEAL_FORMAT, sealBody, sealsWithin } from './seals.js';

export const EXPORT_FORMAT = 'jxjy-audit-export/v1';

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  hashAlgorithm: string;
  sealFormat: string;
  publicKeyPem: string;
  keyId: string;
  exportedAt: string;
  after: Position | null;
  to: Position;
  start: { count: number; frontier: string[] };
}

/**
 * An event as /audit/events lists it (revision as a number: streams never reach 2^53 events). A password hash left in
 * an account event from before passwords moved out of the log is withheld and the line marked `redacted`: its hash is
 * then taken as given — the next event of its stream links to it and the seals cover it.
 */
export function auditEventItem(event: RecordedEvent) {
  const data = withoutLegacySecrets(event.data);
  return {
    position: event.position,
    eventId: event.eventId,
    streamId: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    data: data ?? null,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    prevHash: event.prevHash,
    hash: event.hash,
    ...(data !== event.data ? { redacted: true } : {}),
  };
}

export interface ExportOptions {
  db: Database;
  store: EventStore;
  publicKeyPem: string;
  keyId: string;
  now: () => Date;
  after?: Position;
  to?: Position;
  pageSize?: number;
}

/** The export's lines, each ending in a newline, a page of events per chunk. */
export async function* exportLines({ db, store, publicKeyPem, keyId, now, after = START, to, pageSize = 1000 }: ExportOptions): AsyncGenerator<string> {
  // Only what is final: up to the readable head at the start, whatever is written meanwhile.
  const head = await store.headPosition();
  if (after > head) throw new RangeError(`nothing is readable after ${after} yet`);
  const end = to !== undefined && to < head ? to : head;
  if (end < after) throw new RangeError(`the export would end (${end}) before it starts (${after})`);
  const frontier = await frontierAt(db, store, after);
  const seals = await sealsWithin(db, after, end);
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    hashAlgorithm: HASH_ALGORITHM,
    sealFormat: SEAL_FORMAT,
    publicKeyPem,
    keyId,
    exportedAt: now().toISOString(),
    after: after === START ? null : after,
    to: end,
    start: { count: frontier.size, frontier: frontier.toJSON() },
  };
  let next = 0;
  /** The seals whose last event lies before `position` (all remaining ones when it is undefined). */
  const sealsBefore = (position: Position | undefined): string => {
    let lines = '';
    while (next < seals.length && (position === undefined || seals[next]!.position < position)) lines += `${JSON.stringify({ seal: sealBody(seals[next++]!) })}\n`;
    return lines;
  };
  yield `${JSON.stringify(header)}\n`;
  let events = 0;
  let position = after;
  while (end > position) {
    const page = await store.readPage({ after: position, to: end, limit: pageSize });
    let chunk = '';
    for (const event of page.events) {
      chunk += sealsBefore(event.position);
      chunk += `${JSON.stringify(auditEventItem(event))}\n`;
      frontier.append(eventLeaf(event.hash));
      events += 1;
    }
    if (chunk) yield chunk;
    if (page.events.length === 0) break;
    position = page.events.at(-1)!.position;
  }
  yield `${sealsBefore(undefined)}${JSON.stringify({ end: { events, seals: seals.length, count: frontier.size, position: events ? position : null } })}\n`;
}
