import type { Response } from 'express';

/** The form field a state-changing form carries its CSRF token in: written by `<CsrfField />`, read by the CSRF guard. */
export const CSRF_FIELD = '_csrf';

/**
 * What request middleware leaves in Express's `res.locals` for the page
 * renderer. The contract between the layers that fill it (security) and the
 * one that reads it (ssr), so neither imports the other.
 */
export interface PageLocals {
  /** A CSRF token for this browser; sets its cookie on first call. Absent when the CSRF middleware did not run. */
  csrfToken?: () => string;
  /** This request's id (`X-Request-Id`), in every log line about it and on its error page. */
  requestId?: string;
  /** Who is signed in, for the layout. Absent when no component provides accounts. */
  account?: AccountStatus;
  /** Whether cookies set for this request are Secure and `__Host-` named (see secureCookies); set by configureApp for every request. */
  secureCookies?: boolean;
}

/**
 * What the layout shows about signing in: the signed-in user's name with
 * links to their account and to sign out, or links to sign in and to sign
 * up. Filled by the accounts component's middleware; the layout knows no more.
 */
export interface AccountStatus {
  /** Null: nobody is signed in. */
  user: { displayName: string } | null;
  /** The sign-in page, returning to the current page afterwards. */
  signInHref: string;
  /**
   * The sign-in page returning to `path` afterwards, or home when undefined:
   * for a page whose own address is no place to come back to (a 404).
   */
  signInReturningTo: (path: string | undefined) => string;
  signUpHref: string;
  accountHref: string;
  /** Where the layout's sign-out form posts (with its CSRF token). */
  signOutAction: string;
}

export function pageLocals(response: Response): PageLocals {
  return response.locals as PageLocals;
}
