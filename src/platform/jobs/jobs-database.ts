import type { Prisma } from '@prisma/client';
import { Client, type ClientBase } from 'pg';
import { describeDatabase } from '../environment/database-url';
import { ConfigurationError } from '../errors/configuration.error';

/**
 * What the job engine needs of the app's database client (PrismaService,
 * provided under this token by DatabaseModule): its settings and
 * transactions. A token, so the platform layer does not import the database layer.
 */
export const JOBS_DATABASE = Symbol('JOBS_DATABASE');

export interface JobsDatabase {
  readonly config: { url: string; schema: string };
  $transaction<R>(fn: (tx: Prisma.TransactionClient) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Prisma.PrismaPromise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Prisma.PrismaPromise<T>;
}

/** `"schema"`: a queue schema name is a plain identifier (DATABASE_SCHEMA is checked), quoted anyway. */
export const quoted = (schema: string): string => `"${schema.replace(/"/g, '""')}"`;

/** Runs one statement and returns its rows (a pg client's or Prisma's raw query). */
export type QueryRows = <T>(text: string, values: unknown[]) => Promise<T[]>;

/** {@link QueryRows} on a pg client (the jobs command's connection). */
export const pgQueryRows =
  (client: ClientBase): QueryRows =>
  async <T>(text: string, values: unknown[]) =>
    (await client.query(text, values)).rows as T[];

/** What appQueryRows needs of a connection: Prisma's raw query (or a stand-in with its shape). */
export interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** {@link QueryRows} on the app's own connection (Prisma; through PgBouncer when DATABASE_URL says so). */
export const appQueryRows =
  (database: RawQueries): QueryRows =>
  <T>(text: string, values: unknown[]) =>
    // eslint-disable-next-line no-restricted-syntax -- `text` is a caller's constant SQL with $n placeholders; the values travel as parameters
    database.$queryRawUnsafe<T[]>(text, ...values);

/** Which PostgreSQL server and database a connection reached. */
interface DatabaseIdentity {
  database: string;
  /** null over a Unix socket. */
  address: string | null;
  port: number | null;
  /** When that server's postmaster started: tells two servers on one host and port apart (a restart changes it for both sides alike). */
  startedAt: string;
}

/**
 * One plain SELECT, so it runs on the app's connection through PgBouncer in
 * transaction mode too: PgBouncer answers with the server's address, port and
 * database, not its own.
 */
// ::text: current_database() is of type name, which Prisma's raw queries cannot read (the app side runs through Prisma).
const IDENTITY_QUERY = `SELECT current_database()::text AS database, host(inet_server_addr()) AS address, inet_server_port() AS port,
  pg_postmaster_start_time()::text AS "startedAt"`;

const described = (identity: DatabaseIdentity): string =>
  `database ${identity.database} of the server at ${identity.address ?? '(Unix socket)'}:${identity.port ?? '?'}, up since ${identity.startedAt}`;

/**
 * JOBS_DATABASE_URL must reach the database DATABASE_URL does (directly,
 * where DATABASE_URL may go through PgBouncer): else the workers would take
 * jobs from a queue the app never fills, and events would never be
 * delivered. Compares both connections' database, server port and server
 * start time (the address differs legitimately: PgBouncer may reach the
 * server by another one); a ConfigurationError naming both, without
 * passwords, and the fix. `appQuery` runs on the app's connection.
 */
export async function checkJobsDatabaseTarget(appQuery: QueryRows, appUrl: string, jobsUrl: string): Promise<void> {
  const [app] = await appQuery<DatabaseIdentity>(IDENTITY_QUERY, []);
  const client = new Client({ connectionString: jobsUrl, connectionTimeoutMillis: 10_000 });
  let jobs: DatabaseIdentity;
  try {
    await client.connect();
    [jobs] = (await client.query<DatabaseIdentity>(IDENTITY_QUERY)).rows;
  } catch (error) {
    throw new ConfigurationError(
      `cannot connect with JOBS_DATABASE_URL to ${describeDatabase(jobsUrl)} (${(error as Error).message}), while DATABASE_URL reaches ${describeDatabase(appUrl)}; JOBS_DATABASE_URL must reach the same database directly (not through PgBouncer): check its host, port, role, password and database name`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const samePort = app.port === null || jobs.port === null || app.port === jobs.port;
  if (app.database === jobs.database && app.startedAt === jobs.startedAt && samePort) return;
  throw new ConfigurationError(
    `JOBS_DATABASE_URL (${describeDatabase(jobsUrl)}) reaches another database than DATABASE_URL (${describeDatabase(appUrl)}): ${described(jobs)}, not ${described(app)}; the job workers would take jobs from a queue the app never fills. Point JOBS_DATABASE_URL at the database of DATABASE_URL, on PostgreSQL itself (not PgBouncer), or unset it when DATABASE_URL does not go through PgBouncer`,
  );
}
