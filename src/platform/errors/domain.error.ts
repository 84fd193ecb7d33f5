/** The closed set of failures a component reports; the filter maps each to HTTP. */
export type DomainErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
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
}

/** A failure the user can act on; its message is shown to them, so it says what to do. */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}
