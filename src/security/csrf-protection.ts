import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_FIELD } from '../ssr/CsrfField';

const BROWSER_ID_COOKIE = 'browser-id';

/**
 * Stateless CSRF protection (signed double-submit cookie, `csrf-csrf`): the
 * token is an HMAC over a random value and the browser's id, set as a cookie
 * and embedded in each form; a state-changing request must carry both. No
 * server-side store, so any instance with the same secret accepts it.
 */
export function createCsrfProtection(secret: string, secureCookies: boolean) {
  const csrf = doubleCsrf({
    getSecret: () => secret,
    // No server sessions: a random, HttpOnly per-browser id binds the token.
    getSessionIdentifier: (req: Request) => req.cookies?.[BROWSER_ID_COOKIE] ?? '',
    cookieName: 'csrf-token',
    cookieOptions: { sameSite: 'lax', path: '/', secure: secureCookies, httpOnly: true },
    getCsrfTokenFromRequest: (req: Request) => req.body?.[CSRF_FIELD],
  });

  /** Gives every browser an id cookie before anything reads it. */
  function browserId(req: Request, res: Response, next: NextFunction): void {
    if (!req.cookies[BROWSER_ID_COOKIE]) {
      const id = randomBytes(18).toString('base64url');
      res.cookie(BROWSER_ID_COOKIE, id, { sameSite: 'lax', path: '/', secure: secureCookies, httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
      req.cookies[BROWSER_ID_COOKIE] = id;
    }
    next();
  }

  return {
    browserId,
    generateToken: (req: Request, res: Response) => csrf.generateCsrfToken(req, res),
    isValid: (req: Request) => csrf.validateRequest(req),
  };
}

export type CsrfProtection = ReturnType<typeof createCsrfProtection>;
