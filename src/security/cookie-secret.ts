import { createHmac } from 'node:crypto';

/** Injection token of the key cookie-parser signs cookies with (e.g. flash messages). */
export const COOKIE_SECRET = Symbol('COOKIE_SECRET');

/**
 * Derived from the CSRF secret, so operators keep one secret and every
 * instance that shares it accepts the others' signed cookies; a separate
 * derivation keeps the two uses from ever sharing a key.
 */
export function cookieSecretFrom(csrfSecret: string): string {
  return createHmac('sha256', csrfSecret).update('component-platform signed cookies').digest('base64url');
}
