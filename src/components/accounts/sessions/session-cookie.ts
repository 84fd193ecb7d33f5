import type { CookieOptions, Request, Response } from 'express';
import { cookieName } from '../../../surface';

/**
 * The session cookie. Outside development it is `Secure` and named with the
 * `__Host-` prefix, which browsers accept only when it is Secure, has
 * `Path=/` and no `Domain`: no sibling subdomain can set or overwrite it.
 * `HttpOnly` keeps it from scripts, `SameSite=Lax` from other sites' forms.
 */
export class SessionCookie {
  readonly name: string;
  private readonly options: CookieOptions;

  constructor(secure: boolean) {
    this.name = cookieName('session', secure);
    this.options = { httpOnly: true, sameSite: 'lax', secure, path: '/' };
  }

  read(request: Request): string | undefined {
    const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[this.name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  /**
   * Whether the browser sent a cookie of this name at all, usable or not.
   * cookie-parser moves a value starting with `s:` to `signedCookies` and
   * parses one starting with `j:` as JSON, so `read` never sees those.
   */
  isSent(request: Request): boolean {
    const jars = [request.cookies, request.signedCookies] as (Record<string, unknown> | undefined)[];
    return jars.some((jar) => jar !== undefined && Object.hasOwn(jar, this.name));
  }

  /** Lives until the session's absolute expiry; the database decides earlier ends. */
  set(response: Response, token: string, expiresAt: Date): void {
    response.cookie(this.name, token, { ...this.options, expires: expiresAt });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, this.options);
  }
}
