import { Client } from 'pg';
import { TestSetupError } from '../errors/test-setup.error';
import { WORKER_SCHEMA_SQL_PATTERN } from './worker-schema-name';

export const TEST_DATABASE_MARK = 'component-platform: test database (worker schemas test_<k> are rebuilt by jest.globalSetup.ts)';

/**
 * Refuses a database the app uses for real data: any row in any table outside
 * the worker schemas (`test_<k>`) and Prisma's migration table. Tests write
 * only into worker schemas, so a test database passes on every run; the check
 * is repeated every time, because a marked database can fill up later. An
 * accepted database is marked (a comment) so people can tell what it is for.
 */
export async function ensureTestDatabase(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string; mark: string | null }>(
    `SELECT current_database() AS name, shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()`,
  );
  const { name, mark } = rows[0];
  const tables = await client.query<{ name: string }>(
    `
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname !~ '^(pg_|information_schema$)' AND n.nspname !~ $1
      AND NOT (n.nspname = 'public' AND c.relname = '_prisma_migrations')`,
    [WORKER_SCHEMA_SQL_PATTERN],
  );
  const withRows: string[] = [];
  for (const { name: table } of tables.rows) {
    const { rows: probe } = await client.query<{ has_rows: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS has_rows`);
    if (probe[0].has_rows) withRows.push(table);
  }
  if (withRows.length > 0) {
    throw new TestSetupError(
      `refusing to run tests against database "${name}": it holds data (${withRows.slice(0, 3).join(', ')}${withRows.length > 3 ? ', …' : ''}), so it may be somebody's real data; unset DATABASE_URL to use the embedded test database, or point DATABASE_URL/MIGRATION_DATABASE_URL at an empty database of its own (e.g. ${name}_test)`,
    );
  }
  if (mark === TEST_DATABASE_MARK) return;
  await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(name)} IS ${client.escapeLiteral(TEST_DATABASE_MARK)}`);
}
