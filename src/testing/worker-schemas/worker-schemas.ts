import { Client } from 'pg';
import { runCommand } from '../../database/process/run-command';
import { migrateJobQueue, queueRuntimeGrants } from '../../platform/jobs/queue-migrations';
import { queueSchemaFor } from '../../platform/jobs/queue-schema';
import { TestSetupError } from '../errors/test-setup.error';
import { OWN_OBJECT_NAMES_SQL, rewriteDumpForSchema } from './dump-rewriter';
import { isWorkerSchema, WORKER_SCHEMA_SQL_PATTERN, workerSchemaName } from './worker-schema-name';

const MARK_PREFIX = 'component-platform test worker schema; fingerprint ';

export interface WorkerSchemaOptions {
  /** Owner role: reads the catalog, runs pg_dump and the DDL. */
  ownerUrl: string;
  /** Role that gets DML on the worker schemas; null when it is the owner. */
  runtimeRole: string | null;
  workers: number;
  /** Of the migrations and the clone procedure: unchanged means the schemas are current. */
  fingerprint: string;
  pgDump: string;
  /** Brings `public` up to date; only called when some worker schema is rebuilt. */
  migrate: () => Promise<unknown>;
}

export interface WorkerSchemaReport {
  schemas: string[];
  rebuilt: string[];
}

/**
 * Makes `test_1` … `test_N` exact copies of the migrated `public` schema:
 * one `pg_dump --schema-only`, rewritten per target and applied to all
 * targets in parallel, each in one transaction. Schemas whose mark carries the
 * current fingerprint are left alone, so a warm run costs one catalog query.
 */
export async function prepareWorkerSchemas(client: Client, options: WorkerSchemaOptions): Promise<WorkerSchemaReport> {
  const schemas = Array.from({ length: options.workers }, (_, i) => workerSchemaName(i + 1));
  const marks = await readMarks(client);
  const stale = schemas.filter((schema) => marks.get(schema) !== MARK_PREFIX + options.fingerprint);
  if (stale.length === 0) return { schemas, rebuilt: [] };

  await refuseForeignSchemas(client, stale, marks);
  await options.migrate();
  const dump = await runPgDump(options.pgDump, options.ownerUrl);
  const { rows } = await client.query<{ name: string }>(OWN_OBJECT_NAMES_SQL, ['public']);
  const ownNames = new Set(rows.map((row) => row.name));

  await Promise.all(stale.map((schema) => applyClone(options.ownerUrl, cloneScript(dump, schema, ownNames, options), schema)));
  await Promise.all(stale.map((schema) => rebuildQueueSchema(options, schema)));
  return { schemas, rebuilt: stale };
}

/**
 * `test_<k>_jobs`, the job queue of `test_<k>` (queueSchemaFor): dropped and
 * built by graphile-worker's migrations whenever its worker schema is rebuilt,
 * with DML for the runtime role (functions are executable by everyone).
 */
async function rebuildQueueSchema(options: WorkerSchemaOptions, schema: string): Promise<void> {
  if (!isWorkerSchema(schema)) throw new Error(`refusing to rebuild the queue of "${schema}": only test_<k> schemas are rebuilt`);
  const queue = queueSchemaFor(schema);
  const client = new Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${queue} CASCADE`);
    await migrateJobQueue(options.ownerUrl, queue);
    if (options.runtimeRole) {
      await client.query(queueRuntimeGrants(queue, options.runtimeRole));
    }
  } catch (error) {
    throw new Error(`building the job queue schema ${queue} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end();
  }
}

async function readMarks(client: Client): Promise<Map<string, string | null>> {
  const { rows } = await client.query<{ name: string; mark: string | null }>(
    `SELECT nspname AS name, obj_description(oid, 'pg_namespace') AS mark FROM pg_namespace WHERE nspname ~ $1`,
    [WORKER_SCHEMA_SQL_PATTERN],
  );
  return new Map(rows.map((row) => [row.name, row.mark]));
}

/** A `test_<k>` schema this setup did not create is somebody's: never drop it. */
async function refuseForeignSchemas(client: Client, stale: string[], marks: Map<string, string | null>): Promise<void> {
  for (const schema of stale) {
    if (!marks.has(schema) || marks.get(schema)?.startsWith(MARK_PREFIX)) continue;
    // Every object created in a schema (table, view, sequence, type, function, …)
    // depends on it; indexes and row types depend on their table instead.
    const { rows } = await client.query<{ objects: number }>(
      `SELECT count(*)::int AS objects FROM pg_depend d JOIN pg_namespace n ON n.oid = d.refobjid
       WHERE d.refclassid = 'pg_namespace'::regclass AND d.deptype = 'n' AND n.nspname = $1`,
      [schema],
    );
    if (rows[0].objects > 0) {
      throw new TestSetupError(
        `schema ${schema} exists with ${rows[0].objects} objects but was not created by the test setup, so it is not dropped; rename or drop it yourself, or use another database for tests`,
      );
    }
  }
}

function cloneScript(dump: string, schema: string, ownNames: ReadonlySet<string>, options: WorkerSchemaOptions): string {
  if (!isWorkerSchema(schema)) throw new Error(`refusing to rebuild "${schema}": only test_<k> schemas are rebuilt`);
  const grants = options.runtimeRole
    ? [
        `GRANT USAGE ON SCHEMA ${schema} TO "${options.runtimeRole}";`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO "${options.runtimeRole}";`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO "${options.runtimeRole}";`,
      ]
    : [];
  return [
    'BEGIN;',
    `DROP SCHEMA IF EXISTS ${schema} CASCADE;`,
    `CREATE SCHEMA ${schema};`,
    rewriteDumpForSchema(dump, 'public', schema, ownNames),
    ...grants,
    `COMMENT ON SCHEMA ${schema} IS '${MARK_PREFIX}${options.fingerprint}';`,
    'COMMIT;',
  ].join('\n');
}

async function applyClone(url: string, script: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(script);
  } catch (error) {
    throw new Error(`cloning public into ${schema} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end();
  }
}

/** The one `pg_dump` the clones are made from: `public`'s definitions, without owners, grants or Prisma's bookkeeping table. */
export function pgDumpArgs(url: string): string[] {
  return [
    '--schema-only',
    '--schema=public',
    '--no-owner',
    '--no-privileges',
    '--exclude-table=public._prisma_migrations',
    `--dbname=${url}`,
  ];
}

async function runPgDump(pgDump: string, url: string): Promise<string> {
  const { code, stdout, output } = await runCommand(pgDump, pgDumpArgs(url));
  if (code !== 0) throw new TestSetupError(`${pgDump} exited with code ${code}: ${output.trim()}`);
  return stdout;
}
