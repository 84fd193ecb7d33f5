import { optionalWholeNumberSetting, positiveIntegerSetting } from '../environment/environment-settings';
import { ConfigurationError } from '../errors/configuration.error';
import { readShutdownTimeout } from '../lifecycle/shutdown-timeout';

export interface JobsConfig {
  /** A direct connection (LISTEN/NOTIFY, session advisory locks): never through PgBouncer. */
  databaseUrl: string;
  /** Jobs this instance runs at once; 0: it runs none (it still publishes and enqueues). */
  concurrency: number;
  /** A job locked by an instance that has gone for this long is released to run again. */
  staleLockMs: number;
  /** SHUTDOWN_TIMEOUT_MS: how long running jobs may still run when the app stops; past it they are failed and run again later. */
  shutdownTimeoutMs: number;
}

/** Injection token of this process's JobsConfig (tests override it: src/testing/start-test-server.ts). */
export const JOBS_CONFIG = Symbol('JOBS_CONFIG');

/** A connection string from the environment, with the variable it came from (for messages). */
export interface ConfiguredUrl {
  url: string;
  variable: 'JOBS_DATABASE_URL' | 'DATABASE_URL';
}

function pgBouncerIn(url: string): boolean {
  try {
    return new URL(url).searchParams.get('pgbouncer') === 'true';
  } catch {
    return false;
  }
}

/**
 * The job workers' connection, as the app and `npm run jobs` both pick it:
 * JOBS_DATABASE_URL, else DATABASE_URL unless that goes through PgBouncer
 * (`?pgbouncer=true`: LISTEN and session advisory locks need PostgreSQL
 * itself), then a ConfigurationError with the fix. `undefined` when neither
 * is set.
 */
export function jobsDatabaseUrl(env: NodeJS.ProcessEnv): ConfiguredUrl | undefined {
  const own = env.JOBS_DATABASE_URL || undefined;
  const app = env.DATABASE_URL || undefined;
  if (own && pgBouncerIn(own)) {
    throw new ConfigurationError(
      'JOBS_DATABASE_URL has ?pgbouncer=true, but the job workers need a direct connection to PostgreSQL (LISTEN and session advisory locks do not pass PgBouncer in transaction mode); point JOBS_DATABASE_URL at PostgreSQL itself, not at PgBouncer',
    );
  }
  if (!own && app && pgBouncerIn(app)) {
    throw new ConfigurationError(
      'DATABASE_URL goes through PgBouncer (?pgbouncer=true) and JOBS_DATABASE_URL is not set: the job workers need a direct connection to PostgreSQL (LISTEN and session advisory locks); set JOBS_DATABASE_URL to a URL of PostgreSQL itself (same database and role, without PgBouncer)',
    );
  }
  if (own) return { url: own, variable: 'JOBS_DATABASE_URL' };
  return app ? { url: app, variable: 'DATABASE_URL' } : undefined;
}

/**
 * JOBS_DATABASE_URL (see {@link jobsDatabaseUrl}), JOBS_CONCURRENCY (default 4),
 * JOBS_STALE_LOCK_MS (default 60000), SHUTDOWN_TIMEOUT_MS (default 10000).
 */
export function readJobsConfig(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  return {
    databaseUrl: jobsDatabaseUrl(env)?.url ?? '',
    concurrency: optionalWholeNumberSetting(env, 'JOBS_CONCURRENCY', 4) ?? 4,
    staleLockMs: positiveIntegerSetting(env, 'JOBS_STALE_LOCK_MS', 60_000),
    shutdownTimeoutMs: readShutdownTimeout(env),
  };
}
