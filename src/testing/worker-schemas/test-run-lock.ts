import { Client } from 'pg';

/** One key for every test run of this project against a database. */
const TEST_RUN_LOCK = 'component-platform:test-run';

/**
 * Serialises whole test runs against one database: two `npm test` at the same
 * moment would otherwise rebuild or reset the same worker schemas under each
 * other. A session lock, held by the setup's connection until teardown closes
 * it (or the process dies, which closes it too).
 */
export async function acquireTestRunLock(client: Client, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [TEST_RUN_LOCK]);
  if (rows[0].locked) return;
  log('another test run is using this database; waiting for it to finish');
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [TEST_RUN_LOCK]);
}
