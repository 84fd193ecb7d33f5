import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type AccountStatus, pageLocals } from '../../surface';
import { ACCOUNT_PATHS } from './account-paths';
import type { SignedInUser } from './component.types';
import { returnPathOf, signInLocation } from './guards/return-path';
import { setSignedInUser } from './guards/signed-in-request';
import type { SessionCookie } from './sessions/session-cookie';
import { SessionsService } from './sessions/sessions.service';

export const SESSION_COOKIE = Symbol('SESSION_COOKIE');

/**
 * Runs for every request: looks up the session cookie's user (one indexed
 * read, only when there is a cookie), for the guard, `@CurrentUser()` and
 * the layout. A cookie whose session has ended is cleared. A database
 * failure fails the request (503): treating the user as signed out would
 * send them to sign in again for nothing. The platform runs it as
 * accounts' work (its SQL and log lines say `accounts`), and `next()` as the
 * request's (src/server/components/component-middleware.ts).
 */
@Injectable()
export class CurrentSessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(SESSION_COOKIE) private readonly cookie: SessionCookie,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = this.cookie.read(request);
    const user = token ? await this.sessions.resolve(token) : null;
    // Any session cookie, even one that is not a token (so never looked up), is cleared unless it signs someone in.
    if (this.cookie.isSent(request)) {
      // Pages for one signed-in person must not be kept by shared caches.
      response.setHeader('Cache-Control', 'private, no-store');
      if (!user) this.cookie.clear(response);
    }
    setSignedInUser(request, user);
    pageLocals(response).account = accountStatus(user, request);
    next();
  }
}

function accountStatus(user: SignedInUser | null, request: Request): AccountStatus {
  return {
    user: user ? { displayName: user.displayName } : null,
    // The way back is worked out only for the link a signed-out reader sees.
    signInHref: user === null ? signInReturningTo(returnPathOf(request)) : ACCOUNT_PATHS.signIn,
    signInReturningTo,
    signUpHref: ACCOUNT_PATHS.signUp,
    accountHref: ACCOUNT_PATHS.account,
    signOutAction: ACCOUNT_PATHS.signOut,
  };
}

/** The sign-in page coming back to `path`, or home for an accounts page (sign-in, sign-up, the account): that would go round in circles. */
function signInReturningTo(path: string | undefined): string {
  return path !== undefined && !path.startsWith('/accounts/') ? signInLocation(ACCOUNT_PATHS.signIn, path) : ACCOUNT_PATHS.signIn;
}
