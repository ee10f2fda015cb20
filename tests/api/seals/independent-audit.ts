/**
 * An auditor's own checker, written from CONTRACT.md alone and importing none of the production hashing or Merkle
 * code: RFC 8785 canonical JSON, the event hash, RFC 6962 tree hashes, audit paths and consistency proofs, and the
 * Ed25519 seal signature. The seal tests hold every answer of the API and every line of an export against it.
 */
import crypto from 'node:crypto';

type Json = Record<string, unknown>;

/** RFC 8785 for the values events carry (no floats): keys sorted by UTF-16 code units, no whitespace. */
export function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => (value as Json)[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${jcs((value as Json)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest();

/** `hash` of an /audit/events item or export line: the metadata's own hash fields are not part of it. */
export function hashOfEvent(e: Json): string {
  const { prevHash: _p, hash: _h, ...metadata } = e.metadata as Json;
  const input = { alg: 'sha256/jcs/v1', streamId: e.streamId, revision: String(e.revision), eventId: e.eventId, type: e.type, recordedAt: e.recordedAt, data: e.data, metadata, prevHash: e.prevHash };
  return sha256(Buffer.from(jcs(input), 'utf8')).toString('hex');
}

export const leafOf = (eventHashHex: string) => sha256(Buffer.concat([Buffer.from([0]), Buffer.from(eventHashHex, 'hex')]));
const node = (l: Buffer, r: Buffer) => sha256(Buffer.concat([Buffer.from([1]), l, r]));
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

export function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256('');
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

export function auditPath(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...auditPath(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...auditPath(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

/** The root an audit path leads to, by the same recursion that built it — needs no other leaf. */
export function rootFromPath(leaf: Buffer, m: number, n: number, path: Buffer[]): Buffer | null {
  if (n === 1) return path.length === 0 ? leaf : null;
  if (path.length === 0) return null;
  const k = split(n);
  const sibling = path.at(-1)!;
  const rest = path.slice(0, -1);
  if (m < k) {
    const left = rootFromPath(leaf, m, k, rest);
    return left && node(left, sibling);
  }
  const right = rootFromPath(leaf, m - k, n - k, rest);
  return right && node(sibling, right);
}

export function consistency(m: number, leaves: Buffer[]): Buffer[] {
  const sub = (size: number, d: Buffer[], whole: boolean): Buffer[] => {
    if (size === d.length) return whole ? [] : [mth(d)];
    const k = split(d.length);
    return size <= k ? [...sub(size, d.slice(0, k), whole), mth(d.slice(k))] : [...sub(size - k, d.slice(k), false), mth(d.slice(0, k))];
  };
  return m === 0 ? [] : sub(m, leaves, true);
}

export const sealSigned = (publicKeyPem: string, s: { position: string; count: number; root: string; signature: string }) =>
  crypto.verify(null, Buffer.from(`jxjy-seal/v1:${s.position}:${s.count}:${s.root}`, 'utf8'), crypto.createPublicKey(publicKeyPem), Buffer.from(s.signature, 'base64'));

export interface AuditedExport {
  header: Json;
  events: Json[];
  seals: Json[];
  /** Leaves of the exported events (after the header's start). */
  leaves: Buffer[];
}

/**
 * Checks a whole-log export (no `after`) from scratch: lines in order, every hash, every chain, each seal right after
 * its last event with the root of all leaves before it and a good signature, the end line's counts. Throws naming the
 * first line that fails.
 */
export function auditWholeExport(ndjson: string, publicKeyPem: string): AuditedExport {
  const lines = ndjson.split('\n');
  if (lines.pop() !== '') throw new Error('an export ends with a newline');
  const header = JSON.parse(lines[0]!) as Json;
  if (header.format !== 'jxjy-audit-export/v1' || header.after !== null) throw new Error('not a whole-log export');
  const events: Json[] = [];
  const seals: Json[] = [];
  const leaves: Buffer[] = [];
  const heads = new Map<string, { revision: number; hash: string }>();
  let ended = false;
  lines.slice(1).forEach((text, i) => {
    const fail = (what: string) => new Error(`line ${i + 2}: ${what}`);
    const line = JSON.parse(text) as Json;
    if (ended) throw fail('after the end');
    if (line.seal) {
      const seal = line.seal as { position: string; count: number; root: string; signature: string };
      if (seal.count !== leaves.length || seal.position !== events.at(-1)?.position) throw fail('seal out of place');
      if (mth(leaves).toString('hex') !== seal.root) throw fail('seal root');
      if (!sealSigned(publicKeyPem, seal)) throw fail('seal signature');
      seals.push(line.seal as Json);
    } else if (line.end) {
      const end = line.end as Json;
      if (end.events !== events.length || end.count !== leaves.length || end.seals !== seals.length) throw fail('end counts');
      ended = true;
    } else {
      const head = heads.get(line.streamId as string);
      if ((head?.revision ?? -1) + 1 !== line.revision || (head?.hash ?? null) !== line.prevHash) throw fail('chain link');
      if (line.redacted !== undefined && !['AccountRegistered', 'PasswordChanged'].includes(line.type as string)) throw fail('redacted');
      if (line.redacted === undefined && hashOfEvent(line) !== line.hash) throw fail('event hash');
      if (events.length && !((events.at(-1)!.position as string) < (line.position as string))) throw fail('order');
      heads.set(line.streamId as string, { revision: line.revision as number, hash: line.hash as string });
      events.push(line);
      leaves.push(leafOf(line.hash as string));
    }
  });
  if (!ended) throw new Error('no end line');
  return { header, events, seals, leaves };
}
