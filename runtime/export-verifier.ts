/**
 * Checks an audit export (events/store/audit-export.ts) line by line, holding only what the next line needs: each
 * stream's last revision and hash, the Merkle frontier (at most 64 hashes) and the public key. Every event's hash is
 * recomputed from its canonical JSON and linked to its stream's previous one; every seal's root is recomputed from the
 * leaves before it and its signature checked. The first problem stops it, named by its line.
 */
import crypto from 'node:crypto';
import { EXPORT_FORMAT, type ExportHeader } from '../events/store/audit-export.js';
import { HASH_ALGORITHM, eventHash } from '../events/store/hash-chain.js';
import { MerkleFrontier, eventLeaf } from '../events/store/merkle.js';
import { SEAL_FORMAT, type Seal, keyIdOf, verifySealSignature } from '../events/store/seals.js';

export type Verdict =
  | {
      valid: true; events: number; streams: number; seals: number; keySource: string; keyId: string; startCount: number; unsealed: number;
      anchoredStreams: number;
      /** Lines whose password hash was withheld (account events from before passwords left the log). */
      redacted: number[];
    }
  | { valid: false; line: number; problem: string };

class Bad extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const HEX = /^[0-9a-f]{64}$/;
/** The account events written with a password hash before passwords moved to the credentials table. */
const REDACTABLE = new Set(['AccountRegistered', 'PasswordChanged']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const short = (id: unknown) => String(id).slice(0, 8);

/** `publicKeyPem`: the key the auditor holds; without it, the one the file's header carries. */
export async function verifyExport(lines: AsyncIterable<string>, options: { publicKeyPem?: string; publicKeySource?: string } = {}): Promise<Verdict> {
  let lineNo = 0;
  let header: ExportHeader | undefined;
  let key: crypto.KeyObject | undefined;
  let keySource = '';
  let frontier = MerkleFrontier.empty();
  const streams = new Map<string, { revision: number; hash: string }>();
  let position = '';
  let [events, seals, sealedCount, anchoredStreams] = [0, 0, 0, 0];
  const redacted: number[] = [];
  let ended = false;

  const readHeader = (value: Record<string, unknown>) => {
    const h = value as unknown as ExportHeader;
    if (h.format !== EXPORT_FORMAT) throw new Bad(`not an audit export of format ${EXPORT_FORMAT} (format: ${JSON.stringify(h.format)})`);
    if (h.hashAlgorithm !== HASH_ALGORITHM || h.sealFormat !== SEAL_FORMAT) throw new Bad(`unknown hash or seal format (${h.hashAlgorithm}, ${h.sealFormat})`);
    if (!isObject(h.start)) throw new Bad('the header has no start');
    try {
      frontier = MerkleFrontier.resume(h.start.count, h.start.frontier);
    } catch (error) {
      throw new Bad(`the header's start is unusable: ${(error as Error).message}`);
    }
    if (typeof h.to !== 'string' || (h.after !== null && typeof h.after !== 'string')) throw new Bad('the header does not say where the export starts and ends');
    keySource = options.publicKeyPem ? (options.publicKeySource ?? 'the key given') : "the file's header";
    try {
      key = crypto.createPublicKey(options.publicKeyPem ?? h.publicKeyPem);
    } catch {
      throw new Bad(`the public key from ${keySource} is not a public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Bad(`the public key from ${keySource} is not an Ed25519 key`);
    position = h.after ?? '';
    header = h;
  };

  const readEvent = (e: Record<string, unknown>) => {
    const where = `event ${short(e.eventId)} (stream ${String(e.streamId)}, revision ${String(e.revision)})`;
    const revision = typeof e.revision === 'string' && /^\d+$/.test(e.revision) ? Number(e.revision) : e.revision;
    if (typeof e.position !== 'string' || typeof e.eventId !== 'string' || typeof e.streamId !== 'string' || typeof e.type !== 'string' ||
      typeof e.recordedAt !== 'string' || !Number.isSafeInteger(revision) || (revision as number) < 0 || !isObject(e.metadata) ||
      !('data' in e) || (e.prevHash !== null && !(typeof e.prevHash === 'string' && HEX.test(e.prevHash))) || !(typeof e.hash === 'string' && HEX.test(e.hash))) {
      throw new Bad(`${where}: a field is missing or malformed`);
    }
    if (!(e.position > position)) throw new Bad(`${where}: position ${e.position} does not come after ${position || 'the start'} (out of order or repeated)`);
    if (e.position > header!.to) throw new Bad(`${where}: position ${e.position} is beyond the export's end ${header!.to}`);
    const rev = revision as number;
    const previous = streams.get(e.streamId);
    if (previous) {
      if (rev !== previous.revision + 1) throw new Bad(`${where}: follows revision ${previous.revision} of its stream (events missing or repeated)`);
      if (e.prevHash !== previous.hash) throw new Bad(`${where}: prevHash does not link to revision ${previous.revision} of its stream`);
    } else if (rev === 0) {
      if (e.prevHash !== null) throw new Bad(`${where}: revision 0 links to a previous hash`);
    } else if (header!.after === null) {
      throw new Bad(`${where}: the stream starts at revision ${rev} in a whole-log export (its earlier events are missing)`);
    } else {
      anchoredStreams += 1; // Its prevHash is part of its own hash, which the seals cover.
    }
    if (e.redacted !== undefined) {
      // A withheld secret (a password hash from before they left the log): the hash stands on the chain and the seals.
      // Only the events that ever carried one may say so, or any changed line could claim it.
      if (e.redacted !== true || !REDACTABLE.has(e.type)) throw new Bad(`${where}: marked redacted, but a ${e.type} never carried a secret`);
      redacted.push(lineNo);
    } else {
      const recomputed = eventHash({
        streamId: e.streamId, revision: BigInt(rev), eventId: e.eventId, type: e.type, recordedAt: e.recordedAt, data: e.data,
        metadata: e.metadata, prevHash: e.prevHash as string | null,
      });
      if (recomputed !== e.hash) throw new Bad(`${where}: its content does not match its hash`);
    }
    streams.set(e.streamId, { revision: rev, hash: e.hash });
    frontier.append(eventLeaf(e.hash));
    position = e.position;
    events += 1;
  };

  const readSeal = (s: Record<string, unknown>) => {
    const seal = s as unknown as Seal;
    const where = `seal ${short(seal.sealId)}`;
    if (typeof seal.position !== 'string' || !Number.isSafeInteger(seal.count) || typeof seal.root !== 'string' || typeof seal.signature !== 'string') {
      throw new Bad(`${where}: a field is missing or malformed`);
    }
    if (seal.position !== position) throw new Bad(`${where}: covers up to ${seal.position}, but the line before it is at ${position || 'the start'}`);
    if (seal.count !== frontier.size) throw new Bad(`${where}: covers ${seal.count} events, but ${frontier.size} come before it`);
    if (frontier.root().toString('hex') !== seal.root) throw new Bad(`${where}: its root does not match the events before it`);
    if (!verifySealSignature(key!, seal)) {
      const other = seal.keyId && seal.keyId !== keyIdOf(key!) ? ` (it names key ${short(seal.keyId)}…)` : '';
      throw new Bad(`${where}: its signature does not verify with the public key from ${keySource}${other}`);
    }
    seals += 1;
    sealedCount = seal.count;
  };

  const readEnd = (end: unknown) => {
    if (!isObject(end) || end.events !== events || end.count !== frontier.size || end.seals !== seals) {
      const counted = isObject(end) ? `${String(end.events)} events and ${String(end.seals)} seals` : 'nothing';
      throw new Bad(`the end line counts ${counted}, but the file holds ${events} events and ${seals} seals`);
    }
    ended = true;
  };

  try {
    for await (const text of lines) {
      lineNo += 1;
      if (ended) throw new Bad('a line after the end line');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new Bad('not a JSON line');
      }
      if (!isObject(value)) throw new Bad('not a JSON object');
      if (lineNo === 1) readHeader(value);
      else if ('seal' in value && isObject(value.seal)) readSeal(value.seal);
      else if ('end' in value) readEnd(value.end);
      else readEvent(value);
    }
    if (!header) throw new Bad('the file is empty', 1);
    if (!ended) throw new Bad('the file ends without its end line (cut short?)', lineNo + 1);
  } catch (error) {
    if (error instanceof Bad) return { valid: false, line: error.line ?? lineNo, problem: error.message };
    throw error;
  }
  return {
    valid: true, events, streams: streams.size, seals, keySource, keyId: keyIdOf(key!), startCount: header.start.count,
    unsealed: frontier.size - Math.max(sealedCount, header.start.count), anchoredStreams, redacted,
  };
}
