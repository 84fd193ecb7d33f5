import { join } from 'node:path';
import { DatabaseSchemaPlugin } from './build/database-schema-plugin';
import { startEmbeddedCluster } from './src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from './src/database/migration/migrate-deploy';

/**
 * Provisions the test database once per run: `DATABASE_URL` (and
 * `MIGRATION_DATABASE_URL`) when set, else an embedded cluster of its own under
 * `.data/test`, so a test run never touches the app's data in `.data/dev`.
 * Workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  // Tests import the generated client: collect component schemas and generate
  // it when stale, exactly as the build does, so `npm test` works on a fresh clone.
  const schema = await new DatabaseSchemaPlugin().run({ info: () => undefined });
  if (schema.errors.length > 0) throw new Error(schema.errors.join('\n'));

  let migrationUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!migrationUrl) {
    const cluster = await startEmbeddedCluster({ root: join(process.cwd(), '.data', 'test'), durability: 'disposable' });
    (globalThis as { testCluster?: typeof cluster }).testCluster = cluster;
    process.env.DATABASE_URL = cluster.runtimeUrl;
    process.env.MIGRATION_DATABASE_URL = migrationUrl = cluster.ownerUrl;
  }
  const applied = await runMigrateDeploy(migrationUrl);
  console.log(`\ntest database ready (${applied ? 'migrations applied' : 'up to date'}) in ${Date.now() - started} ms`);
}
