import { Client } from 'pg';
import { Logger, runMigrations } from 'graphile-worker';
import { queueSchemaRevision } from './queue-schema-revision';
import { openQueueRowSecurity } from './queue-row-security';

export interface QueueMigration {
  /** graphile-worker's migration number before; null: the schema did not exist. */
  before: number | null;
  after: number | null;
  /** Tables that got the policy letting their rows through to whoever is granted them (see openQueueRowSecurity). */
  openedTables: string[];
  /** Set when `runtimeRole` was given and may not use the schema: the statements that fix it. */
  missingGrants?: string;
}

/**
 * Creates or updates the queue schema with graphile-worker's own migrations
 * (`runMigrations`), as the role of `url`, which must be allowed to create
 * schemas (the owner), then leaves access to its tables to GRANTs (see
 * queue-row-security.ts). `runtimeRole`, the role the app and its workers connect
 * as, is then checked for USAGE on the schema: default privileges usually
 * grant it (docs/operations.md, "Production"), and a worker without it
 * cannot take a job.
 */
export async function migrateQueueSchema(url: string, schema: string, runtimeRole?: string): Promise<QueueMigration> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const before = await queueSchemaRevision(client, schema);
    // graphile-worker logs each migration at debug level; only its warnings and errors are worth a line here.
    // (LogLevel is a declared enum with no value at run time; its members are these strings.)
    const logger = new Logger(() => (level: string, message: string) => {
      if (level === 'error' || level === 'warning') console.error(`graphile-worker ${level}: ${message}`);
    });
    await runMigrations({ connectionString: url, schema, logger });
    const after = await queueSchemaRevision(client, schema);
    const openedTables = await openQueueRowSecurity(client, schema);
    return { before, after, openedTables, missingGrants: runtimeRole ? await missingGrants(client, schema, runtimeRole) : undefined };
  } finally {
    await client.end();
  }
}

async function missingGrants(client: Client, schema: string, role: string): Promise<string | undefined> {
  const { rows } = await client.query<{ usable: boolean | null }>(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) THEN has_schema_privilege($1, $2, 'USAGE') END AS usable`,
    [role, schema],
  );
  if (rows[0].usable !== false) return undefined;
  const [s, r] = [client.escapeIdentifier(schema), client.escapeIdentifier(role)];
  return `GRANT USAGE ON SCHEMA ${s} TO ${r}; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};`;
}
