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
}

export function pageLocals(response: Response): PageLocals {
  return response.locals as PageLocals;
}
