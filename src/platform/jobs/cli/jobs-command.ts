import { Client } from 'pg';
import { ConfigurationError } from '../../errors/configuration.error';
import { checkJobsDatabaseTarget, pgQueryRows } from '../jobs-database';
import { checkQueueSchema, migrateJobQueue, QUEUE_ROW_POLICY, queueRuntimeGrants } from '../queue-migrations';
import { describeDatabase } from '../../environment/database-url';
import { JobsCommand } from './jobs-command-line';
import { JobsCommandError } from './jobs-command.error';
import { readQueueStatus } from './queue-status';
import { statusReport } from './status-report';
import { readDeadLetters } from './dead-letters';
import { failedReport } from './failed-report';
import { retryDeadLetters } from './retry-dead-letters';
import { count } from './report-format';

/** Where a command works: the connection, the queue schema, and how to name them in its output. */
export interface JobsTarget {
  url: string;
  /** The queue schema (queueSchemaFor(DATABASE_SCHEMA)). */
  schema: string;
  /** `host:port/db`. */
  where: string;
  /** Where the URL came from: `JOBS_DATABASE_URL`, or the embedded PostgreSQL `npm start` runs. */
  source: string;
  /** For `migrate`: the role the workers connect as, checked for USAGE on the schema afterwards. */
  runtimeRole?: string;
  /** DATABASE_URL, when the commands use JOBS_DATABASE_URL: checked to reach the same database first. */
  appUrl?: string;
}

/** Runs one command against `target`, printing its report line by line; throws {@link JobsCommandError} when it cannot. */
export async function runJobsCommand(
  command: Exclude<JobsCommand, { name: 'help' }>,
  target: JobsTarget,
  print: (line: string) => void,
): Promise<void> {
  print(`job queue ${target.schema} in ${target.where} (${target.source})`);
  try {
    if (command.name === 'migrate') return await migrate(target, print);
    if (target.appUrl) await checkSameDatabase(target.appUrl, target.url);
    await withClient(target.url, async (client) => {
      await checkQueueSchema(pgQueryRows(client), target.schema, target.where, (warning) => print(`warning: ${warning}`));
      if (command.name === 'status') statusReport(await readQueueStatus(pgQueryRows(client), target.schema)).forEach(print);
      else if (command.name === 'failed') failedReport(await readDeadLetters(client, target.schema)).forEach(print);
      else {
        const retried = await retryDeadLetters(client, target.schema, command.jobs, target.where);
        print(
          retried.length === 0
            ? 'no dead-lettered jobs to retry'
            : `${count(retried.length, 'job')} due again with attempts reset: ${retried.map((job) => `${job.id} (${job.task})`).join(', ')}`,
        );
      }
    });
  } catch (error) {
    throw explain(error, target, command.name === 'migrate');
  }
}

/** JOBS_DATABASE_URL (`jobsUrl`) reaches the database of DATABASE_URL, as the app checks at startup. */
async function checkSameDatabase(appUrl: string, jobsUrl: string): Promise<void> {
  const app = new Client({ connectionString: appUrl, connectionTimeoutMillis: 10_000 });
  try {
    await app.connect().catch((error: Error) => {
      throw new ConfigurationError(
        `cannot connect with DATABASE_URL to ${describeDatabase(appUrl)} (${error.message}) to check that JOBS_DATABASE_URL reaches the same database; check that PostgreSQL (or PgBouncer) is running and the URL is right`,
      );
    });
    await checkJobsDatabaseTarget(pgQueryRows(app), appUrl, jobsUrl);
  } finally {
    await app.end().catch(() => undefined);
  }
}

/**
 * The engine's own migration (migrateJobQueue, as `npm start` runs it), then
 * a check that `runtimeRole`, the role the app and its workers connect as,
 * may use the schema: default privileges usually grant it (docs/operations.md,
 * "Production"), and a worker without it cannot take a job.
 */
async function migrate(target: JobsTarget, print: (line: string) => void): Promise<void> {
  const { before, after, openedTables } = await migrateJobQueue(target.url, target.schema);
  const missingGrants = target.runtimeRole ? await missingGrantsOf(target, target.runtimeRole) : undefined;
  if (before === after && openedTables.length === 0) print(`already at graphile-worker migration ${after}: nothing to do`);
  else if (before === after) print(`already at graphile-worker migration ${after}`);
  else if (before === null) print(`created the schema at graphile-worker migration ${after}`);
  else print(`migrated from graphile-worker migration ${before} to ${after}`);
  if (openedTables.length > 0) {
    print(
      `let the rows of ${openedTables.join(', ')} through graphile-worker's row level security (policy ${QUEUE_ROW_POLICY}): grants decide who uses them, as for the app's tables`,
    );
  }
  if (missingGrants) {
    print(
      `warning: the runtime role ${target.runtimeRole} (DATABASE_URL) may not use schema ${target.schema}, so its workers cannot take jobs; as the owner run: ${missingGrants}`,
    );
  }
}

/** Runs `work` on a connection of `url`, closed afterwards whatever happens. */
async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function missingGrantsOf(target: JobsTarget, role: string): Promise<string | undefined> {
  return withClient(target.url, async (client) => {
    const { rows } = await client.query<{ usable: boolean | null }>(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) THEN has_schema_privilege($1, $2, 'USAGE') END AS usable`,
      [role, target.schema],
    );
    return rows[0].usable === false ? queueRuntimeGrants(target.schema, role) : undefined;
  });
}

/** The command's own errors as they are; a database's refusal with what, where and the fix. */
function explain(error: unknown, target: JobsTarget, migrating: boolean): Error {
  if (error instanceof JobsCommandError || error instanceof ConfigurationError) return error;
  const failure = error as Error & { code?: string };
  if (failure.code === '42501' && migrating) {
    return new JobsCommandError(
      `the role of ${target.source} may not create or change the job queue schema ${target.schema} in ${target.where} (${failure.message}); run migrate as the owner role, the one \`npx prisma migrate deploy\` uses (MIGRATION_DATABASE_URL)`,
    );
  }
  if (failure.code === '42501') {
    return new JobsCommandError(
      `the role of ${target.source} may not use the job queue schema ${target.schema} in ${target.where} (${failure.message}); as the owner, GRANT USAGE ON SCHEMA ${target.schema} and SELECT, INSERT, UPDATE, DELETE on its tables to that role (docs/operations.md, "Jobs and events")`,
    );
  }
  // Node's socket errors (ECONNREFUSED, ENOTFOUND), PostgreSQL's connection, authentication and
  // unknown-database classes, a server shutting down, and pg's own connect timeout.
  if (/^(E[A-Z]+$|08|28|3D000|57P0)/.test(failure.code ?? '') || /Connection terminated|timeout expired/.test(failure.message)) {
    return new JobsCommandError(
      `cannot reach the database ${target.where} (${target.source}): ${failure.message}; check that PostgreSQL is running and the URL (host, port, role, password, database) is right`,
    );
  }
  return failure;
}
