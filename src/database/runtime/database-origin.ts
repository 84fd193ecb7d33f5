import { relative } from 'node:path';
import { describeDatabase } from './database-config';

/**
 * Where the app's database came from, for the messages that tell a user what
 * to fix: main.ts records the embedded cluster it provisioned (DATABASE_URL
 * unset), so such a message names that cluster, not a DATABASE_URL the user
 * never set. Unset: the database is the one DATABASE_URL names.
 */
let embeddedClusterRoot: string | undefined;

/** Called by main.ts once it has provisioned the embedded cluster under `root` and pointed DATABASE_URL at it. */
export function recordEmbeddedDatabase(root: string): void {
  embeddedClusterRoot = root;
}

/** Why the app's role may not use `schema`, and what to do about it, for the database it was given. */
export function unusableSchemaMessage(url: string, schema: string): string {
  const database = describeDatabase(url);
  if (embeddedClusterRoot === undefined) {
    return `the role of DATABASE_URL may not use schema "${schema}" of the database ${database}; GRANT USAGE ON SCHEMA ${schema} (and DML on its tables) to that role`;
  }
  const role = decodeURIComponent(new URL(url).username);
  const where = `the embedded PostgreSQL in ${relative(process.cwd(), embeddedClusterRoot) || embeddedClusterRoot} (${database}, started because DATABASE_URL is unset)`;
  if (schema === 'public') {
    return `the app's role ${role} may not use schema "public" of ${where}: the schema was recreated without its grant; stop the app and start it again (every start restores the grant), or delete that folder to start over`;
  }
  return `the app's role ${role} may not use schema "${schema}" (DATABASE_SCHEMA) of ${where}; as the owner, GRANT USAGE ON SCHEMA ${schema} TO ${role}, or remove DATABASE_SCHEMA to use public`;
}
