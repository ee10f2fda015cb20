// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z), the last a
// mod-31 check character. Pure, so forms can reject a mistyped code before the server does.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Upper-cases and trims: people type codes in lower case and paste them with spaces. */
export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for the first 17 characters, or undefined when they are not 17 valid symbols. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** True for an 18-character code (already normalized) whose last character matches its checksum. */
export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}
