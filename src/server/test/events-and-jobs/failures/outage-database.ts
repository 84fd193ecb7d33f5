import { Client } from 'pg';
import { LoadDatabase } from '../../../../../bench/load/load-database';
import type { WorkerSchemaFixtureSql } from '../../../../testing/worker-schema-fixture';

/**
 * A PostgreSQL of the outage test's own, under `.data/test-jobs-outage`
 * (created on first use, migrated like a deployment: Prisma's migrations and
 * the job queue's), so the test may stop the server under a running app
 * without touching the cluster every other Jest worker uses. The load
 * bench's outage scenario does the same with its own cluster (LoadDatabase).
 */
export async function startOutageDatabase(log: (line: string) => void = () => undefined): Promise<LoadDatabase> {
  return LoadDatabase.start(process.cwd(), log, {
    folder: 'test-jobs-outage',
    command: 'JEST_WORKERS=1 npx jest src/server/test/events-and-jobs/failures',
  });
}

/** Creates a fixture's tables in `public` of that cluster, as createWorkerSchemaFixture does in a worker schema. */
export async function createFixtureTables(database: LoadDatabase, fixtures: WorkerSchemaFixtureSql[]): Promise<void> {
  const owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    const runtimeRole = owner.escapeIdentifier(database.state.runtime.name);
    for (const sql of fixtures) await owner.query(`${sql.drop};\n${sql.create}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${runtimeRole}`);
  } finally {
    await owner.end();
  }
}
