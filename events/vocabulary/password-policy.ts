/**
 * The password policy (DOMAIN.md Identifiers), one copy for the server and the browser: at least 8 characters with
 * letters and digits, not the username, not the current password, not on the list of passwords people pick first.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Checked case-insensitively. With letters and digits required, most of the world's top lists filter themselves. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'qwerty123', 'qwer1234', 'abc12345', 'abcd1234',
  'a1234567', 'a12345678', 'aa123456', 'asd12345', 'zxc12345', '1qaz2wsx', '1q2w3e4r', 'q1w2e3r4', 'admin123',
  'admin888', 'root1234', 'test1234', 'iloveyou1', 'woaini1314', 'welcome1', 'letmein1', '123456abc', '12345abc',
  'abc123456', 'jxjy1234', 'guangdong1', 'qq123456', 'a123456789', 'abc123456789', 'zxcvbnm123', 'qwertyuiop1',
  '123qweasd', 'qweasd123', 'woaini520', '5201314a', 'aa123123', 'qwe123456',
]);

export type PasswordProblem = 'short' | 'long' | 'letters_and_digits' | 'same_as_username' | 'same_as_current' | 'common';

export function passwordProblem(password: string, context: { username?: string; current?: string } = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'short';
  if (password.length > PASSWORD_MAX) return 'long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'letters_and_digits';
  if (context.username && password.toLowerCase() === context.username.toLowerCase()) return 'same_as_username';
  if (context.current !== undefined && password === context.current) return 'same_as_current';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'common';
  return null;
}
