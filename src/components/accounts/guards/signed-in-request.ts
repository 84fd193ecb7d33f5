import type { Request } from 'express';
import type { SignedInUser } from '../component.types';

const SIGNED_IN = Symbol('accounts.signedIn');

type WithSignedIn = Request & { [SIGNED_IN]?: SignedInUser | null };

/** Set by CurrentSessionMiddleware on every request: the user, or null when nobody is signed in. */
export function setSignedInUser(request: Request, user: SignedInUser | null): void {
  (request as WithSignedIn)[SIGNED_IN] = user;
}

/**
 * The signed-in user of a request, or null.
 * @throws Error when the accounts middleware did not run (a wiring mistake, not a signed-out user)
 */
export function signedInUserOf(request: Request): SignedInUser | null {
  const user = (request as WithSignedIn)[SIGNED_IN];
  if (user === undefined) {
    throw new Error(
      'no session was looked up for this request: @RequireUser() and @CurrentUser() need the accounts component; add dependsOn: ["accounts"] to your component.meta.ts and rebuild',
    );
  }
  return user;
}
