import { Client } from 'pg';

/**
 * Empties `public` of the disposable embedded test cluster so migrations can
 * be applied from scratch (after a migration was edited, or a branch switch).
 * Only called for `.data/test`, never for a configured database.
 */
export async function resetPublicSchema(ownerUrl: string, runtimeRole: string | null): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`
      BEGIN;
      DROP SCHEMA public CASCADE;
      CREATE SCHEMA public;
      REVOKE ALL ON SCHEMA public FROM PUBLIC;
      ${runtimeRole ? `GRANT USAGE ON SCHEMA public TO ${client.escapeIdentifier(runtimeRole)};` : ''}
      COMMIT;`);
  } finally {
    await client.end();
  }
}
