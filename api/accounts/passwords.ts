/** argon2id hashing (OWASP's minimum parameters, @node-rs/argon2's defaults: m=19 MiB, t=2, p=1), and one-time passwords. */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash verifies nothing; it must not become a 500 that tells an attacker more.
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verifies against a throwaway hash when the username is unknown, so both failures take the same time. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hash(`no account ${Math.random()}`);
  await verifyPassword(await dummy, password);
  return false;
}

const randomFrom = (alphabet: string, length: number) => Array.from(crypto.randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');

/** 12 characters from an alphabet without look-alikes, letters and digits: shown once, changed at first login. */
export const oneTimePassword = (): string => `${randomFrom('abcdefghjkmnpqrstuvwxyz', 6)}${randomFrom('23456789', 6)}`;
