import { Client } from 'pg';
import { ClusterState, connectionUrl } from './cluster-state';

/**
 * Creates the two roles of the embedded cluster and the application database:
 * an owner that runs migrations (and may create the shadow database of
 * `migrate dev`) and a runtime role limited to SELECT/INSERT/UPDATE/DELETE.
 * Default privileges cover every schema, table and sequence the owner creates
 * later, so new migrations and test schemas need no extra grants.
 */
export async function createRolesAndDatabase(state: ClusterState): Promise<void> {
  const { owner, runtime, database } = state;
  const admin = new Client({ connectionString: connectionUrl(state, state.superuser, 'postgres') });
  await admin.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- CREATE ROLE/DATABASE and GRANT take no parameters; the names and generated hex passwords are this local cluster's own, never input
    await admin.query(`CREATE ROLE ${owner.name} LOGIN CREATEDB PASSWORD '${owner.password}'`);
    // eslint-disable-next-line no-restricted-syntax -- CREATE ROLE/DATABASE and GRANT take no parameters; the names and generated hex passwords are this local cluster's own, never input
    await admin.query(`CREATE ROLE ${runtime.name} LOGIN PASSWORD '${runtime.password}'`);
    // eslint-disable-next-line no-restricted-syntax -- CREATE ROLE/DATABASE and GRANT take no parameters; the names and generated hex passwords are this local cluster's own, never input
    await admin.query(`CREATE DATABASE ${database} OWNER ${owner.name}`);
  } finally {
    await admin.end();
  }

  const db = new Client({ connectionString: connectionUrl(state, state.superuser) });
  await db.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- CREATE ROLE/DATABASE and GRANT take no parameters; the names and generated hex passwords are this local cluster's own, never input
    await db.query(`
      REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
      GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${runtime.name};
      REVOKE ALL ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${runtime.name};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.name} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime.name};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.name} GRANT USAGE, SELECT ON SEQUENCES TO ${runtime.name};
      ${RUNTIME_USES_OWNERS_SCHEMAS(owner.name, runtime.name)};
    `);
  } finally {
    await db.end();
  }
}

/**
 * `prisma migrate reset` (and `migrate dev` when it must reset) runs
 * `DROP SCHEMA public CASCADE; CREATE SCHEMA public` as the owner, and the
 * `GRANT USAGE ON SCHEMA public` above goes with the dropped schema. Default
 * privileges are kept in the database's catalog (pg_default_acl), not in the
 * schema, so they survive the drop and grant USAGE on the new `public` the
 * moment the owner creates it, with no step to remember afterwards (nor a
 * restart, when the reset ran while the app was up). Re-granting after a
 * reset instead would need a hook in every path that drops the schema
 * (the CLI, a hand-written DROP SCHEMA), and would miss the ones nobody
 * thought of.
 */
const RUNTIME_USES_OWNERS_SCHEMAS = (owner: string, runtime: string) =>
  `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT USAGE ON SCHEMAS TO ${runtime}`;

/**
 * Brings a cluster created before {@link RUNTIME_USES_OWNERS_SCHEMAS} up to
 * date, as the owner (idempotent; one round trip): adds that default
 * privilege, and gives back USAGE on `public` when a reset by an earlier
 * version of this project lost it. `npm start` runs it on every start.
 */
export async function restoreRuntimeGrants(state: ClusterState): Promise<void> {
  const { owner, runtime } = state;
  const db = new Client({ connectionString: connectionUrl(state, owner) });
  await db.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- CREATE ROLE/DATABASE and GRANT take no parameters; the names and generated hex passwords are this local cluster's own, never input
    await db.query(`${RUNTIME_USES_OWNERS_SCHEMAS(owner.name, runtime.name)}; GRANT USAGE ON SCHEMA public TO ${runtime.name};`);
  } finally {
    await db.end();
  }
}
