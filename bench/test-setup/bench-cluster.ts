import { join } from 'node:path';
import { Client } from 'pg';
import { connectionUrl } from '../../src/database/embedded/cluster-state';
import { EmbeddedDatabase, startEmbeddedCluster } from '../../src/database/embedded/embedded-cluster';

export interface BenchDatabase {
  name: string;
  /** Owner role (`app_owner`): migrations, pg_dump, DDL. */
  ownerUrl: string;
  /** Runtime role: what a test run's DATABASE_URL would be. */
  runtimeUrl: string;
}

/** The bench's own cluster under `.data/bench`, never `.data/dev` or `.data/test`. */
export function startBenchCluster(projectRoot: string): Promise<EmbeddedDatabase> {
  return startEmbeddedCluster({ root: join(projectRoot, '.data', 'bench'), durability: 'disposable' });
}

/** Drops and creates `name`, owned by the cluster's owner role, so every bench run starts from the same state. */
export async function recreateDatabase(cluster: EmbeddedDatabase, name: string): Promise<BenchDatabase> {
  if (!/^bench_[a-z_]+$/.test(name)) throw new Error(`refusing to recreate "${name}": the bench only owns bench_* databases`);
  const { state } = cluster;
  const admin = new Client({ connectionString: connectionUrl(state, state.superuser, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${state.owner.name}`);
  } finally {
    await admin.end();
  }
  return { name, ownerUrl: connectionUrl(state, state.owner, name), runtimeUrl: connectionUrl(state, state.runtime, name) };
}

/** Runs SQL as the owner; for untimed preparation and cleanup. */
export async function asOwner<T>(db: BenchDatabase, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops every `test_<k>` schema, so the next step starts without worker schemas. */
export async function dropWorkerSchemas(db: BenchDatabase): Promise<void> {
  await asOwner(db, async (client) => {
    const { rows } = await client.query(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^test_[0-9]+$'`);
    for (const { nspname } of rows as { nspname: string }[]) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
  });
}
