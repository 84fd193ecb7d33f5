import { startEmbeddedCluster } from '../embedded/embedded-cluster';
import { APP_CLUSTER_ROOT } from '../embedded/app-cluster-root';

/**
 * The connection string the Prisma CLI migrates with: the configured one
 * (`MIGRATION_DATABASE_URL`, the owner role, else `DATABASE_URL`), else the embedded cluster's
 * owner, started for the duration of the command if it is not running.
 */
export async function migrationDatabaseUrl(configured: string | undefined): Promise<string> {
  if (configured) return configured;

  const cluster = await startEmbeddedCluster({
    root: APP_CLUSTER_ROOT,
    durability: 'durable',
    log: (line) => process.stderr.write(`embedded PostgreSQL: ${line}\n`),
  });
  // The CLI exits with process.exit(); only synchronous work runs then.
  process.on('exit', () => cluster.stopSync());
  return cluster.ownerUrl;
}
