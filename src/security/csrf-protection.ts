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
   * The token the browser's cookie already holds, when a form posted with it
   * would pass the guard (its HMAC binds it to this browser's id under the
   * current secret); otherwise undefined. One HMAC, no random bytes.
   */
  function reusableToken(req: Request): string | undefined {
    const cookies = cookiesOf(req);
    const held = cookies[names.token];
    if (!held || !cookies[names.browserId]) return undefined;
    // The guard's own check, asked of the held token as if a form had carried it.
    const asSubmitted = { cookies, body: { [CSRF_FIELD]: held } } as unknown as Request;
    return csrf.validateRequest(asSubmitted) ? held : undefined;
  }

  /**
   * A token for this browser's forms. Random bytes only for a browser that
   * has no valid token yet: its first page with a form (browser id and token),
   * a new browser session (the token cookie is a session cookie; the id lasts
   * a year), or a token that no longer validates (another secret, another id).
   * Every later page reuses the token the browser holds and sets no cookie.
   *
   * As safe as a fresh token per page: the double submit needs the cookie and
   * the form field to be equal, and the HMAC binds the token to the HttpOnly
   * browser id under the server's secret, so a site that cannot read this
   * site's cookies can neither forge nor borrow one (a token of another
   * browser fails the HMAC). A per-page nonce would add nothing: the cookie
   * a cross-site request would have to match is the same one either way, and
   * a leaked page token is as good as the cookie until that cookie changes.
   * Nothing rotated the token on sign-in before, and nothing does now: the
   * token guards the browser (its id), not the account, and signing in
   * issues a new session cookie of its own.
   */
  function tokenFor(req: Request, res: Response): string {
    const reused = reusableToken(req);
    if (reused !== undefined) return reused;
    ensureBrowserId(req, res);
    // overwrite: the held token (if any) was just found invalid, so csrf-csrf need not check it again.
    return csrf.generateCsrfToken(req, res, { overwrite: true });
  }

  /**
   * Lets the page renderer ask for a token (`res.locals`, see PageLocals),
   * on first use: only pages with a form set these cookies. Static files,
   * health probes and pages without a form set none, so a shared cache never
   * hands one browser's id to another.
   */
  function middleware(req: Request, res: Response, next: NextFunction): void {
    let token: string | undefined;
    pageLocals(res).csrfToken = () => (token ??= tokenFor(req, res));
    next();
  }

  return {
    middleware,
    isValid: (req: Request) => csrf.validateRequest(req),
  };
}

export type CsrfProtection = ReturnType<typeof createCsrfProtection>;
