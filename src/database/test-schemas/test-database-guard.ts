import { Client } from 'pg';
import { TestSetupError } from './test-setup-error';

export const TEST_DATABASE_MARK = 'component-platform: test database (worker schemas test_<k> are rebuilt by jest.globalSetup.ts)';

/**
 * Refuses a database the app uses for real data. A database is accepted when
 * an earlier test run marked it, or when its public tables are all empty, in
 * which case it is marked now. The test setup only migrates `public` and
 * rebuilds `test_<k>` schemas, but a developer's database is not the place.
 */
export async function ensureTestDatabase(client: Client): Promise<void> {
  const { rows } = await client.query(`SELECT current_database() AS name, shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()`);
  const { name, mark } = rows[0] as { name: string; mark: string | null };
  if (mark === TEST_DATABASE_MARK) return;

  const tables = await client.query(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`);
  const withRows: string[] = [];
  for (const { name: table } of tables.rows as { name: string }[]) {
    const { rows: probe } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${table}) AS has_rows`);
    if (probe[0].has_rows) withRows.push(table);
  }
  if (withRows.length > 0) {
    throw new TestSetupError(
      `refusing to run tests against database "${name}": it holds data (${withRows.slice(0, 3).join(', ')}${withRows.length > 3 ? ', …' : ''}) and was never marked as a test database; unset DATABASE_URL to use the embedded test database, or point DATABASE_URL/MIGRATION_DATABASE_URL at an empty database of its own (e.g. ${name}_test)`,
    );
  }
  await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(name)} IS ${client.escapeLiteral(TEST_DATABASE_MARK)}`);
}
