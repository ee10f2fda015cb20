/**
 * Seeded randomness for the scale generator: the same seed gives the same history (names, ids, times), so two runs
 * at one scale measure the same data. sfc32 is fast and good enough for synthetic data — never for anything secret.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A version-4 UUID, lower case as the store keeps it. */
  uuid(): string;
  /** `bytes` random bytes as lower-case hex (a file's SHA-256 stand-in). */
  hex(bytes: number): string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function seededRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  const u32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = () => u32() / 4294967296;
  const byte = () => HEX[u32() & 0xff]!;
  const word = () => {
    const v = u32();
    return HEX[v >>> 24]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    uuid() {
      const w1 = word();
      const w2 = word();
      const w3 = word();
      const w4 = word();
      const version = `4${w2.slice(5, 8)}`;
      const variant = ((parseInt(w3[0]!, 16) & 0x3) | 0x8).toString(16) + w3.slice(1, 4);
      return `${w1}-${w2.slice(0, 4)}-${version}-${variant}-${w3.slice(4, 8)}${w4}`;
    },
    hex(bytes) {
      let out = '';
      for (let i = 0; i < bytes; i++) out += byte();
      return out;
    },
  };
}
