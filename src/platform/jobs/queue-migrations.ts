import { Logger } from '@nestjs/common';
import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';
import { Client, type ClientBase } from 'pg';
import { ConfigurationError } from '../errors/configuration.error';
import { OUTBOX_TABLE, outboxDdl } from '../events/event-outbox';
import { JOB_QUEUE_LIBRARY_VERSION, REQUIRED_QUEUE_MIGRATION } from '../vendor-patches/graphile-worker-migration-list.patch';
import { pgQueryRows, quoted, type QueryRows } from './jobs-database';

export { JOB_QUEUE_LIBRARY_VERSION, REQUIRED_QUEUE_MIGRATION };
export type { QueryRows };

/** The policy {@link openQueueRowSecurity} gives graphile-worker's tables. */
export const QUEUE_ROW_POLICY = 'platform_runtime_access';

/**
 * graphile-worker (0.17.3) turns on row level security for its tables
 * (`_private_jobs`, `_private_job_queues`, `_private_tasks`,
 * `_private_known_crontabs`) and defines no policy, so only their owner sees a
 * row: the runtime role, granted DML as on every other table, could add no
 * job (the INSERT is refused) and take, retry or finish none (its UPDATEs
 * match nothing). Each such table gets one policy that lets every row
 * through, so GRANTs decide who may use them, as for the app's own tables.
 * Runs as the owner after the migrations; idempotent; returns the tables it
 * gave the policy (none when they all had it).
 */
export async function openQueueRowSecurity(client: ClientBase, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity
        AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $2)
      ORDER BY c.relname`,
    [schema, QUEUE_ROW_POLICY],
  );
  for (const { table } of rows) {
    // eslint-disable-next-line no-restricted-syntax -- CREATE POLICY takes no parameters; schema and table are quoted identifiers
    await client.query(`CREATE POLICY ${QUEUE_ROW_POLICY} ON ${quoted(schema)}.${quoted(table)} USING (true) WITH CHECK (true)`);
  }
  return rows.map((row) => row.table);
}

/**
 * What the runtime role needs on the queue schema, as the owner grants it:
 * the embedded cluster's default privileges already do; a configured
 * database (and the test setup's rebuilt schemas) run these.
 */
export function queueRuntimeGrants(schema: string, role: string): string {
  const [s, r] = [quoted(schema), quoted(role)];
  return [
    `GRANT USAGE ON SCHEMA ${s} TO ${r};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r};`,
  ].join(' ');
}

/** Migrations report warnings and errors only (one debug line per migration file is noise in `npm start`, test setup and `npm run jobs -- migrate`). */
const MIGRATION_LOGGER = new WorkerLogger(() => (level, message) => {
  if ((level as string) === 'error') new Logger('Jobs').error(message);
  else if ((level as string) === 'warning') new Logger('Jobs').warn(message);
});

export interface QueueMigration {
  /** graphile-worker's migration before; null: the schema did not exist. */
  before: number | null;
  after: number | null;
  /** Tables that got the policy letting their rows through to whoever is granted them ({@link openQueueRowSecurity}). */
  openedTables: string[];
}

/**
 * Creates or brings up to date the queue schema, as the owner role (DDL):
 * graphile-worker's migrations, the row policy, then the platform's event
 * outbox table. `npm start`, the test setup and `npm run jobs -- migrate`.
 */
export async function migrateJobQueue(ownerUrl: string, schema: string): Promise<QueueMigration> {
  const client = new Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const before = (await queueSchemaRevision(pgQueryRows(client), schema))?.latest ?? null;
    await runMigrations({ connectionString: ownerUrl, schema, logger: MIGRATION_LOGGER });
    const after = (await queueSchemaRevision(pgQueryRows(client), schema))?.latest ?? null;
    const openedTables = await openQueueRowSecurity(client, schema);
    await client.query(outboxDdl(schema));
    return { before, after, openedTables };
  } finally {
    await client.end();
  }
}

/** The migrations graphile-worker recorded in a queue schema. */
export interface QueueSchemaRevision {
  latest: number | null;
  /** The latest migration marked breaking (older releases cannot work with the schema past it). */
  latestBreaking: number | null;
}

/** The schema's revision, or null when it (or its migrations table) is missing. */
export async function queueSchemaRevision(query: QueryRows, schema: string): Promise<QueueSchemaRevision | null> {
  const [{ present }] = await query<{ present: boolean }>(`SELECT to_regclass(format('%I.migrations', $1::text)) IS NOT NULL AS present`, [
    schema,
  ]);
  if (!present) return null;
  // `breaking` through to_jsonb: a column graphile-worker added in 0.16, absent from older schemas.
  const [revision] = await query<QueueSchemaRevision>(
    `SELECT max(id)::int AS latest, max(id) FILTER (WHERE (to_jsonb(m) ->> 'breaking')::boolean)::int AS "latestBreaking"
       FROM ${quoted(schema)}.migrations m`,
    [],
  );
  return revision;
}

const MIGRATE_FIX = 'run the migrations: `npm start` does it, in production `npm run jobs -- migrate` with MIGRATION_DATABASE_URL set';

/**
 * The queue schema exists and this graphile-worker can work with it: the app
 * at startup (before the runner, which would try to migrate as a role that
 * may not) and `npm run jobs` before any other command. As graphile-worker
 * decides itself (dist/migrate.js): behind -> refused; newer, with a breaking
 * migration past the ones it knows -> refused; newer by backwards-compatible
 * migrations only -> `warn` and go on. Else a ConfigurationError with what,
 * where (`host:port/db`) and the fix.
 */
export async function checkQueueSchema(
  query: QueryRows,
  schema: string,
  where: string,
  warn: (message: string) => void = (message) => new Logger('Jobs').warn(message),
): Promise<void> {
  const revision = await queueSchemaRevision(query, schema);
  const latest = revision?.latest ?? null;
  if (latest === null) throw new ConfigurationError(`the job queue schema ${schema} is missing in ${where}; ${MIGRATE_FIX}`);
  if (latest < REQUIRED_QUEUE_MIGRATION) {
    throw new ConfigurationError(
      `the job queue schema ${schema} is at migration ${latest}, ${JOB_QUEUE_LIBRARY_VERSION} needs ${REQUIRED_QUEUE_MIGRATION} in ${where}; ${MIGRATE_FIX}`,
    );
  }
  if (revision?.latestBreaking && revision.latestBreaking > REQUIRED_QUEUE_MIGRATION) {
    throw new ConfigurationError(
      `the job queue schema ${schema} in ${where} is at migration ${latest}, past breaking migration ${revision.latestBreaking}, but ${JOB_QUEUE_LIBRARY_VERSION} knows migrations up to ${REQUIRED_QUEUE_MIGRATION} only and cannot work with it (graphile-worker refuses too): a newer release migrated it; run that release (on every instance and for \`npm run jobs\`)`,
    );
  }
  if (latest > REQUIRED_QUEUE_MIGRATION) {
    warn(
      `the job queue schema ${schema} in ${where} is at migration ${latest}, newer than ${JOB_QUEUE_LIBRARY_VERSION} knows (${REQUIRED_QUEUE_MIGRATION}); the newer migrations are not breaking, so it goes on, as graphile-worker does; run one release on every instance`,
    );
  }
  const [{ outbox }] = await query<{ outbox: boolean }>(`SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL AS outbox`, [
    schema,
    OUTBOX_TABLE,
  ]);
  if (!outbox)
    throw new ConfigurationError(
      `the job queue schema ${schema} has no ${OUTBOX_TABLE} table (the event outbox) in ${where}; ${MIGRATE_FIX}`,
    );
}
