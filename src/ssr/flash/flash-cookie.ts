import type { CookieOptions, Request, Response } from 'express';

/**
 * Flash messages ("Post added.") travel in one short-lived cookie from the
 * action that sets them to the page it redirects to, which shows and clears
 * it: nothing is kept in server memory, so any instance can serve the next
 * request. The cookie is signed (cookie-parser, keyed by the app's cookie
 * secret), so another site or a sibling subdomain cannot plant a message.
 */
export const FLASH_COOKIE = 'flash';

/** Long enough for a sentence naming the thing, short enough for one cookie. */
export const FLASH_MAX_LENGTH = 200;

const options = (request: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: request.secure,
});

/** Before redirecting after a successful action: the next page shows `text` once. */
export function setFlash(response: Response, text: string): void {
  const message = text.length > FLASH_MAX_LENGTH ? `${text.slice(0, FLASH_MAX_LENGTH - 1)}…` : text;
  // A minute: enough for the redirect, short enough not to surprise a later visit.
  response.cookie(FLASH_COOKIE, message, { ...options(response.req), signed: true, maxAge: 60_000 });
}

/**
 * The message set by the previous response, if its signature holds; clears
 * the cookie either way, so a message is shown at most once.
 */
export function takeFlash(request: Request, response: Response): string | undefined {
  const signed = (request.signedCookies as Record<string, string | false | undefined> | undefined)?.[FLASH_COOKIE];
  const unsigned = (request.cookies as Record<string, unknown> | undefined)?.[FLASH_COOKIE];
  const present = signed !== undefined || (unsigned !== undefined && unsigned !== '');
  if (present && !response.headersSent) response.clearCookie(FLASH_COOKIE, options(request));
  return typeof signed === 'string' && signed !== '' ? signed.slice(0, FLASH_MAX_LENGTH) : undefined;
}
