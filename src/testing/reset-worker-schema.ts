import { PrismaService } from '../database/runtime/prisma.service';
import { queueSchemaFor } from '../platform/jobs/queue-schema';
import { isWorkerSchema } from './worker-schemas/worker-schema-name';

/**
 * Deletes every row of this worker's schema. Never touches `public` or
 * anything but `test_<k>`.
 *
 * Two statements, chosen by measurement (`npm run bench:reset`, figures in
 * docs/performance.md: with 500 tables about 3 ms per test, against about
 * 45 ms for the earlier one DELETE per table, child first):
 *
 * 1. Which tables may hold rows: those whose main fork has at least one page
 *    (`pg_relation_size > 0`). A table never written since the schema was
 *    cloned has none, so the tables of the components a test did not touch
 *    cost a file-size lookup each (a few µs) and get no DELETE. Once written,
 *    a table keeps its pages after its rows are deleted, until autovacuum
 *    truncates it, and stays a candidate, which is harmless. An `EXISTS`
 *    probe per table would be exact but costs as much as the DELETE itself:
 *    both plan and lock the table, about 25 µs each. `relkind = 'r'` covers
 *    plain tables and partitions; a partitioned table has no storage.
 * 2. One DELETE per candidate, all in one statement (data-modifying `WITH`).
 *    PostgreSQL checks foreign keys at the end of the statement, even
 *    non-deferrable `ON DELETE RESTRICT` ones, so the order does not matter
 *    and foreign-key cycles and self-references empty like any other table.
 *
 * Doing both in one `DO` block saves a round trip (0.3 ms on a small schema,
 * nothing measurable on a large one) but needs PL/pgSQL for the runtime role
 * and buries errors in its context lines; deleting from every table in one
 * statement is 0.7 ms faster on a 50-table schema, and grows by 25 µs a table.
 *
 * Not TRUNCATE: the runtime role the tests connect as may only
 * SELECT/INSERT/UPDATE/DELETE, as in production (and TRUNCATE rewrites files,
 * slower on small tables). Not `session_replication_role` either, which needs
 * a superuser. Nothing is cached, so tables a test creates as fixtures are
 * emptied as well.
 *
 * The worker's job queue (`test_<k>_jobs`) is emptied with it: its jobs,
 * queues, known crontabs and event outbox; never its `migrations` or `_private_tasks` (task
 * ids a runner may have cached).
 *
 * Known limit: rows that a DELETE trigger writes into a table of the schema
 * are written after that table was emptied, and stay.
 */
export async function resetWorkerSchema(prisma: PrismaService): Promise<void> {
  const schema = prisma.config.schema;
  if (!isWorkerSchema(schema)) {
    throw new Error(
      `resetWorkerSchema refuses schema "${schema}": it only empties Jest worker schemas (test_<k>); is this running outside \`npm test\`?`,
    );
  }
  const candidates = await prisma.$queryRaw<{ name: string }[]>`
    SELECT format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND pg_relation_size(c.oid) > 0
      AND ((n.nspname = ${schema} AND c.relname <> '_prisma_migrations')
        OR (n.nspname = ${queueSchemaFor(schema)} AND c.relname IN ('_private_jobs', '_private_job_queues', '_private_known_crontabs', 'event_outbox')))`;
  if (candidates.length > 0) await prisma.$executeRawUnsafe(deleteAllInOneStatement(candidates.map((table) => table.name)));
}

/**
 * `WITH d1 AS (DELETE FROM a), d2 AS (DELETE FROM b) DELETE FROM c`: every
 * sub-statement runs to completion even though nothing reads it.
 * `tables` are already quoted and schema-qualified.
 */
export function deleteAllInOneStatement(tables: readonly string[]): string {
  const [last, ...others] = tables;
  const withClause = others.length > 0 ? `WITH ${others.map((table, i) => `d${i + 1} AS (DELETE FROM ${table})`).join(', ')} ` : '';
  return `${withClause}DELETE FROM ${last}`;
}
