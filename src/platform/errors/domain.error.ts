/**
 * The closed set of failures a user sees, each with its HTTP status
 * (DOMAIN_ERROR_STATUS, applied in one place: src/server/errors/error-response.ts).
 * The first six are a component's to raise; the platform raises the others
 * itself, before any handler runs (a component has no reason to).
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  // The platform's own:
  /** The CSRF check failed: the form is to be loaded again (src/security/csrf.guard.ts). */
  | 'FORM_EXPIRED'
  /** The address or the body cannot be read: a malformed %-escape, not UTF-8, invalid JSON, cut short (src/server/request-input). */
  | 'MALFORMED_REQUEST'
  /** The body exceeds the size or field limit. */
  | 'TOO_LARGE'
  /** The body is of a type, character set or compression the app does not read. */
  | 'UNSUPPORTED_MEDIA_TYPE';

export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  FORM_EXPIRED: 403,
  MALFORMED_REQUEST: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export interface DomainErrorDetails {
  /** `Retry-After` in seconds, for RATE_LIMITED. */
  retryAfterSeconds?: number;
  /**
   * A same-origin path a browser is sent to (303) instead of an error page,
   * e.g. the sign-in page for UNAUTHENTICATED. API clients (`Accept:
   * application/json`) still get the status and the message as JSON.
   */
  browserLocation?: string;
  /** The error this one explains (e.g. body-parser's), kept as the standard `cause`. */
  cause?: unknown;
}

/** A failure the user can act on; its message is shown to them, so it says what to do. */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}
