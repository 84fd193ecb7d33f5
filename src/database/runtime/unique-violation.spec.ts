import { Prisma } from '@prisma/client';
import { DatabaseError } from 'pg';
import { uniqueViolationFields } from './unique-violation';

/** A 23505 as node-postgres builds it from the server's message, which the fast path (Kysely) passes on as is. */
function pgError(code: string, detail?: string): DatabaseError {
  const error = new DatabaseError('duplicate key value violates unique constraint', 0, 'error');
  error.code = code;
  error.severity = 'ERROR';
  error.detail = detail;
  return error;
}

describe('uniqueViolationFields', () => {
  it('reads the fields of a unique violation through Prisma over the driver adapter', () => {
    const error = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
      code: 'P2002',
      clientVersion: '6.19.3',
      meta: { driverAdapterError: { cause: { constraint: { fields: ['email'] } } } },
    });
    expect(uniqueViolationFields(error)).toEqual(['email']);
  });

  it('reads the columns of a unique violation through the fast path from the detail line, never its values', () => {
    expect(uniqueViolationFields(pgError('23505', 'Key (email)=(ada@example.test) already exists.'))).toEqual(['email']);
    expect(uniqueViolationFields(pgError('23505', 'Key ("userId", purpose)=(1, x) already exists.'))).toEqual(['userId', 'purpose']);
  });

  it('says "unknown fields" (an empty list) for a fast-path unique violation without a detail line', () => {
    expect(uniqueViolationFields(pgError('23505'))).toEqual([]);
  });

  it('is null for anything else: another SQLSTATE, another Prisma code, an error that only looks like one, not an error', () => {
    expect(uniqueViolationFields(pgError('23503', 'Key (authorId)=(x) is not present in table "AccountsUser".'))).toBeNull();
    expect(
      uniqueViolationFields(new Prisma.PrismaClientKnownRequestError('Foreign key', { code: 'P2003', clientVersion: '6.19.3' })),
    ).toBeNull();
    expect(uniqueViolationFields(Object.assign(new Error('client-side'), { code: '23505' }))).toBeNull();
    expect(uniqueViolationFields({ code: '23505', severity: 'ERROR' })).toBeNull();
  });
});
