import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { cookieName } from '../platform/http/cookie-security';
import { CSRF_FIELD, pageLocals } from '../platform/http/page-locals';

/**
 * When secure (production), the cookies get the `__Host-` prefix: the browser
 * then accepts them only from this exact host, so a sibling subdomain cannot
 * plant its own browser id and matching token.
 */
const cookieNames = (secure: boolean) => ({
  browserId: cookieName('browser-id', secure),
  token: cookieName('csrf-token', secure),
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

  /** Gives the browser an id cookie when it has none; the token binds to it. */
  function ensureBrowserId(req: Request, res: Response): void {
    if (cookiesOf(req)[names.browserId]) return;
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

  /**
   * Lets the page renderer ask for a token (`res.locals`, see PageLocals),
   * generated on first use with the browser id it binds to: only pages with
   * a form set these cookies. Static files, health probes and pages without
   * a form set none, so a shared cache never hands one browser's id to another.
   */
  function middleware(req: Request, res: Response, next: NextFunction): void {
    let token: string | undefined;
    pageLocals(res).csrfToken = () => {
      if (token === undefined) {
        ensureBrowserId(req, res);
        token = csrf.generateCsrfToken(req, res);
      }
      return token;
    };
    next();
  }

  return {
    middleware,
    isValid: (req: Request) => csrf.validateRequest(req),
  };
}

export type CsrfProtection = ReturnType<typeof createCsrfProtection>;
