import { ACCOUNT_PATHS } from './account-paths';
import { signInLocation } from './guards/return-path';

/** The sign-in page's address, coming back to `returnTo` (a same-origin path) afterwards; for other components' "sign in to …" links. */
export function signInHref(returnTo?: string): string {
  return signInLocation(ACCOUNT_PATHS.signIn, returnTo);
}
