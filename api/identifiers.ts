/**
 * Identifier rules of DOMAIN.md as joi schemas with messages that name the field: 统一社会信用代码 (GB 32100),
 * 身份证号 (GB 11643), 行政区划代码 (6 digits), usernames and passwords. The checksums are plain functions so
 * tests can probe them directly.
 */
import Joi from 'joi';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: 18 characters from a 31-letter alphabet, the last a mod-31 check character. */
export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + USCC_CHARS.indexOf(value[i]!) * weight, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === value[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: 17 digits (region, birth date, sequence) and an ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + Number(value[i]) * weight, 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** Masked for everyone but the owner and admin: 4401**********123X. */
export const maskIdNumber = (value: string): string => `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(14)}`;

/** A small list of passwords people pick first; policy also needs letters and digits, so most are filtered anyway. */
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'qwerty123', 'qwer1234', 'abc12345', 'abcd1234',
  'a1234567', 'a12345678', 'aa123456', 'asd12345', 'zxc12345', '1qaz2wsx', '1q2w3e4r', 'q1w2e3r4', 'admin123',
  'admin888', 'root1234', 'test1234', 'iloveyou1', 'woaini1314', 'welcome1', 'letmein1', '123456abc', '12345abc',
  'abc123456', 'jxjy1234', 'guangdong1',
]);

export type PasswordProblem = 'short' | 'letters_and_digits' | 'same_as_username' | 'common';

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < 8) return 'short';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'letters_and_digits';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'same_as_username';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'common';
  return null;
}

export const uscc = () =>
  Joi.string()
    .trim()
    .uppercase()
    .custom((value: string, helpers) => (isValidUscc(value) ? value : helpers.error('uscc.invalid')))
    .messages(bilingual('uscc.invalid', '{{#label}}不是有效的统一社会信用代码（18位，校验位须符合 GB 32100）', '{{#label}} must be an 18-character unified social credit code with a valid check character (GB 32100)'));

export const idNumber = () =>
  Joi.string()
    .trim()
    .uppercase()
    .custom((value: string, helpers) => (isValidIdNumber(value) ? value : helpers.error('idNumber.invalid')))
    .messages(bilingual('idNumber.invalid', '{{#label}}不是有效的身份证号（18位，校验位须符合 GB 11643）', '{{#label}} must be an 18-character resident ID number with a valid check character (GB 11643)'));

export const regionCode = () =>
  Joi.string()
    .pattern(/^\d{6}$/)
    .messages(bilingual('string.pattern.base', '{{#label}}必须是6位行政区划代码（如 440100）', '{{#label}} must be a 6-digit administrative division code (GB/T 2260), e.g. 440100'));

export const username = () =>
  Joi.string()
    .min(4)
    .max(32)
    .pattern(/^[A-Za-z0-9_.-]+$/)
    .messages(bilingual('string.pattern.base', '{{#label}}只能包含字母、数字及"_"、"."、"-"', '{{#label}} may contain only letters, digits, "_", "." and "-"'));

export const phone = () =>
  Joi.string()
    .trim()
    .pattern(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/)
    .messages(bilingual('string.pattern.base', '{{#label}}必须是11位手机号或固定电话（如 020-12345678）', '{{#label}} must be a mobile number (11 digits) or a landline such as 020-12345678'));

/** Checks a password against the policy, naming `field`; `usernameRef` is the sibling holding the username. */
export const password = (usernameRef?: string) =>
  Joi.string()
    .max(128)
    .custom((value: string, helpers) => {
      const user = usernameRef ? (helpers.state.ancestors[0] as Record<string, unknown>)[usernameRef] : undefined;
      const problem = passwordProblem(value, typeof user === 'string' ? user : undefined);
      return problem ? helpers.error(`password.${problem}`) : value;
    })
    .messages({
      en: {
        'password.short': '{{#label}} must be at least 8 characters',
        'password.letters_and_digits': '{{#label}} must contain both letters and digits',
        'password.same_as_username': '{{#label}} must not be the same as the username',
        'password.common': '{{#label}} is too common; choose another',
      },
      'zh-CN': {
        'password.short': '{{#label}}至少需要8个字符',
        'password.letters_and_digits': '{{#label}}必须同时包含字母和数字',
        'password.same_as_username': '{{#label}}不能与用户名相同',
        'password.common': '{{#label}}过于常见，请换一个',
      },
    });

/** joi picks the template by the request's language (validation.ts sets `errors.language`). */
function bilingual(code: string, zh: string, en: string) {
  return { en: { [code]: en }, 'zh-CN': { [code]: zh } };
}
