import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a cookie can hold; anything else is not a token this app issued and is not looked up. */
export function isSessionTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The SHA-256 of a token, as stored: a leaked table of sessions does not let
 * anyone sign in, and the token is random enough that a plain hash (no salt,
 * no key stretching) suffices.
 */
export function sessionTokenHash(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(token).digest());
}
