/**
 * What an auditor asks of a seal, always answered from the events as they are stored now — never from a stored
 * frontier: the audit path of one event, the consistency of an older seal with a newer one, and every seal
 * recomputed from scratch. A log changed behind the store's back shows up here as proofs that do not verify against
 * the signed roots, or as a seal whose leaves no longer add up.
 */
import crypto from 'node:crypto';
import type { Sql } from './database.js';
import { type EventStore, type Position, START } from './event-store.js';
import { LeafHashes, MerkleFrontier, consistencyProof, eventLeaf, inclusionProof, leafHash } from './merkle.js';
import { type Seal, allSeals, sealAtOrBefore, verifySealSignature } from './seals.js';

const PAGE = 1000;

/** Reads the events in (after, to] page by page, in global order. */
export async function* eventsBetween(store: EventStore, after: Position, to: Position) {
  let position = after;
  for (;;) {
    const { events } = await store.readPage({ after: position, to, limit: PAGE });
    yield* events;
    if (events.length < PAGE) return;
    position = events.at(-1)!.position;
  }
}

export interface SealLeaves {
  leaves: LeafHashes;
  /** Events now stored up to the seal's position: not the seal's `count` when the log was changed under it. */
  found: number;
  /** Leaf index of the event asked for, if it is among them. */
  index?: number;
}

/** The leaf hashes under a seal, read from the log (32 bytes each). */
export async function readSealLeaves(store: EventStore, seal: Pick<Seal, 'position' | 'count'>, eventId?: string): Promise<SealLeaves> {
  const leaves = new LeafHashes(seal.count);
  let found = 0;
  let index: number | undefined;
  const wanted = eventId?.toLowerCase();
  for await (const event of eventsBetween(store, START, seal.position)) {
    if (found < seal.count) leaves.push(eventLeaf(event.hash));
    if (wanted && event.eventId.toLowerCase() === wanted) index = found;
    found += 1;
  }
  return { leaves, found, ...(index !== undefined ? { index } : {}) };
}

export type ProofResult<T> = { ok: true; value: T } | { ok: false; reason: 'not_covered' | 'log_changed'; found?: number };

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** `{leafIndex, count, path}`: the RFC 6962 audit path of one event under a seal. */
export async function sealInclusionProof(store: EventStore, seal: Seal, eventId: string): Promise<ProofResult<{ leafIndex: number; count: number; path: string[] }>> {
  const { leaves, found, index } = await readSealLeaves(store, seal, eventId);
  if (found !== seal.count) return { ok: false, reason: 'log_changed', found };
  if (index === undefined) return { ok: false, reason: 'not_covered' };
  return { ok: true, value: { leafIndex: index, count: seal.count, path: hex(inclusionProof(leaves, index, seal.count)) } };
}

/** The RFC 6962 consistency proof from an older seal's tree to a newer one's. */
export async function sealConsistencyProof(store: EventStore, from: Seal, to: Seal): Promise<ProofResult<string[]>> {
  const { leaves, found } = await readSealLeaves(store, to);
  if (found !== to.count) return { ok: false, reason: 'log_changed', found };
  return { ok: true, value: hex(consistencyProof(leaves, from.count, to.count)) };
}

export interface SealProblem {
  sealId: string;
  position: Position;
  problem: string;
}

/**
 * Recomputes every seal from the events in one pass (for POST /audit/verify): each root from the leaves up to its
 * position, its count, and its signature under `publicKey` (signatures by another key are named as such).
 */
const HEX_HASH = /^[0-9a-f]{64}$/;

export async function verifySeals(sql: Sql, store: EventStore, publicKey: crypto.KeyObject, keyId: string): Promise<{ seals: number; problems: SealProblem[] }> {
  const seals = await allSeals(sql);
  const problems: SealProblem[] = [];
  const frontier = MerkleFrontier.empty();
  let next = 0;
  const check = (seal: Seal) => {
    const add = (problem: string) => problems.push({ sealId: seal.sealId, position: seal.position, problem });
    if (frontier.size !== seal.count) add(`covers ${seal.count} events, but ${frontier.size} are stored up to its position`);
    else if (frontier.root().toString('hex') !== seal.root) add('its root does not match the events stored under it');
    if (!verifySealSignature(publicKey, seal)) add(seal.keyId === keyId ? 'its signature does not verify' : `signed by another key (${seal.keyId})`);
  };
  const last = seals.at(-1)?.position ?? START;
  for await (const event of eventsBetween(store, START, last)) {
    while (next < seals.length && event.position > seals[next]!.position) check(seals[next++]!);
    // A stored hash that is not even a hash (altered behind the store's back) makes its seal's root fail, not the check.
    frontier.append(HEX_HASH.test(event.hash) ? eventLeaf(event.hash) : leafHash(crypto.createHash('sha256').update(event.hash, 'utf8').digest()));
  }
  while (next < seals.length) check(seals[next++]!);
  return { seals: seals.length, problems };
}

/**
 * The tree state just after `after` — its size and frontier — for an export that starts there: continued from the
 * newest seal at or before it, so only the events since that seal are read. An untrusted starting point is enough:
 * a wrong frontier makes every later seal root in the export fail its signature.
 */
export async function frontierAt(sql: Sql, store: EventStore, after: Position): Promise<MerkleFrontier> {
  if (after === START) return MerkleFrontier.empty();
  const seal = await sealAtOrBefore(sql, after);
  const frontier = seal ? MerkleFrontier.resume(seal.count, seal.frontier) : MerkleFrontier.empty();
  for await (const event of eventsBetween(store, seal?.position ?? START, after)) frontier.append(eventLeaf(event.hash));
  return frontier;
}
