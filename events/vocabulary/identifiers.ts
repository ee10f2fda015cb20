/**
 * The identifiers of DOMAIN.md, checked the same way by the API, the workflows and the browser: 统一社会信用代码
 * (GB 32100), 身份证号 (GB 11643), 行政区划代码 (GB/T 2260) and the province rule on it, usernames and phone numbers.
 * Pure functions and constants only.
 */
import type { Localized } from './localized.js';

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** People type codes in lower case and paste them with spaces. */
export const normalizeUscc = (raw: string): string => raw.trim().toUpperCase();

/** The check character for the first 17 characters, or undefined when they are not 17 valid symbols. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 32100-2015: 18 characters from a 31-symbol alphabet (no I, O, S, V, Z), the last a mod-31 check character. */
export const isValidUscc = (code: string): boolean => code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];

export type UsccProblem = 'length' | 'checksum';
export function usccProblem(raw: string): UsccProblem | null {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return 'length';
  return isValidUscc(code) ? null : 'checksum';
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character (GB 11643) of an ID number's first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + Number(first17[i]) * weight, 0);
  return ID_CHECK[sum % 11]!;
}

export const normalizeIdNumber = (raw: string): string => raw.trim().toUpperCase();

/** The birth date an ID number encodes (`YYYY-MM-DD`), or null when those eight digits are no calendar date. */
export function idNumberBirthDate(idNumber: string): string | null {
  const birth = idNumber.slice(6, 14);
  if (!/^\d{8}$/.test(birth)) return null;
  const iso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum';
/** GB 11643-1999: 17 digits (region, birth date, sequence) and an ISO 7064 MOD 11-2 check character. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!idNumberBirthDate(value)) return 'birthDate';
  return idNumberCheckChar(value) === value[17] ? null : 'checksum';
}

export const isValidIdNumber = (value: string): boolean => idNumberProblem(value) === null;

/** Shown to everyone but the owner and admin: 4401**********123X. */
export const maskIdNumber = (value: string): string => `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(14)}`;

/** A name as public pages show it: 张*丰, 李*, Wang**i — first and last character kept, never the whole name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 6 digits (GB/T 2260), e.g. 440100 广州市. */
export const isValidRegionCode = (code: string): boolean => /^\d{6}$/.test(code);

/** The first two digits of every Guangdong code (440000 is the whole province). */
export const PROVINCE_PREFIX = '44';

/**
 * The province rule (DOMAIN.md 行政区划代码): jxjy serves Guangdong, so the region an organisation registers in and
 * the region a class is offered to are Guangdong codes. A well-formed code from elsewhere (a typo like 450100) would
 * hide a class from everyone and show a unit's staff no class at all, so the API refuses it (422) and the forms say so
 * first, in these same words.
 */
export const isProvinceRegionCode = (code: string): boolean => code.startsWith(PROVINCE_PREFIX);

/** Why a code outside Guangdong is refused, the same sentence from the server and in the forms. */
export const REGION_OUTSIDE_PROVINCE: Localized = {
  zh: '「行政区划代码」必须是广东省内的代码（以 44 开头，如 440100 广州市、440000 全省）',
  en: 'Region code must be a Guangdong code (starting with 44, e.g. 440100 Guangzhou or 440000 the whole province)',
};

/** `440000` → `44` (province), `440100` → `4401` (city), anything else exact (DOMAIN.md, GB/T 2260). */
export function regionPattern(regionCode: string): { prefix: string } | { exact: string } {
  if (/^\d{2}0000$/.test(regionCode)) return { prefix: regionCode.slice(0, 2) };
  if (/^\d{4}00$/.test(regionCode)) return { prefix: regionCode.slice(0, 4) };
  return { exact: regionCode };
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const USERNAME_MIN = 4;
export const USERNAME_MAX = 32;

export type UsernameProblem = 'length' | 'characters';
export function usernameProblem(username: string): UsernameProblem | null {
  if (username.length < USERNAME_MIN || username.length > USERNAME_MAX) return 'length';
  return USERNAME_PATTERN.test(username) ? null : 'characters';
}

/** A mobile number (11 digits from 1) or a landline with its area code (020-12345678). */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const isValidPhone = (phone: string): boolean => PHONE_PATTERN.test(phone.trim());
