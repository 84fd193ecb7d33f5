import { Logger } from '@nestjs/common';
import { Logger as WorkerLogger, runMigrations } from 'graphile-worker';
import { Client } from 'pg';
import { ConfigurationError } from '../errors/configuration.error';
import { OUTBOX_TABLE, outboxDdl } from '../events/event-outbox';
import { JOB_QUEUE_LIBRARY_VERSION, REQUIRED_QUEUE_MIGRATION } from '../vendor-patches/graphile-worker-migration-list.patch';

export { JOB_QUEUE_LIBRARY_VERSION, REQUIRED_QUEUE_MIGRATION };

/**
 * graphile-worker turns row-level security on for its tables, with no
 * policy: meant for a worker role that owns them. Here the owner migrates and
 * a runtime role with DML only runs the app, so each such table gets one
 * policy letting in whoever has privileges on the table (the grants stay the
 * access control). Idempotent; rerun after every migration.
 */
const OPEN_ROW_LEVEL_SECURITY = `
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity
             AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'platform_runtime_access')
  LOOP
    EXECUTE format('CREATE POLICY platform_runtime_access ON %I.%I USING (true) WITH CHECK (true)', $1, t.relname);
  END LOOP;
END $$`;

/** Migrations report warnings and errors only (one debug line per migration file is noise in `npm start` and test setup). */
const MIGRATION_LOGGER = new WorkerLogger(() => (level, message) => {
  if ((level as string) === 'error') new Logger('Jobs').error(message);
  else if ((level as string) === 'warning') new Logger('Jobs').warn(message);
});

/**
 * Creates or brings up to date the queue schema, as the owner role (DDL):
 * graphile-worker's migrations, then the platform's event outbox table.
 */
export async function migrateJobQueue(ownerUrl: string, schema: string): Promise<void> {
  await runMigrations({ connectionString: ownerUrl, schema, logger: MIGRATION_LOGGER });
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(OPEN_ROW_LEVEL_SECURITY.replaceAll('$1', client.escapeLiteral(schema)));
    await client.query(outboxDdl(schema));
  } finally {
    await client.end();
  }
}

/** Runs one statement and returns its rows (a pg client's or Prisma's raw query). */
export type QueryRows = <T>(text: string, values: unknown[]) => Promise<T[]>;

/** The schema's migration, or null when it (or its migrations table) is missing. */
export async function queueSchemaMigration(query: QueryRows, schema: string): Promise<number | null> {
  const [{ present }] = await query<{ present: boolean }>(`SELECT to_regclass(format('%I.migrations', $1::text)) IS NOT NULL AS present`, [
    schema,
  ]);
  if (!present) return null;
  const [{ id }] = await query<{ id: number | null }>(`SELECT max(id)::int AS id FROM "${schema.replace(/"/g, '""')}".migrations`, []);
  return id;
}

/**
 * At startup, before the runner (which would try to migrate, as a role that
 * may not): the queue schema exists and is at the revision this
 * graphile-worker needs; else a ConfigurationError with the fix.
 */
export async function checkQueueSchema(query: QueryRows, schema: string, where: string): Promise<void> {
  const migration = await queueSchemaMigration(query, schema);
  if (migration !== null && migration >= REQUIRED_QUEUE_MIGRATION) {
    const [{ outbox }] = await query<{ outbox: boolean }>(`SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL AS outbox`, [
      schema,
      OUTBOX_TABLE,
    ]);
    if (outbox) return;
  }
  const state =
    migration === null
      ? 'is missing'
      : migration < REQUIRED_QUEUE_MIGRATION
        ? `is at migration ${migration}, ${JOB_QUEUE_LIBRARY_VERSION} needs ${REQUIRED_QUEUE_MIGRATION}`
        : `has no ${OUTBOX_TABLE} table (the event outbox)`;
  throw new ConfigurationError(
    `the job queue schema ${schema} ${state} in ${where}; run the migrations: \`npm start\` does it, in production \`npm run jobs -- migrate\` with MIGRATION_DATABASE_URL set`,
  );
}
