import { ConfigurationError } from '../../errors/configuration.error';

/** A connection string from the environment, with the variable it came from (for messages). */
export interface ConfiguredUrl {
  url: string;
  variable: string;
}

/**
 * The database the jobs commands read and change, as the workers reach it:
 * `JOBS_DATABASE_URL`, else `DATABASE_URL`; `undefined` when neither is set
 * (the caller then looks for the embedded PostgreSQL). Never PgBouncer: the
 * workers need a direct connection, and the advice should say so.
 */
export function jobsDatabaseUrl(env: NodeJS.ProcessEnv): ConfiguredUrl | undefined {
  const variable = env.JOBS_DATABASE_URL ? 'JOBS_DATABASE_URL' : env.DATABASE_URL ? 'DATABASE_URL' : undefined;
  if (variable === undefined) return undefined;
  const url = env[variable] as string;
  if (/[?&]pgbouncer=true(&|$)/.test(url)) {
    throw new ConfigurationError(
      variable === 'JOBS_DATABASE_URL'
        ? 'JOBS_DATABASE_URL points at PgBouncer (?pgbouncer=true), but the job workers need a direct connection to PostgreSQL (LISTEN, session advisory locks); point it at the database server itself (docs/operations.md, "Jobs and events")'
        : 'DATABASE_URL points at PgBouncer (?pgbouncer=true), which cannot carry the job workers\' connection; set JOBS_DATABASE_URL to the runtime role on the database server itself (docs/operations.md, "Jobs and events")',
    );
  }
  return { url, variable };
}
