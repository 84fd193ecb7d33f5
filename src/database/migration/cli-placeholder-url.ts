import { ConfigurationError } from '../../platform/errors/configuration.error';

/**
 * What prisma.config.ts puts into DATABASE_URL when none is configured: the
 * CLI insists on the variable, though commands connect through the adapter.
 * Child processes the CLI starts (the seed command) inherit it and must not
 * mistake it for a configured database.
 */
export const CLI_PLACEHOLDER_DATABASE_URL = 'postgresql://embedded@127.0.0.1/app';

/**
 * The database a CLI-started command should use, if one is configured.
 * Never PgBouncer: migrations hold a session-level advisory lock and run
 * each migration in one session, which transaction pooling does not keep.
 */
export function configuredDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const variable = env.MIGRATION_DATABASE_URL ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL';
  const url = env[variable];
  if (!url || url === CLI_PLACEHOLDER_DATABASE_URL) return undefined;
  if (/[?&]pgbouncer=true(&|$)/.test(url)) {
    throw new ConfigurationError(
      `${variable} points at PgBouncer (?pgbouncer=true), but migrations and seeds must connect to PostgreSQL itself; set MIGRATION_DATABASE_URL to the owner role on the database server (docs/operations.md, "Migrations bypass the pooler")`,
    );
  }
  return url;
}
