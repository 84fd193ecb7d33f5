import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters, safe in a URL without escaping. */
export function newEmailToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a link can hold; anything else (cut short, one character too many, padded) is never looked up. */
export function isEmailTokenShape(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The SHA-256 of a link's token, as stored: a leaked table does not let
 * anyone use a link, and 256 random bits need no salt or key stretching.
 */
export function emailTokenHash(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(token).digest());
}
