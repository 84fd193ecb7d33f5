import { ConfigurationError } from '../../platform/errors/configuration.error';
import { optionalWholeNumberSetting, positiveIntegerSetting } from '../../platform/environment/environment-settings';
import { readQueryVisibilitySettings } from './query-visibility-settings';

/**
 * Where the runtime reads its database settings. Everything that decides which
 * database, which schema and how many connections lives here, so operators
 * and tests have one place to look, and tests use the same variables.
 *
 * - `DATABASE_URL`: the runtime role's connection string (DML only). `npm start`
 *   sets it itself when it provisions the embedded PostgreSQL.
 * - `DATABASE_SCHEMA`: the PostgreSQL schema the client works in, default
 *   `public`, where the migrations create the tables. Another value only makes
 *   sense for a copy of `public`, such as the per-worker clones the test setup
 *   makes. The Prisma driver adapter ignores `?schema=` in the URL, so the
 *   schema is passed to it explicitly; a `?schema=` naming another schema is
 *   refused rather than silently ignored.
 * - `DATABASE_POOL_SIZE`: connections per process (default 10).
 * - `DATABASE_CONNECT_TIMEOUT_MS`: how long to wait for a connection (default 5000).
 * - `DATABASE_STATEMENT_TIMEOUT_MS`: PostgreSQL cancels a statement that runs
 *   longer (default 10000), so a sick database cannot hold a request forever.
 * - `DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`: PostgreSQL ends a session whose
 *   transaction sits idle longer (default 15000), releasing its locks.
 * - `?pgbouncer=true` on `DATABASE_URL`: connected through PgBouncer in
 *   transaction pooling mode, which refuses startup parameters; see
 *   {@link DatabaseConfig.viaPgBouncer}.
 */
export interface DatabaseConfig {
  /** The connection string as given, minus `pgbouncer=true`, which is ours, not the driver's. */
  url: string;
  schema: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /**
   * Through PgBouncer (transaction pooling): no startup parameters are sent
   * (PgBouncer rejects `options` and the timeouts), so the timeouts are the
   * server's to set for the role, and the schema must be `public`.
   */
  viaPgBouncer: boolean;
  /** Compiled query plans kept for reads asked again (DATABASE_QUERY_PLAN_CACHE_SIZE, default 1000; 0: off). See query-plan-cache.ts. */
  queryPlanCacheSize: number;
}

/** Lower-case, unquoted PostgreSQL identifiers only: the name goes into `search_path` and qualified SQL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema the runtime uses; see the module comment. */
export function resolveDatabaseSchema(env: NodeJS.ProcessEnv, url: string): string {
  const requested = safeSearchParam(url, 'schema');
  if (requested && requested !== 'public') {
    throw new ConfigurationError(
      `DATABASE_URL asks for ?schema=${requested}, but migrations create the tables in public; remove the parameter (use a database of its own to separate data)`,
    );
  }
  const schema = env.DATABASE_SCHEMA || 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new ConfigurationError(
      `DATABASE_SCHEMA="${schema}" is not a plain schema name; use lower-case letters, digits and underscores, or remove it for public`,
    );
  }
  return schema;
}

function safeSearchParam(url: string, name: string): string | null {
  try {
    return new URL(url).searchParams.get(name);
  } catch {
    return null;
  }
}

/**
 * Checks every setting but the URL, which `npm start` may only provide after
 * provisioning, so a typo stops the process before anything is started.
 */
export function validateDatabaseSettings(env: NodeJS.ProcessEnv = process.env): void {
  readDatabaseConfig({ ...env, DATABASE_URL: env.DATABASE_URL || 'postgresql://settings-check@127.0.0.1/none' });
  readQueryVisibilitySettings(env);
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new ConfigurationError(
      'DATABASE_URL is not set; run the app with `npm start` (it provisions the embedded PostgreSQL) or set DATABASE_URL as in .env.example',
    );
  }
  const schema = resolveDatabaseSchema(env, url);
  const viaPgBouncer = pgBouncerFlag(url);
  if (viaPgBouncer && schema !== 'public') {
    throw new ConfigurationError(
      `DATABASE_SCHEMA="${schema}" cannot be used through PgBouncer (?pgbouncer=true in DATABASE_URL): it needs a search_path startup parameter, which PgBouncer refuses; remove DATABASE_SCHEMA, or connect to PostgreSQL directly`,
    );
  }
  return {
    url: withoutPgBouncerFlag(url),
    schema,
    poolSize: positiveIntegerSetting(env, 'DATABASE_POOL_SIZE', 10),
    connectTimeoutMs: positiveIntegerSetting(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000),
    statementTimeoutMs: positiveIntegerSetting(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000),
    idleInTransactionTimeoutMs: positiveIntegerSetting(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000),
    viaPgBouncer,
    queryPlanCacheSize: optionalWholeNumberSetting(env, 'DATABASE_QUERY_PLAN_CACHE_SIZE', 1000) ?? 1000,
  };
}

/** `?pgbouncer=true` (Prisma's own spelling for the same situation); any other value is a mistake worth a clear line. */
function pgBouncerFlag(url: string): boolean {
  const value = safeSearchParam(url, 'pgbouncer');
  if (value === null) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigurationError(`DATABASE_URL has ?pgbouncer=${value}; use pgbouncer=true when the URL points at PgBouncer, or remove it`);
}

function withoutPgBouncerFlag(url: string): string {
  if (safeSearchParam(url, 'pgbouncer') === null) return url;
  const parsed = new URL(url);
  parsed.searchParams.delete('pgbouncer');
  return parsed.toString();
}

export { describeDatabase } from '../../platform/environment/database-url';
