import { Client } from 'pg';
import { ClusterState, connectionUrl } from './cluster-state';

/**
 * Creates the two roles of the embedded cluster and the application database:
 * an owner that runs migrations (and may create the shadow database of
 * `migrate dev`) and a runtime role limited to SELECT/INSERT/UPDATE/DELETE.
 * Default privileges cover every table and sequence the owner creates later,
 * in any schema, so new migrations and test schemas need no extra grants.
 */
export async function createRolesAndDatabase(state: ClusterState): Promise<void> {
  const { owner, runtime, database } = state;
  const admin = new Client({ connectionString: connectionUrl(state, state.superuser, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${owner.name} LOGIN CREATEDB PASSWORD '${owner.password}'`);
    await admin.query(`CREATE ROLE ${runtime.name} LOGIN PASSWORD '${runtime.password}'`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${owner.name}`);
  } finally {
    await admin.end();
  }

  const db = new Client({ connectionString: connectionUrl(state, state.superuser) });
  await db.connect();
  try {
    await db.query(`
      REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
      GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${runtime.name};
      REVOKE ALL ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${runtime.name};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.name} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime.name};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.name} GRANT USAGE, SELECT ON SEQUENCES TO ${runtime.name};
    `);
  } finally {
    await db.end();
  }
}
