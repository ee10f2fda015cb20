/**
 * RFC 6962 Merkle trees over the event log (CONTRACT.md "Audit and replay"): leaf = SHA-256(0x00 ‖ data), node =
 * SHA-256(0x01 ‖ left ‖ right), the tree hash splitting at the largest power of two below n, audit paths and
 * consistency proofs (RFC 6962 §2.1.1–2.1.2) and their verification (RFC 9162 §2.1.3.2 and §2.1.4.2).
 *
 * Sealing never holds the leaves: a `MerkleFrontier` keeps only the roots of the perfect subtrees that make up the
 * leaves so far (one per set bit of the count, at most 64 hashes), so a seal continues from the previous one's
 * frontier at O(new leaves). Proofs need every leaf of the tree; they take them as one flat buffer of 32-byte hashes.
 * Sizes are plain numbers and never meet 32-bit bit operators, so a count past 2^31 stays exact.
 */
import crypto from 'node:crypto';

export const HASH_BYTES = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

const sha256 = (...parts: Uint8Array[]): Buffer => crypto.hash('sha256', Buffer.concat(parts), 'buffer');

/** MTH of the empty tree: the hash of no bytes. */
export const EMPTY_ROOT: Buffer = sha256();

export const leafHash = (data: Uint8Array): Buffer => sha256(LEAF_PREFIX, data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE_PREFIX, left, right);

/** The leaf of one event: its `hash` (hex) as 32 bytes, never the hex text. */
export function eventLeaf(eventHashHex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(eventHashHex)) throw new TypeError(`an event hash is 64 lower-case hex digits, not "${eventHashHex}"`);
  return leafHash(Buffer.from(eventHashHex, 'hex'));
}

/** The largest power of two strictly below n (n ≥ 2): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;

/** The roots of the perfect subtrees covering leaves [0, size), largest first — enough to extend and to hash. */
export class MerkleFrontier {
  private constructor(
    private readonly subtrees: Buffer[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** Resumes from a stored frontier; refuses one whose shape does not fit its size (one root per set bit). */
  static resume(size: number, subtrees: readonly string[]): MerkleFrontier {
    let bits = 0;
    for (let s = size; s > 0; s = half(s)) bits += s % 2;
    if (!Number.isSafeInteger(size) || size < 0 || subtrees.length !== bits || subtrees.some((h) => !/^[0-9a-f]{64}$/.test(h))) {
      throw new TypeError(`a frontier of ${size} leaves has ${bits} subtree hashes of 64 hex digits`);
    }
    return new MerkleFrontier(subtrees.map((h) => Buffer.from(h, 'hex')), size);
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash: merges equal-sized subtrees, as many as the new size has trailing zero bits. */
  append(leaf: Uint8Array): void {
    let node: Buffer = Buffer.from(leaf);
    for (let s = this.count; odd(s); s = half(s)) node = nodeHash(this.subtrees.pop()!, node);
    this.subtrees.push(node);
    this.count += 1;
  }

  /** MTH of the leaves so far: the subtree roots folded from the right (the split at the largest power of two). */
  root(): Buffer {
    if (this.subtrees.length === 0) return EMPTY_ROOT;
    let root = this.subtrees.at(-1)!;
    for (let i = this.subtrees.length - 2; i >= 0; i--) root = nodeHash(this.subtrees[i]!, root);
    return root;
  }

  toJSON(): string[] {
    return this.subtrees.map((h) => h.toString('hex'));
  }
}

/** Leaf hashes side by side in one buffer: 32 bytes a leaf, a 100,000-event log in 3.2 MB. */
export class LeafHashes {
  private readonly bytes: Buffer;
  private count = 0;

  constructor(readonly capacity: number) {
    this.bytes = Buffer.alloc(capacity * HASH_BYTES);
  }

  static of(leaves: readonly Uint8Array[]): LeafHashes {
    const list = new LeafHashes(leaves.length);
    for (const leaf of leaves) list.push(leaf);
    return list;
  }

  get length(): number {
    return this.count;
  }

  push(leaf: Uint8Array): void {
    if (this.count >= this.capacity) throw new RangeError(`more than the ${this.capacity} leaves expected`);
    this.bytes.set(leaf, this.count * HASH_BYTES);
    this.count += 1;
  }

  at(index: number): Buffer {
    return this.bytes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}

/** MTH(D[start:end]) over leaf hashes. */
export function subtreeRoot(leaves: LeafHashes, start: number, end: number): Buffer {
  const n = end - start;
  if (n <= 0) return EMPTY_ROOT;
  if (n === 1) return leaves.at(start);
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/** MTH of the first `size` leaves (all by default). */
export const treeRoot = (leaves: LeafHashes, size = leaves.length): Buffer => subtreeRoot(leaves, 0, size);

/** PATH(m, D[size]): the audit path of leaf m, nearest sibling first. */
export function inclusionProof(leaves: LeafHashes, m: number, size = leaves.length): Buffer[] {
  if (!(m >= 0 && m < size && size <= leaves.length)) throw new RangeError(`leaf ${m} is not in a tree of ${size}`);
  const path = (index: number, start: number, end: number): Buffer[] => {
    if (end - start === 1) return [];
    const k = splitPoint(end - start);
    return index < k
      ? [...path(index, start, start + k), subtreeRoot(leaves, start + k, end)]
      : [...path(index - k, start + k, end), subtreeRoot(leaves, start, start + k)];
  };
  return path(m, 0, size);
}

/** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of n (empty for m = 0 or m = n). */
export function consistencyProof(leaves: LeafHashes, m: number, n = leaves.length): Buffer[] {
  if (!(m >= 0 && m <= n && n <= leaves.length)) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  if (m === 0) return [];
  const subproof = (size: number, start: number, end: number, whole: boolean): Buffer[] => {
    if (size === end - start) return whole ? [] : [subtreeRoot(leaves, start, end)];
    const k = splitPoint(end - start);
    return size <= k
      ? [...subproof(size, start, start + k, whole), subtreeRoot(leaves, start + k, end)]
      : [...subproof(size - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
  };
  return subproof(m, 0, n, true);
}

const sameHash = (a: Uint8Array, b: Uint8Array): boolean => a.length === HASH_BYTES && b.length === HASH_BYTES && crypto.timingSafeEqual(a, b);

/** RFC 9162 §2.1.3.2: the root an audit path leads to from `leaf` at `index` in a tree of `size`, or null. */
export function rootFromInclusionProof(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[]): Buffer | null {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0 || p.length !== HASH_BYTES) return null;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[], root: Uint8Array): boolean {
  const reached = rootFromInclusionProof(leaf, index, size, path);
  return reached !== null && sameHash(reached, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of size m (root `rootM`) is a prefix of the tree of size n? */
export function verifyConsistency(m: number, n: number, rootM: Uint8Array, rootN: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n)) return false;
  if (m === n) return proof.length === 0 && sameHash(rootM, rootN);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== HASH_BYTES)) return false;
  const path = isPowerOfTwo(m) ? [rootM, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameHash(fr, rootM) && sameHash(sr, rootN);
}
