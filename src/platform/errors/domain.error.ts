/** The closed set of failures a component reports; the filter maps each to HTTP. */
export type DomainErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'CONFLICT' | 'FORBIDDEN';

export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
};

/** A failure the user can act on; its message is shown to them, so it says what to do. */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}
