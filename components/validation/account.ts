// Client-side mirrors of the server's account and organisation field rules (DOMAIN.md, Identifiers), so a form
// names the problem before a round trip. The server stays the authority; its `details` are shown as well.
import type { MessageKey } from '../i18n/messages.js';
import { isValidUscc, normalizeUscc } from './uscc.js';

const USERNAME = /^[A-Za-z0-9_.-]{4,32}$/;
const REGION_CODE = /^\d{6}$/;
// Mobile or landline with optional area code and extension; the server decides the exact format.
const PHONE = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;

export function usernameProblem(username: string): MessageKey | undefined {
  return USERNAME.test(username) ? undefined : 'invalidUsername';
}

/** ≥ 8 characters with letters and digits, not the username, not the current password. */
export function passwordProblem(
  password: string,
  { username, current }: { username?: string; current?: string } = {},
): MessageKey | undefined {
  if (password.length < 8) return 'passwordTooShort';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'passwordLettersDigits';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'passwordIsUsername';
  if (current !== undefined && password === current) return 'passwordSameAsCurrent';
  return undefined;
}

export function usccProblem(raw: string): MessageKey | undefined {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return 'usccLength';
  return isValidUscc(code) ? undefined : 'usccChecksum';
}

export function regionCodeProblem(code: string): MessageKey | undefined {
  return REGION_CODE.test(code) ? undefined : 'invalidRegionCode';
}

export function phoneProblem(phone: string): MessageKey | undefined {
  return PHONE.test(phone) ? undefined : 'invalidPhone';
}
