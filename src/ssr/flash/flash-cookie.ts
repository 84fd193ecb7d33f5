import type { CookieOptions, Request, Response } from 'express';
import { cookieName } from '../../platform/http/cookie-security';
import { pageLocals } from '../../platform/http/page-locals';

/**
 * Flash messages ("Post added.") travel in one short-lived cookie from the
 * action that sets them to the page it redirects to, which shows and clears
 * it: nothing is kept in server memory, so any instance can serve the next
 * request. The cookie is signed (cookie-parser, keyed by the app's cookie
 * secret), so another site or a sibling subdomain cannot plant a message.
 * In production it is `__Host-flash` and Secure, like every cookie of the app.
 */
export const FLASH_COOKIE = 'flash';

/** Long enough for a sentence naming the thing, short enough for one cookie. */
export const FLASH_MAX_LENGTH = 200;

/** Name and attributes of this response's flash cookie, Secure as configureApp decided for the app. */
function cookieOf(response: Response): { name: string; options: CookieOptions } {
  const secure = pageLocals(response).secureCookies;
  if (secure === undefined) {
    throw new Error(
      'no cookie settings for this request: configureApp() did not run; build the app with configureApp() before it serves pages',
    );
  }
  return { name: cookieName(FLASH_COOKIE, secure), options: { httpOnly: true, sameSite: 'lax', path: '/', secure } };
}

/** Before redirecting after a successful action: the next page shows `text` once. */
export function setFlash(response: Response, text: string): void {
  const message = text.length > FLASH_MAX_LENGTH ? `${withoutSplitPair(text.slice(0, FLASH_MAX_LENGTH - 1))}…` : text;
  const { name, options } = cookieOf(response);
  // A minute: enough for the redirect, short enough not to surprise a later visit.
  response.cookie(name, message, { ...options, signed: true, maxAge: 60_000 });
}

/**
 * Cutting may leave the first half of a surrogate pair (an emoji, say) at the
 * end; the cookie's URI encoding throws on it, which would answer an action
 * that already succeeded with a 500. Drop the half.
 */
const withoutSplitPair = (text: string) => (/[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text);

/**
 * The message set by the previous response, if its signature holds; clears
 * the cookie either way, so a message is shown at most once.
 */
export function takeFlash(request: Request, response: Response): string | undefined {
  // Without cookie-parser (an app not built by configureApp) no cookie is read, so none is cleared.
  if (request.cookies === undefined) return undefined;
  const { name, options } = cookieOf(response);
  const signed = (request.signedCookies as Record<string, string | false | undefined> | undefined)?.[name];
  const unsigned = (request.cookies as Record<string, unknown>)[name];
  const present = signed !== undefined || (unsigned !== undefined && unsigned !== '');
  if (present && !response.headersSent) response.clearCookie(name, options);
  return typeof signed === 'string' && signed !== '' ? signed.slice(0, FLASH_MAX_LENGTH) : undefined;
}
