/**
 * What prisma.config.ts puts into DATABASE_URL when none is configured: the
 * CLI insists on the variable, though commands connect through the adapter.
 * Child processes the CLI starts (the seed command) inherit it and must not
 * mistake it for a configured database.
 */
export const CLI_PLACEHOLDER_DATABASE_URL = 'postgresql://embedded@127.0.0.1/app';

/** The database a CLI-started command should use, if one is configured. */
export function configuredDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
  return url && url !== CLI_PLACEHOLDER_DATABASE_URL ? url : undefined;
}
