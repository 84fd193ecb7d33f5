import { randomBytes } from 'node:crypto';
import { hash, Options, parseOptions, verify } from '@node-rs/argon2';

/**
 * OWASP's minimum for argon2id (Password Storage Cheat Sheet): 19 MiB of
 * memory, 2 passes, 1 lane. Set explicitly, not left to the library's
 * defaults, so an upgrade cannot weaken them unnoticed; raising any of them
 * rehashes each password at its owner's next sign-in (see needsRehash).
 */
export const PASSWORD_HASH_OPTIONS = {
  // Algorithm.Argon2id: a const enum, which isolated-module compilers cannot read from the typings.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/**
 * NFKC first, as NIST SP 800-63B advises: the same password typed on two
 * keyboards (composed `é` or `e` plus an accent) is one password.
 */
const normalised = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string, options: Options = PASSWORD_HASH_OPTIONS): Promise<string> {
  return hash(normalised(password), options);
}

/** False, never a throw, for a hash that is not argon2 in PHC form: such an account cannot sign in. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalised(password));
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters than today's, so the next sign-in should store a new one. */
export function needsRehash(passwordHash: string, options: Options = PASSWORD_HASH_OPTIONS): boolean {
  try {
    const stored = parseOptions(passwordHash);
    return (
      stored.algorithm !== options.algorithm ||
      stored.memoryCost !== options.memoryCost ||
      stored.timeCost !== options.timeCost ||
      stored.parallelism !== options.parallelism ||
      stored.outputLen !== options.outputLen
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password nobody knows, made with today's parameters.
 * Signing in with an unknown email (or a placeholder account's) verifies
 * against it, so that answer takes as long as a wrong password does and the
 * response time does not tell which emails have accounts.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}
