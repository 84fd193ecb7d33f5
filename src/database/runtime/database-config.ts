import { ConfigurationError } from '../../platform/errors/configuration.error';
import { positiveIntegerSetting } from '../../platform/environment/environment-settings';
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
 */
export interface DatabaseConfig {
  url: string;
  schema: string;
  poolSize: number;
  connectTimeoutMs: number;
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
  return {
    url,
    schema: resolveDatabaseSchema(env, url),
    poolSize: positiveIntegerSetting(env, 'DATABASE_POOL_SIZE', 10),
    connectTimeoutMs: positiveIntegerSetting(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000),
  };
}

/** `host:port/database` of a connection string, for logs; never the password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
