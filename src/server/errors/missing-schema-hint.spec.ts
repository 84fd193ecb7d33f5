import { Prisma } from '@prisma/client';
import { missingSchemaHint } from './missing-schema-hint';

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError('The column `FixtureNote.subtitle` does not exist in the current database.', {
    code,
    clientVersion: Prisma.prismaVersion.client,
  });

describe('missingSchemaHint', () => {
  it('names the missing column and both migrate commands for P2022', () => {
    expect(missingSchemaHint(prismaError('P2022'))).toBe(
      'the database lacks a column the code uses (P2022): a schema changed without a migration? In development run npx prisma migrate dev --name <name>; in production npx prisma migrate deploy',
    );
  });

  it('names a missing table for P2021', () => {
    expect(missingSchemaHint(prismaError('P2021'))).toMatch(/^the database lacks a table the code uses \(P2021\)/);
  });

  it.each([prismaError('P2002'), new Error('boom'), null, 'P2022'])('has nothing to add for %p', (error) => {
    expect(missingSchemaHint(error)).toBeUndefined();
  });
});
