import type { ClientBase } from 'pg';
import { REQUIRED_QUEUE_MIGRATION } from '../../vendor-patches/graphile-worker-migration-list.patch';
import { JobsCommandError } from './jobs-command.error';

/** The revision the installed graphile-worker migrates its schema to (see the vendor patch it comes from). */
export const LATEST_QUEUE_REVISION = REQUIRED_QUEUE_MIGRATION;

/** The revision graphile-worker recorded in `<schema>.migrations`; `null` when the schema (or that table) does not exist. */
export async function queueSchemaRevision(client: ClientBase, schema: string): Promise<number | null> {
  const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass(format('%I.migrations', $1::text))::text AS "table"`, [
    schema,
  ]);
  if (rows[0].table === null) return null;
  const latest = await client.query<{ id: number | null }>(`SELECT max(id) AS id FROM ${client.escapeIdentifier(schema)}.migrations`);
  return latest.rows[0].id;
}

/**
 * Refuses to read or change a queue whose schema is missing or at another
 * revision than this graphile-worker's: its tables and functions would not be
 * the ones the commands use. `where` names the database (`host:port/db`).
 */
export async function assertQueueSchemaCurrent(client: ClientBase, schema: string, where: string): Promise<void> {
  const revision = await queueSchemaRevision(client, schema);
  const migrate =
    'run `npm run jobs -- migrate` with MIGRATION_DATABASE_URL set to the owner role (`npm start` does it for the embedded PostgreSQL)';
  if (revision === null) {
    throw new JobsCommandError(`the job queue schema ${schema} does not exist in ${where}; ${migrate}`);
  }
  if (revision < LATEST_QUEUE_REVISION) {
    throw new JobsCommandError(
      `the job queue schema ${schema} in ${where} is at graphile-worker migration ${revision}, but this release needs ${LATEST_QUEUE_REVISION}; ${migrate}`,
    );
  }
  if (revision > LATEST_QUEUE_REVISION) {
    throw new JobsCommandError(
      `the job queue schema ${schema} in ${where} is at graphile-worker migration ${revision}, newer than this release knows (${LATEST_QUEUE_REVISION}): a newer release migrated it; run the jobs command of that release`,
    );
  }
}
