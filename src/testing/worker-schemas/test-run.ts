import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedCluster } from '../../database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../database/migration/migrate-deploy';
import { MigrationDriftError } from '../../platform/errors/migration-drift.error';
import { describeDatabase } from '../../database/runtime/database-config';
import { migrationsDir as defaultMigrationsDir } from '../../database/runtime/migration-history';
import { migrationsFingerprint } from './migrations-fingerprint';
import { locatePgDump } from './pg-dump-locator';
import { ensureTestDatabase } from './test-database-guard';
import { acquireTestRunLock } from './test-run-lock';
import { resetPublicSchema } from './reset-public-schema';
import { prepareWorkerSchemas, WorkerSchemaReport } from './worker-schemas';

export interface TestRunOptions {
  workers: number;
  projectRoot: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Default `<root>/.data/test`. */
  clusterRoot?: string;
  /** Default `<root>/prisma/migrations`. */
  migrationsDir?: string;
  /** Default: the Prisma CLI's `migrate deploy` when something is pending. */
  migrate?: (ownerUrl: string) => Promise<unknown>;
}

export interface TestRun {
  runtimeUrl: string;
  ownerUrl: string;
  database: string;
  report: WorkerSchemaReport;
  /** Releases the run lock; stops the embedded cluster if this run started it and nobody else uses it. */
  finish(): Promise<void>;
}

/**
 * Everything a test run needs before the first test: a database (the
 * configured one, else an embedded cluster of its own), the run lock,
 * `public` migrated, and one cloned schema per worker.
 */
export async function startTestRun(options: TestRunOptions): Promise<TestRun> {
  const { env, projectRoot } = options;
  let cluster: EmbeddedDatabase | undefined;
  let ownerUrl = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
  let runtimeUrl = env.DATABASE_URL || ownerUrl;
  if (!ownerUrl || !runtimeUrl) {
    cluster = await startEmbeddedCluster({ root: options.clusterRoot ?? join(projectRoot, '.data', 'test'), durability: 'disposable' });
    ownerUrl = cluster.ownerUrl;
    runtimeUrl = cluster.runtimeUrl;
  }

  const lock = new Client({ connectionString: ownerUrl });
  const finish = async () => {
    await lock.end().catch(() => undefined);
    if (cluster && !(await othersConnected(ownerUrl))) await cluster.stop();
  };
  try {
    await lock.connect();
    await acquireTestRunLock(lock, options.log);
    // The embedded test cluster is a test database by construction.
    if (!cluster) await ensureTestDatabase(lock);
    const { rows } = await lock.query<{ major: number }>(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
    const pgDump = locatePgDump(rows[0].major, env);
    const migrationsDir = options.migrationsDir ?? defaultMigrationsDir(projectRoot);
    const runtimeUser = decodeURIComponent(new URL(runtimeUrl).username);
    const runtimeRole = runtimeUser === decodeURIComponent(new URL(ownerUrl).username) ? null : runtimeUser;
    const migrate =
      options.migrate ??
      (async (url: string) => {
        try {
          return await runMigrateDeploy(url, migrationsDir);
        } catch (error) {
          // The embedded test cluster is disposable: rebuild public from the
          // migrations as they are now. A configured database is reported.
          if (!(error instanceof MigrationDriftError) || !cluster) throw error;
          options.log(`${error.message.split(';')[0]}; rebuilding public in the embedded test database`);
          await resetPublicSchema(url, runtimeRole);
          return runMigrateDeploy(url, migrationsDir);
        }
      });
    const report = await prepareWorkerSchemas(lock, {
      ownerUrl,
      runtimeRole,
      workers: options.workers,
      fingerprint: migrationsFingerprint(migrationsDir),
      pgDump: pgDump.path,
      migrate: () => migrate(ownerUrl),
    });
    return { runtimeUrl, ownerUrl, database: describeDatabase(runtimeUrl), report, finish };
  } catch (error) {
    await finish();
    throw error;
  }
}

/** Whether a client other than this probe is connected (another run waiting, a developer's psql). */
async function othersConnected(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    const { rows } = await probe.query<{ others: number }>(
      `SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return rows[0].others > 0;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}
