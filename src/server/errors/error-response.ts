import { HttpException } from '@nestjs/common';
import { classifyDatabaseFailure, DatabaseFailureKind } from '../../database/runtime/database-failure';
import { DOMAIN_ERROR_STATUS, DomainError } from '../../platform/errors/domain.error';
import { clientErrorMessage } from './client-error-messages';

export interface ErrorResponse {
  status: number;
  heading: string;
  /** Safe to show: never a stack trace, SQL or internal detail. */
  message: string;
  /**
   * What goes to the log: `stack` for a bug (the details, with the stack),
   * `reason` for an expected failure of a dependency (one line naming it),
   * nothing for the client's own mistakes.
   */
  log: 'stack' | 'reason' | 'none';
  /** The reason logged for `log: 'reason'`, e.g. the database code. */
  reason?: string;
  /** Seconds for the `Retry-After` header of a 503 or 429. */
  retryAfterSeconds?: number;
  /** Browsers are redirected here (303) instead of shown a page; JSON clients get the status and message. */
  browserLocation?: string;
  /** The CSRF check's FORM_EXPIRED (a form to load again), not a component's "not allowed": recognised by code, never by status. */
  formExpired?: boolean;
}

/** How long a client should wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const HEADINGS: Record<number, string> = {
  400: 'That request could not be understood',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Page not found',
  405: 'Not allowed at this address',
  409: 'That conflicts with existing data',
  413: 'That was too large',
  415: 'That format is not accepted',
  429: 'Too many attempts',
  503: 'Temporarily unavailable',
};

const NOT_FOUND_MESSAGE = 'There is no page at this address. Check the link, or start again from the home page.';

const DATABASE_RESPONSES: Record<DatabaseFailureKind, { status: number; message: string }> = {
  unavailable: {
    status: 503,
    // Not "nothing was saved": a connection lost during COMMIT leaves that unknown.
    message: `The site cannot reach its database right now. Please try again in ${RETRY_AFTER_SECONDS} seconds; if you were saving something, check first whether it was saved.`,
  },
  timeout: {
    status: 503,
    message: 'The database took too long to answer, so the request was stopped. Please try again in a moment.',
  },
  'write-conflict': {
    status: 409,
    message: 'Someone else changed the same data at the same moment, so nothing was saved. Please try again.',
  },
  unique: { status: 409, message: 'This would duplicate something that already exists, so nothing was saved. Change it and try again.' },
  'foreign-key': {
    status: 409,
    message:
      'This refers to something that does not exist (any more), or is still in use, so nothing was changed. Reload the page and try again.',
  },
  'not-found': { status: 404, message: 'What you were looking for no longer exists. Reload the page to see the current state.' },
  'invalid-value': { status: 400, message: 'A value was too long or missing, so nothing was saved. Check the form and send it again.' },
};

/** What the user sees for any error thrown while handling a request, and what the log gets. Pure. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const status = DOMAIN_ERROR_STATUS[error.code];
    const { retryAfterSeconds, browserLocation } = error.details;
    return {
      status,
      heading: HEADINGS[status],
      message: error.message,
      log: 'none',
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(browserLocation !== undefined ? { browserLocation } : {}),
      ...(error.code === 'FORM_EXPIRED' ? { formExpired: true } : {}),
    };
  }
  const database = classifyDatabaseFailure(error);
  if (database) {
    const { status, message } = DATABASE_RESPONSES[database.kind];
    return {
      status,
      heading: HEADINGS[status],
      message,
      // A duplicate or a vanished row is the user's situation, not the operator's.
      log: status >= 500 || database.kind === 'write-conflict' ? 'reason' : 'none',
      reason: `database ${database.kind} (${database.code})`,
      ...(status === 503 ? { retryAfterSeconds: RETRY_AFTER_SECONDS } : {}),
    };
  }
  // Nest's own (the router's 404 for an unknown address) and any a library throws; the platform and components throw DomainError.
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const message = status === 404 ? NOT_FOUND_MESSAGE : httpExceptionMessage(error);
    return { status, heading: HEADINGS[status] ?? 'Request failed', message, log: 'none' };
  }
  if (error instanceof HttpException && error.getStatus() === 503) {
    // Thrown on purpose (a dependency is down): keep the status, not the message, which may name internals.
    return {
      status: 503,
      heading: HEADINGS[503],
      message: `This part of the site is temporarily unavailable. Please try again in ${RETRY_AFTER_SECONDS} seconds.`,
      log: 'reason',
      reason: error.message,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
  }
  const client = clientErrorMessage(error);
  if (client) return { ...client, heading: HEADINGS[client.status] ?? 'Request failed', log: 'none' };
  return {
    status: 500,
    heading: 'Something went wrong',
    message: 'The server could not complete this request. Please try again in a moment; if it keeps happening, tell the site operator.',
    log: 'stack',
  };
}

/** Some libraries' BadRequestException carries a list of messages (class-validator's, through a pipe); show them as sentences. */
function httpExceptionMessage(error: HttpException): string {
  const body = error.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  if (Array.isArray(message) && message.every((line) => typeof line === 'string')) return message.join('. ');
  return error.message;
}
