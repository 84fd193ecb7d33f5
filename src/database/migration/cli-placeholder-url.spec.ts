import { CLI_PLACEHOLDER_DATABASE_URL, configuredDatabaseUrl } from './cli-placeholder-url';

describe('configuredDatabaseUrl', () => {
  const owner = 'postgresql://app_owner:pw@db.internal:5432/app';
  const runtime = 'postgresql://app_runtime:pw@db.internal:5432/app';

  it('prefers the owner role of MIGRATION_DATABASE_URL, then DATABASE_URL', () => {
    expect(configuredDatabaseUrl({ MIGRATION_DATABASE_URL: owner, DATABASE_URL: runtime })).toBe(owner);
    expect(configuredDatabaseUrl({ DATABASE_URL: runtime })).toBe(runtime);
  });

  it('treats the CLI placeholder as no database', () => {
    expect(configuredDatabaseUrl({ DATABASE_URL: CLI_PLACEHOLDER_DATABASE_URL })).toBeUndefined();
  });

  it('refuses to migrate through PgBouncer, naming the variable and the fix', () => {
    expect(() => configuredDatabaseUrl({ DATABASE_URL: 'postgresql://app_runtime:pw@pooler:6432/app?pgbouncer=true' })).toThrow(
      /^DATABASE_URL points at PgBouncer \(\?pgbouncer=true\), but migrations and seeds must connect to PostgreSQL itself; set MIGRATION_DATABASE_URL/,
    );
    expect(() => configuredDatabaseUrl({ MIGRATION_DATABASE_URL: `${owner}?sslmode=require&pgbouncer=true` })).toThrow(
      /^MIGRATION_DATABASE_URL points at PgBouncer/,
    );
  });
});
