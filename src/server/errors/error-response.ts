import { HttpException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { DOMAIN_ERROR_STATUS, DomainError } from '../../platform/errors/domain.error';

export interface ErrorResponse {
  status: number;
  heading: string;
  /** Safe to show: never a stack trace, SQL or internal detail. */
  message: string;
  /** Unexpected: log the details. */
  unexpected: boolean;
}

const HEADINGS: Record<number, string> = {
  400: 'That request could not be understood',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'That conflicts with existing data',
};

/** What the user sees for any error thrown while handling a request. Pure. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const status = DOMAIN_ERROR_STATUS[error.code];
    return { status, heading: HEADINGS[status], message: error.message, unexpected: false };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const message = status === 404 ? 'There is no page at this address. Check the link, or start again from the home page.' : error.message;
    return { status, heading: HEADINGS[status] ?? 'Request failed', message, unexpected: false };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
    return { status: 404, heading: HEADINGS[404], message: 'What you were looking for no longer exists.', unexpected: false };
  }
  return {
    status: 500,
    heading: 'Something went wrong',
    message: 'The server could not complete this request. Please try again in a moment; if it keeps happening, tell the site operator.',
    unexpected: true,
  };
}
