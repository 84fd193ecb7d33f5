import {
  BadRequestException,
  ForbiddenException,
  InternalServerErrorException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { DomainError, DomainErrorCode } from '../../platform/errors/domain.error';
import { toErrorResponse } from './error-response';

const prismaError = (code: string, message: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client, meta });

/** The shape `@prisma/adapter-pg` 6.19 gives a raw query's failure (seen against PostgreSQL 15). */
const rawQueryError = (cause: Record<string, unknown>) => {
  const adapterError = Object.assign(new Error(String(cause.kind)), { name: 'DriverAdapterError', cause });
  return prismaError('P2010', 'Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`', {
    driverAdapterError: adapterError,
  });
};

describe('toErrorResponse', () => {
  it.each<[DomainErrorCode, number, string]>([
    ['NOT_FOUND', 404, 'Page not found'],
    ['INVALID_INPUT', 400, 'That request could not be understood'],
    ['CONFLICT', 409, 'That conflicts with existing data'],
    ['FORBIDDEN', 403, 'Not allowed'],
    ['MALFORMED_REQUEST', 400, 'That request could not be understood'],
    ['TOO_LARGE', 413, 'That was too large'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, 'That format is not accepted'],
  ])('answers the %s domain error with %i and shows its message', (code, status, heading) => {
    const message = 'Choose another name; this one is taken.';

    expect(toErrorResponse(new DomainError(code, message))).toEqual({ status, heading, message, log: 'none' });
  });

  it('answers NotFoundException with 404 and a friendly message instead of the framework text', () => {
    const response = toErrorResponse(new NotFoundException('Cannot GET /nowhere'));

    expect(response).toMatchObject({ status: 404, heading: 'Page not found', log: 'none' });
    expect(response.message).toBe('There is no page at this address. Check the link, or start again from the home page.');
  });

  it("answers the CSRF check's FORM_EXPIRED with 403, its own message, and a form to load again", () => {
    expect(toErrorResponse(new DomainError('FORM_EXPIRED', 'Your form expired; reload the page and try again.'))).toEqual({
      status: 403,
      heading: 'Not allowed',
      message: 'Your form expired; reload the page and try again.',
      log: 'none',
      formExpired: true,
    });
  });

  it("answers a ForbiddenException (Nest's, as a library may throw it) with 403 and no form to load again: only FORM_EXPIRED is an expired form", () => {
    expect(toErrorResponse(new ForbiddenException('Not for you.'))).toEqual({
      status: 403,
      heading: 'Not allowed',
      message: 'Not for you.',
      log: 'none',
    });
  });

  it("answers a component's FORBIDDEN with 403 and no form to load again", () => {
    expect(toErrorResponse(new DomainError('FORBIDDEN', 'Only the author can.'))).toEqual({
      status: 403,
      heading: 'Not allowed',
      message: 'Only the author can.',
      log: 'none',
    });
  });

  it('answers UNAUTHENTICATED with 401 and where browsers go, and RATE_LIMITED with 429 and Retry-After', () => {
    expect(toErrorResponse(new DomainError('UNAUTHENTICATED', 'Sign in.', { browserLocation: '/accounts/sign-in' }))).toEqual({
      status: 401,
      heading: 'Sign-in required',
      message: 'Sign in.',
      log: 'none',
      browserLocation: '/accounts/sign-in',
    });
    expect(toErrorResponse(new DomainError('RATE_LIMITED', 'Wait.', { retryAfterSeconds: 840 }))).toMatchObject({
      status: 429,
      heading: 'Too many attempts',
      retryAfterSeconds: 840,
    });
  });

  it('lists the messages of a library’s BadRequestException as sentences', () => {
    const error = new BadRequestException({ message: ['title must be a string', 'property colour should not exist'] });

    expect(toErrorResponse(error)).toMatchObject({ status: 400, message: 'title must be a string. property colour should not exist' });
  });

  it.each([
    ['P2002', 409],
    ['P2003', 409],
    ['P2014', 400],
    ['P2028', 503],
    ['P2025', 404],
    ['P2000', 400],
    ['P2011', 400],
    ['P2034', 409],
    ['P1001', 503],
    ['P1017', 503],
    ['P2024', 503],
    ['P2037', 503],
  ])('answers the Prisma error %s with %i and none of its database text', (code, status) => {
    const response = toErrorResponse(prismaError(code, 'Unique constraint failed on the fields: (`secret_column`) at db-primary:5432'));

    expect(response.status).toBe(status);
    expect(response.message).not.toMatch(/secret_column|db-primary/);
  });

  it('asks to try again, with Retry-After, when the database is unavailable', () => {
    const response = toErrorResponse(prismaError('P1001', "Can't reach database server at db-primary:5432"));

    expect(response).toMatchObject({ status: 503, heading: 'Temporarily unavailable', retryAfterSeconds: 5, log: 'reason' });
    expect(response.reason).toBe('database unavailable (P1001)');
  });

  it('asks to try again after a write conflict (P2034) and logs it as a reason, not a bug', () => {
    const response = toErrorResponse(prismaError('P2034', 'Transaction failed due to a write conflict or a deadlock'));

    expect(response).toMatchObject({ status: 409, log: 'reason' });
    expect(response.message).toMatch(/try again/);
  });

  it('answers a raw query cut by the statement timeout (57014) with 503', () => {
    const error = rawQueryError({ kind: 'postgres', originalCode: '57014', code: '57014', severity: 'ERROR' });

    expect(toErrorResponse(error)).toMatchObject({ status: 503, reason: 'database timeout (57014)', retryAfterSeconds: 5 });
  });

  it('answers a server that cannot accept connections yet (57P03) with 503', () => {
    const error = rawQueryError({ kind: 'postgres', originalCode: '57P03', code: '57P03', severity: 'FATAL' });

    expect(toErrorResponse(error)).toMatchObject({ status: 503, reason: 'database unavailable (57P03)' });
  });

  it('answers the pool’s connect timeout, a plain error with a cause, with 503', () => {
    const error = new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') });

    expect(toErrorResponse(error)).toMatchObject({ status: 503, log: 'reason' });
  });

  it('answers a refused connection (ECONNREFUSED) with 503', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      errno: -111,
    });

    expect(toErrorResponse(error)).toMatchObject({ status: 503 });
  });

  it.each([
    [413, /larger than this site accepts/],
    [415, /UTF-8/],
    [400, /could not be read/],
  ])('answers a non-Nest error carrying its own %i (body-parser’s) with that status and a sentence for the sender', (status, message) => {
    const error = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status,
      statusCode: status,
      expose: true,
    });

    expect(toErrorResponse(error)).toMatchObject({ status, log: 'none', message: expect.stringMatching(message) });
  });

  it('answers an undecodable path (the router’s 400) with 400', () => {
    const error = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400, statusCode: 400 });

    expect(toErrorResponse(error)).toMatchObject({ status: 400, heading: 'That request could not be understood', log: 'none' });
  });

  it('answers PgBouncer’s own connection failure (SQLSTATE 08P01, "pgbouncer cannot connect to server") with 503', () => {
    const error = rawQueryError({ kind: 'postgres', originalCode: '08P01', code: '08P01', severity: 'ERROR' });

    expect(toErrorResponse(error)).toMatchObject({ status: 503, reason: 'database unavailable (08P01)' });
  });

  it('does not take an outbound HTTP failure (fetch failed, caused by ECONNREFUSED) for a database outage', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:443'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });

    expect(toErrorResponse(new TypeError('fetch failed', { cause }))).toMatchObject({ status: 500, log: 'stack' });
  });

  it('does not pass on the status an HTTP client’s error carries from the service it called', () => {
    const upstream = Object.assign(new Error('Request failed with status code 404'), { status: 404, name: 'AxiosError' });

    expect(toErrorResponse(upstream)).toMatchObject({ status: 500, log: 'stack' });
  });

  it('keeps the 503 of a ServiceUnavailableException thrown on purpose, without its message, and asks to retry', () => {
    const response = toErrorResponse(new ServiceUnavailableException('payments-gateway.internal:8443 is down'));

    expect(response).toMatchObject({ status: 503, retryAfterSeconds: 5, log: 'reason' });
    expect(response.message).not.toContain('payments-gateway');
  });

  it('answers an unknown error with 500 and a generic message, and logs its stack', () => {
    const response = toErrorResponse(new Error('SELECT * FROM secret'));

    expect(response).toMatchObject({ status: 500, heading: 'Something went wrong', log: 'stack' });
    expect(response.message).toMatch(/try again/);
    expect(response.message).not.toContain('SELECT');
    expect(response.message).not.toContain('secret');
  });

  it('does not show the message of a server-side HttpException', () => {
    const response = toErrorResponse(new InternalServerErrorException('connection to db-primary:5432 refused'));

    expect(response).toMatchObject({ status: 500, log: 'stack' });
    expect(response.message).not.toContain('db-primary');
  });

  it('answers a thrown non-error value with 500 as well', () => {
    expect(toErrorResponse('boom')).toMatchObject({ status: 500, log: 'stack' });
  });
});
