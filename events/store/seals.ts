/**
 * Seals over the event log (CONTRACT.md "Audit and replay"): an RFC 6962 tree hash of every event's `hash` in global
 * order up to a position, signed with the system's Ed25519 key over `jxjy-seal/v1:<position>:<count>:<root hex>`.
 *
 * Seals live in the operational table `audit_seals`, not in the log: a seal is a statement about the log, not a
 * domain fact, and a seal stored as an event would have to cover itself. Each row keeps the frontier of its tree (the
 * perfect-subtree roots, at most 64 hashes), so the next seal reads only the events written since; verification never
 * trusts a stored frontier and recomputes every root from the events (seal-proofs.ts).
 *
 * Two sealers (the hourly schedule, an auditor's "seal now") may race: each takes `seq` = the previous seal's + 1, the
 * primary key lets one win, and the other starts again from the winner — so seals form one line, never a fork.
 */
import crypto from 'node:crypto';
import type { Database, Sql } from './database.js';
import { type EventStore, type Position, START } from './event-store.js';
import { MerkleFrontier, eventLeaf } from './merkle.js';

export const SEAL_FORMAT = 'jxjy-seal/v1';

export const SEALS_DDL = `
CREATE TABLE IF NOT EXISTS audit_seals (
  seq        bigint PRIMARY KEY,
  seal_id    uuid NOT NULL UNIQUE,
  position   text NOT NULL,
  count      bigint NOT NULL UNIQUE,
  root       text NOT NULL,
  signature  text NOT NULL,
  key_id     text NOT NULL,
  sealed_at  text NOT NULL,
  frontier   jsonb NOT NULL
);`;

export interface Seal {
  sealId: string;
  /** The last event covered (inclusive). */
  position: Position;
  /** Leaves: the events in global order up to and including `position`. */
  count: number;
  /** Hex MTH of the leaves. */
  root: string;
  /** Base64 Ed25519 signature over `sealMessage(position, count, root)`. */
  signature: string;
  /** Hex SHA-256 of the signing key's public key (SPKI DER): tells which key signed after a rotation. */
  keyId: string;
  sealedAt: string;
}

interface SealRow extends Seal {
  seq: number;
  frontier: string[];
}

const prepared = new WeakMap<Sql, Promise<void>>();

/** Creates the table once per connection pool: the API and a worker-only process may each be the first to seal. */
export function ensureSealTables(sql: Sql): Promise<void> {
  let ready = prepared.get(sql);
  if (!ready) {
    ready = sql.exec(SEALS_DDL).catch((error: unknown) => {
      prepared.delete(sql);
      throw error;
    });
    prepared.set(sql, ready);
  }
  return ready;
}

export const sealMessage = (position: Position, count: number, root: string): string => `${SEAL_FORMAT}:${position}:${count}:${root}`;

export function publicKeyPem(key: crypto.KeyObject): string {
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function keyIdOf(key: crypto.KeyObject): string {
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function verifySealSignature(publicKey: crypto.KeyObject, seal: Pick<Seal, 'position' | 'count' | 'root' | 'signature'>): boolean {
  const signature = Buffer.from(seal.signature, 'base64');
  return crypto.verify(null, Buffer.from(sealMessage(seal.position, seal.count, seal.root), 'utf8'), publicKey, signature);
}

const COLUMNS = `seq::text AS seq, seal_id::text AS "sealId", position, count::text AS count, root, signature, key_id AS "keyId",
  sealed_at AS "sealedAt", frontier`;

type Raw = Omit<SealRow, 'seq' | 'count'> & { seq: string; count: string };
const toRow = (raw: Raw): SealRow => ({ ...raw, seq: Number(raw.seq), count: Number(raw.count) });
export const sealBody = ({ sealId, position, count, root, signature, keyId, sealedAt }: Seal): Seal => ({ sealId, position, count, root, signature, keyId, sealedAt });

async function latest(db: Sql): Promise<SealRow | undefined> {
  const { rows } = await db.query<Raw>(`SELECT ${COLUMNS} FROM audit_seals ORDER BY seq DESC LIMIT 1`);
  return rows[0] && toRow(rows[0]);
}

export interface SealOptions {
  db: Database;
  store: EventStore;
  key: crypto.KeyObject;
  now: () => Date;
  /** Called after every page read (the activity heartbeats). */
  onPage?: (sealed: number) => void;
  pageSize?: number;
}

/**
 * Seals everything readable now, continuing from the latest seal. `created: false` with the latest seal when nothing
 * was written since it; null when the log is empty.
 */
export async function sealLog({ db, store, key, now, onPage, pageSize = 1000 }: SealOptions): Promise<{ seal: Seal; created: boolean } | null> {
  await ensureSealTables(db);
  for (let attempt = 0; ; attempt++) {
    const previous = await latest(db);
    // Only up to the readable head: everything at or before it is final, so the seal never has to change.
    const head = await store.headPosition();
    if (head === START) return null;
    if (previous && head <= previous.position) return { seal: sealBody(previous), created: false };
    const frontier = previous ? MerkleFrontier.resume(previous.count, previous.frontier) : MerkleFrontier.empty();
    let position = previous?.position ?? START;
    for (;;) {
      const page = await store.readPage({ after: position, to: head, limit: pageSize });
      for (const event of page.events) frontier.append(eventLeaf(event.hash));
      onPage?.(frontier.size);
      if (page.events.length === 0) break;
      position = page.events.at(-1)!.position;
      if (position >= head) break;
    }
    if (frontier.size === (previous?.count ?? 0)) return previous ? { seal: sealBody(previous), created: false } : null;
    const root = frontier.root().toString('hex');
    const seal: SealRow = {
      seq: (previous?.seq ?? 0) + 1,
      sealId: crypto.randomUUID(),
      position,
      count: frontier.size,
      root,
      signature: crypto.sign(null, Buffer.from(sealMessage(position, frontier.size, root), 'utf8'), key).toString('base64'),
      keyId: keyIdOf(key),
      sealedAt: now().toISOString(),
      frontier: frontier.toJSON(),
    };
    const inserted = await db.query(
      `INSERT INTO audit_seals (seq, seal_id, position, count, root, signature, key_id, sealed_at, frontier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) ON CONFLICT DO NOTHING`,
      [seal.seq, seal.sealId, seal.position, seal.count, seal.root, seal.signature, seal.keyId, seal.sealedAt, JSON.stringify(seal.frontier)],
    );
    if (inserted.affectedRows === 1) return { seal: sealBody(seal), created: true };
    // Another sealer took this place in the line: continue from its seal.
    if (attempt >= 5) throw new Error('could not seal: other sealers kept taking the next place');
  }
}

export async function findSeal(db: Sql, sealId: string): Promise<(Seal & { frontier: string[] }) | undefined> {
  await ensureSealTables(db);
  const { rows } = await db.query<Raw>(`SELECT ${COLUMNS} FROM audit_seals WHERE seal_id = $1::uuid`, [sealId]);
  return rows[0] && toRow(rows[0]);
}

/** Newest first; `before` is the `seq` the previous page ended at. */
export async function listSeals(db: Sql, { limit, before }: { limit: number; before?: number }): Promise<{ items: Seal[]; next?: number }> {
  await ensureSealTables(db);
  const { rows } = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM audit_seals WHERE ($1::bigint IS NULL OR seq < $1::bigint) ORDER BY seq DESC LIMIT $2`,
    [before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit).map(toRow);
  return { items: page.map(sealBody), ...(rows.length > limit ? { next: page.at(-1)!.seq } : {}) };
}

/** Seals whose last event lies in (after, to] — or exactly at `after` — oldest first, frontiers included. */
export async function sealsWithin(db: Sql, after: Position, to: Position): Promise<Array<Seal & { frontier: string[] }>> {
  await ensureSealTables(db);
  const { rows } = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM audit_seals WHERE position COLLATE "C" >= $1 AND position COLLATE "C" <= $2 ORDER BY seq`,
    [after, to],
  );
  return rows.map(toRow);
}

/** The newest seal at or before `position`, the starting point for the leaves up to it. */
export async function sealAtOrBefore(db: Sql, position: Position): Promise<(Seal & { frontier: string[] }) | undefined> {
  await ensureSealTables(db);
  const { rows } = await db.query<Raw>(`SELECT ${COLUMNS} FROM audit_seals WHERE position COLLATE "C" <= $1 ORDER BY seq DESC LIMIT 1`, [position]);
  return rows[0] && toRow(rows[0]);
}

/** Every seal oldest first, for verification from scratch (a few thousand rows a year at one an hour). */
export async function allSeals(db: Sql): Promise<Seal[]> {
  await ensureSealTables(db);
  const { rows } = await db.query<Raw>(`SELECT ${COLUMNS} FROM audit_seals ORDER BY seq`);
  return rows.map((raw) => sealBody(toRow(raw)));
}
