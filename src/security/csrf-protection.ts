import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_FIELD, pageLocals } from '../platform/http/page-locals';

/**
 * Over HTTPS the cookies get the `__Host-` prefix: the browser then accepts
 * them only from this exact host, so a sibling subdomain cannot plant its own
 * browser id and matching token.
 */
const cookieNames = (secure: boolean) => ({
  browserId: secure ? '__Host-browser-id' : 'browser-id',
  token: secure ? '__Host-csrf-token' : 'csrf-token',
});

/** Parsed by cookie-parser, which configureApp installs first; Express types them as any. */
const cookiesOf = (req: Request) => (req.cookies ??= {}) as Record<string, string | undefined>;

/** A field of a form-encoded body, or undefined when the body has no such text field. */
function formField(req: Request, name: string): string | undefined {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Stateless CSRF protection (signed double-submit cookie, `csrf-csrf`): the
 * token is an HMAC over a random value and the browser's id, set as a cookie
 * and embedded in each form; a state-changing request must carry both. No
 * server-side store, so any instance with the same secret accepts it.
 */
export function createCsrfProtection(secret: string, secureCookies: boolean) {
  const names = cookieNames(secureCookies);
  const csrf = doubleCsrf({
    getSecret: () => secret,
    // No server sessions: a random, HttpOnly per-browser id binds the token.
    getSessionIdentifier: (req: Request) => cookiesOf(req)[names.browserId] ?? '',
    cookieName: names.token,
    cookieOptions: { sameSite: 'lax', path: '/', secure: secureCookies, httpOnly: true },
    getCsrfTokenFromRequest: (req: Request) => formField(req, CSRF_FIELD),
  });

  /**
   * Gives every browser an id cookie before anything reads it, and lets the
   * page renderer ask for a token (`res.locals`, see PageLocals): generated on
   * first use, so only pages with a form set the token cookie.
   */
  function middleware(req: Request, res: Response, next: NextFunction): void {
    if (!cookiesOf(req)[names.browserId]) {
      const id = randomBytes(18).toString('base64url');
      res.cookie(names.browserId, id, {
        sameSite: 'lax',
        path: '/',
        secure: secureCookies,
        httpOnly: true,
        maxAge: 365 * 24 * 3600 * 1000,
      });
      cookiesOf(req)[names.browserId] = id;
    }
    let token: string | undefined;
    pageLocals(res).csrfToken = () => (token ??= csrf.generateCsrfToken(req, res));
    next();
  }

  return {
    middleware,
    isValid: (req: Request) => csrf.validateRequest(req),
  };
}

export type CsrfProtection = ReturnType<typeof createCsrfProtection>;
