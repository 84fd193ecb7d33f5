import { ForbiddenException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { DomainError, DomainErrorCode } from '../../platform/errors/domain.error';
import { toErrorResponse } from './error-response';

const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client });

describe('toErrorResponse', () => {
  it.each<[DomainErrorCode, number, string]>([
    ['NOT_FOUND', 404, 'Page not found'],
    ['INVALID_INPUT', 400, 'That request could not be understood'],
    ['CONFLICT', 409, 'That conflicts with existing data'],
    ['FORBIDDEN', 403, 'Not allowed'],
  ])('answers the %s domain error with %i and shows its message', (code, status, heading) => {
    const message = 'Choose another name; this one is taken.';

    expect(toErrorResponse(new DomainError(code, message))).toEqual({ status, heading, message, unexpected: false });
  });

  it('answers NotFoundException with 404 and a friendly message instead of the framework text', () => {
    const response = toErrorResponse(new NotFoundException('Cannot GET /nowhere'));

    expect(response).toMatchObject({ status: 404, heading: 'Page not found', unexpected: false });
    expect(response.message).toBe('There is no page at this address. Check the link, or start again from the home page.');
  });

  it('answers ForbiddenException with 403 and its own message', () => {
    expect(toErrorResponse(new ForbiddenException('Your form expired; reload the page and try again.'))).toEqual({
      status: 403,
      heading: 'Not allowed',
      message: 'Your form expired; reload the page and try again.',
      unexpected: false,
    });
  });

  it('answers a Prisma “record not found” (P2025) with 404 and no database text', () => {
    const response = toErrorResponse(prismaError('P2025', 'No record was found for a delete on table "billing_invoices".'));

    expect(response).toMatchObject({ status: 404, heading: 'Page not found', unexpected: false });
    expect(response.message).not.toMatch(/record was found|billing_invoices/);
  });

  it('answers any other Prisma error without showing its database text', () => {
    const response = toErrorResponse(prismaError('P2002', 'Unique constraint failed on the fields: (`secret_column`)'));

    expect(response.message).not.toContain('secret_column');
    expect(response.unexpected).toBe(true);
  });

  it('answers an unknown error with 500 and a generic message, and marks it unexpected', () => {
    const response = toErrorResponse(new Error('SELECT * FROM secret'));

    expect(response).toMatchObject({ status: 500, heading: 'Something went wrong', unexpected: true });
    expect(response.message).toMatch(/try again/);
    expect(response.message).not.toContain('SELECT');
    expect(response.message).not.toContain('secret');
  });

  it('does not show the message of a server-side HttpException', () => {
    const response = toErrorResponse(new InternalServerErrorException('connection to db-primary:5432 refused'));

    expect(response).toMatchObject({ status: 500, unexpected: true });
    expect(response.message).not.toContain('db-primary');
  });

  it('answers a thrown non-error value with 500 as well', () => {
    expect(toErrorResponse('boom')).toMatchObject({ status: 500, unexpected: true });
  });
});
