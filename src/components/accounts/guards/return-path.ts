import type { Request } from 'express';
import { sameSiteRefererPath } from '../../../surface';

/** Where signing in leads when there is no (safe) return path. */
export const DEFAULT_RETURN_PATH = '/';

const ORIGIN = 'http://return-path.invalid';
const MAX_LENGTH = 2048;

/**
 * A return path that can only lead to this site: a relative path starting
 * with a single `/`, or null. Refused, in the raw value and in every
 * percent-decoded form of it (so `%2F%2Fevil.example` fares like
 * `//evil.example`): protocol-relative `//host`, backslashes (browsers read
 * `/\host` as `//host`), schemes (`https:`, `javascript:`), control
 * characters and whitespace (browsers strip some, which can turn a path into
 * a host), and anything that resolves to another origin.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!looksLocal(raw, /[\p{Cc} ]/u)) return null;
  let value = raw;
  for (let round = 0; round < 4; round++) {
    // A decoded space (`%20`) is harmless in a path; control characters are not, whichever layer decodes them.
    if (!looksLocal(value, /\p{Cc}/u)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      return null;
    }
    if (decoded === value) break;
    value = decoded;
  }
  const url = new URL(raw, ORIGIN);
  if (url.origin !== ORIGIN) return null;
  // Dot segments resolve on the way: `/a/..//evil.example` becomes `//evil.example`.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return looksLocal(path, /[\p{Cc} ]/u) ? path : null;
}

function looksLocal(path: string, forbidden: RegExp): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !forbidden.test(path);
}

/** The sign-in page's address, returning to `returnTo` when that is safe. */
export function signInLocation(signInPath: string, returnTo: string | undefined): string {
  const safe = safeReturnPath(returnTo);
  return safe && safe !== DEFAULT_RETURN_PATH ? `${signInPath}?returnTo=${encodeURIComponent(safe)}` : signInPath;
}

/**
 * Where to come back to: the address itself for a page (GET), the page the
 * form was on for a form post (its Referer, when it is this site's).
 */
export function returnPathOf(request: Request): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return request.originalUrl;
  return safeReturnPath(sameSiteRefererPath({ referer: request.get('referer'), host: request.get('host') })) ?? undefined;
}
