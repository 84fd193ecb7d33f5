import { ConfigurationError } from '../../server/configuration-error';

/**
 * Where the runtime reads its database settings. Everything that decides which
 * database, which schema and how many connections lives here, so tests and
 * operators have one place to look.
 *
 * - `DATABASE_URL`: the runtime role's connection string (DML only). `npm start`
 *   sets it itself when it provisions the embedded PostgreSQL.
 * - The PostgreSQL schema the client works in: under Jest, `test_<k>` for
 *   worker `JEST_WORKER_ID=k` (cloned by jest.globalSetup.ts), so parallel
 *   suites never share rows; otherwise `public`, where the migrations run.
 *   The Prisma driver adapter ignores `?schema=` in the URL, so the schema is
 *   passed to it explicitly; a `?schema=` naming another schema is refused
 *   rather than silently ignored.
 * - `DATABASE_POOL_SIZE`: connections per process (default 10).
 * - `DATABASE_CONNECT_TIMEOUT_MS`: how long to wait for a connection (default 5000).
 */
export interface DatabaseConfig {
  url: string;
  schema: string;
  poolSize: number;
  connectTimeoutMs: number;
}

export class DatabaseConfigError extends ConfigurationError {}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new DatabaseConfigError(`${name}="${raw}" is not a positive whole number; set it to e.g. ${fallback} or remove it`);
  }
  return value;
}

/** The schema the runtime uses; see the module comment. */
export function resolveDatabaseSchema(env: NodeJS.ProcessEnv, url: string): string {
  if (env.JEST_WORKER_ID) return `test_${env.JEST_WORKER_ID}`;
  const requested = safeSearchParam(url, 'schema');
  if (requested && requested !== 'public') {
    throw new DatabaseConfigError(
      `DATABASE_URL asks for ?schema=${requested}, but migrations create the tables in public; remove the parameter (use a database of its own to separate data)`,
    );
  }
  return 'public';
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
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new DatabaseConfigError(
      'DATABASE_URL is not set; run the app with `npm start` (it provisions the embedded PostgreSQL) or set DATABASE_URL as in .env.example',
    );
  }
  return {
    url,
    schema: resolveDatabaseSchema(env, url),
    poolSize: positiveInteger(env, 'DATABASE_POOL_SIZE', 10),
    connectTimeoutMs: positiveInteger(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000),
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
