/**
 * RFC 6962 Merkle trees (events/store/merkle.ts) against the Certificate Transparency test vectors (the eight leaves
 * "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f with their published roots,
 * audit paths and consistency proofs), and against a naive reference written here straight from the RFC's
 * definitions: for many sizes every root, audit path and consistency proof matches it and verifies, and any change
 * to a proof, a leaf, an index, a size or a root makes verification fail.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  LeafHashes,
  MerkleFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../events/store/merkle.js';

// ---- The reference: RFC 6962 §2.1 as written, on arrays, with its own hashing.
const sha = (...parts: Buffer[]) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
const refLeaf = (data: Buffer) => sha(Buffer.from([0]), data);
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (d: Buffer[]): Buffer => (d.length === 0 ? sha() : d.length === 1 ? d[0]! : sha(Buffer.from([1]), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length)))));
const path = (m: number, d: Buffer[]): Buffer[] =>
  d.length <= 1 ? [] : m < k(d.length) ? [...path(m, d.slice(0, k(d.length))), mth(d.slice(k(d.length)))] : [...path(m - k(d.length), d.slice(k(d.length))), mth(d.slice(0, k(d.length)))];
const subproof = (m: number, d: Buffer[], whole: boolean): Buffer[] => {
  if (m === d.length) return whole ? [] : [mth(d)];
  const split = k(d.length);
  return m <= split ? [...subproof(m, d.slice(0, split), whole), mth(d.slice(split))] : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
};
const proof = (m: number, d: Buffer[]) => (m === 0 ? [] : subproof(m, d, true));

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const flip = (b: Uint8Array, bit = 0) => {
  const copy = Buffer.from(b);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};
const randomLeaves = (n: number) => Array.from({ length: n }, () => refLeaf(crypto.randomBytes(32)));

// ---- Certificate Transparency's vectors (RFC 6962 test data, as in transparency-dev/merkle and the CT C++ tests).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => leafHash(Buffer.from(h, 'hex')));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const H = {
  a: '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  b: '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  c: '837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e',
  d: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  e: '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  f: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  g: '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  h: '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  i: 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  j: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  k: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  l: '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  m: '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  n: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
};
const PATHS_7 = [[H.a, H.b, H.c], [H.d, H.b, H.c], [H.e, H.f, H.c], [H.g, H.f, H.c], [H.h, H.i, H.j], [H.k, H.i, H.j], [H.l, H.j]];
const PROOFS_7 = [[], [H.a, H.b, H.c], [H.b, H.c], [H.g, H.e, H.f, H.c], [H.c], [H.k, H.h, H.i, H.j], [H.l, H.i, H.j], []];
const CONSISTENCY = [
  { m: 1, n: 8, proof: [H.a, H.b, H.m] },
  { m: 6, n: 8, proof: [H.l, H.n, H.j] },
  { m: 2, n: 5, proof: [H.b, H.k] },
];

describe('the Certificate Transparency vectors', () => {
  it('gives the published root for every size 0…8, streamed and recursive', () => {
    for (let n = 0; n <= 8; n++) {
      const frontier = MerkleFrontier.empty();
      CT_LEAVES.slice(0, n).forEach((leaf) => frontier.append(leaf));
      expect(frontier.root().toString('hex'), `n = ${n}`).toBe(CT_ROOTS[n]);
      expect(treeRoot(LeafHashes.of(CT_LEAVES.slice(0, n))).toString('hex')).toBe(CT_ROOTS[n]);
    }
    expect(EMPTY_ROOT.toString('hex')).toBe(CT_ROOTS[0]);
  });

  it('gives the published audit paths in the tree of 7 and of 8, and they verify', () => {
    const seven = LeafHashes.of(CT_LEAVES.slice(0, 7));
    PATHS_7.forEach((expected, m) => {
      expect(hex(inclusionProof(seven, m)), `PATH(${m}, D[7])`).toEqual(expected);
      expect(verifyInclusion(CT_LEAVES[m]!, m, 7, expected.map((h) => Buffer.from(h, 'hex')), Buffer.from(CT_ROOTS[7]!, 'hex'))).toBe(true);
    });
    const eight = LeafHashes.of(CT_LEAVES);
    expect(hex(inclusionProof(eight, 0))).toEqual([H.a, H.b, H.m]);
    expect(hex(inclusionProof(eight, 5))).toEqual([H.k, H.n, H.j]);
  });

  it('gives the published consistency proofs, and they verify', () => {
    const seven = LeafHashes.of(CT_LEAVES.slice(0, 7));
    PROOFS_7.forEach((expected, m) => expect(hex(consistencyProof(seven, m)), `PROOF(${m}, D[7])`).toEqual(expected));
    for (const { m, n, proof: expected } of CONSISTENCY) {
      expect(hex(consistencyProof(LeafHashes.of(CT_LEAVES), m, n))).toEqual(expected);
      const roots = [Buffer.from(CT_ROOTS[m]!, 'hex'), Buffer.from(CT_ROOTS[n]!, 'hex')] as const;
      expect(verifyConsistency(m, n, ...roots, expected.map((h) => Buffer.from(h, 'hex')))).toBe(true);
    }
  });
});

describe('against the RFC as written, for many sizes', () => {
  const SIZES = [...Array.from({ length: 40 }, (_, i) => i + 1), 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000];

  it('roots: the streamed frontier, the recursive root and the reference agree; a frontier resumes from its JSON', () => {
    for (const n of SIZES) {
      const leaves = randomLeaves(n);
      const frontier = MerkleFrontier.empty();
      for (const [i, leaf] of leaves.entries()) {
        frontier.append(leaf);
        if (i === Math.floor(n / 2)) {
          const resumed = MerkleFrontier.resume(frontier.size, frontier.toJSON());
          leaves.slice(i + 1).forEach((l) => resumed.append(l));
          expect(resumed.root().equals(mth(leaves)), `resumed at ${i + 1} of ${n}`).toBe(true);
        }
      }
      expect(frontier.root().equals(mth(leaves)), `n = ${n}`).toBe(true);
      expect(treeRoot(LeafHashes.of(leaves)).equals(mth(leaves))).toBe(true);
    }
  });

  it('every audit path matches the reference and verifies; a changed path, leaf, index, size or root does not', () => {
    for (const n of SIZES.filter((s) => s <= 129)) {
      const leaves = randomLeaves(n);
      const list = LeafHashes.of(leaves);
      const root = mth(leaves);
      for (let m = 0; m < n; m++) {
        const audit = inclusionProof(list, m);
        expect(hex(audit)).toEqual(hex(path(m, leaves)));
        expect(verifyInclusion(leaves[m]!, m, n, audit, root)).toBe(true);
        expect(verifyInclusion(flip(leaves[m]!), m, n, audit, root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, m, n, audit, flip(root, 255))).toBe(false);
        if (n > 1) {
          expect(verifyInclusion(leaves[m]!, (m + 1) % n, n, audit, root), `index ${m}+1 of ${n}`).toBe(false);
          expect(verifyInclusion(leaves[(m + 1) % n]!, m, n, audit, root)).toBe(false);
          expect(verifyInclusion(leaves[m]!, m, n, audit.slice(0, -1), root)).toBe(false);
          expect(verifyInclusion(leaves[m]!, m, n, [...audit, audit[0]!], root)).toBe(false);
          audit.forEach((_, i) => expect(verifyInclusion(leaves[m]!, m, n, audit.map((h, j) => (i === j ? flip(h, 7) : h)), root)).toBe(false));
        }
        // The size is bound to the root by the seal's signature; against the root of one more leaf the path fails.
        expect(verifyInclusion(leaves[m]!, m, n + 1, audit, mth([...leaves, leaves[0]!]))).toBe(false);
      }
    }
  });

  it('every consistency proof m → n matches the reference and verifies; a changed proof, size or root does not', () => {
    for (const n of SIZES.filter((s) => s <= 65)) {
      const leaves = randomLeaves(n);
      const list = LeafHashes.of(leaves);
      const rootN = mth(leaves);
      for (let m = 0; m <= n; m++) {
        const rootM = mth(leaves.slice(0, m));
        const p = consistencyProof(list, m, n);
        expect(hex(p), `PROOF(${m}, D[${n}])`).toEqual(hex(proof(m, leaves)));
        expect(verifyConsistency(m, n, rootM, rootN, p)).toBe(true);
        if (m === 0) continue;
        expect(verifyConsistency(m, n, flip(rootM), rootN, p)).toBe(false);
        if (m === n) continue;
        expect(verifyConsistency(m, n, rootM, flip(rootN), p)).toBe(false);
        expect(verifyConsistency(n, m, rootN, rootM, p)).toBe(false);
        expect(verifyConsistency(m, n, rootM, rootN, p.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, rootM, rootN, [...p, p[0]!])).toBe(false);
        p.forEach((_, i) => expect(verifyConsistency(m, n, rootM, rootN, p.map((h, j) => (i === j ? flip(h, 3) : h))), `${m}→${n} element ${i}`).toBe(false));
        if (m > 1) expect(verifyConsistency(m - 1, n, mth(leaves.slice(0, m - 1)), rootN, p)).toBe(false);
        if (m < n - 1) expect(verifyConsistency(m, n - 1, rootM, mth(leaves.slice(0, n - 1)), p)).toBe(false);
      }
    }
  });

  it('a frontier of the wrong shape is refused rather than trusted', () => {
    const frontier = MerkleFrontier.empty();
    randomLeaves(5).forEach((leaf) => frontier.append(leaf));
    expect(frontier.toJSON()).toHaveLength(2); // 5 = 4 + 1
    expect(() => MerkleFrontier.resume(5, frontier.toJSON().slice(1))).toThrow(TypeError);
    expect(() => MerkleFrontier.resume(6, frontier.toJSON())).not.toThrow(); // 6 = 4 + 2: same shape, different tree
    expect(() => MerkleFrontier.resume(7, frontier.toJSON())).toThrow(TypeError);
    expect(() => MerkleFrontier.resume(5, ['zz', frontier.toJSON()[1]!])).toThrow(TypeError);
  });
});
