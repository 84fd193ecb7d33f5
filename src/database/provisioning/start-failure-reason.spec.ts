import { PrismaCliError } from '../../platform/errors/prisma-cli.error';
import { startFailureReason } from './start-failure-reason';

describe('startFailureReason', () => {
  it("names a failed Prisma command with Prisma's own error, not its banner lines", () => {
    const output = [
      'Prisma schema loaded from prisma/schema',
      'Datasource "db": PostgreSQL database "app", schema "public"',
      '',
      '3 migrations found in prisma/migrations',
      '',
      'Error: P3009',
      '',
      'migrate found failed migrations in the target database, new migrations will not be applied.',
      'The `20261123090100_demo` migration started at 2026-11-23 07:53:32.658 UTC failed',
    ].join('\n');

    expect(startFailureReason(new PrismaCliError(['migrate', 'deploy'], 1, output))).toBe(
      '`prisma migrate deploy` failed with exit code 1: Error: P3009 migrate found failed migrations in the target database, new migrations will not be applied. The `20261123090100_demo` migration started at 2026-11-23 07:53:32.658 UTC failed',
    );
  });

  it('keeps the last lines when Prisma printed no Error line, and shortens very long output', () => {
    const reason = startFailureReason(new PrismaCliError(['migrate', 'deploy'], 1, `banner\n${'x'.repeat(2000)}`));

    expect(reason.startsWith('`prisma migrate deploy` failed with exit code 1: banner xxx')).toBe(true);
    expect(reason.length).toBeLessThan(700);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('gives the first line of any other error', () => {
    expect(startFailureReason(new Error('port 5432 is taken\nstack…'))).toBe('port 5432 is taken');
  });
});
