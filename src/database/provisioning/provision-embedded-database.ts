import { APP_CLUSTER_ROOT } from '../embedded/app-cluster-root';
import { EmbeddedDatabase, startEmbeddedCluster } from '../embedded/embedded-cluster';
import { runMigrateDeploy } from '../migration/migrate-deploy';
import { noticeUnmigratedSchema } from './unmigrated-schema-notice';

/**
 * The no-configuration default: start (or attach to) the embedded cluster under
 * `.data/dev`, apply pending migrations as the owner role, warn in one line
 * when a component schema changed since the last migration, and return the
 * runtime role's URL for the app.
 */
export async function provisionEmbeddedDatabase(log: (line: string) => void, warn = log): Promise<EmbeddedDatabase> {
  const cluster = await startEmbeddedCluster({ root: APP_CLUSTER_ROOT, durability: 'durable', log });
  try {
    await runMigrateDeploy(cluster.ownerUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  await noticeUnmigratedSchema(cluster.ownerUrl, warn);
  log(`embedded PostgreSQL ready on 127.0.0.1:${cluster.state.port}, data in ${APP_CLUSTER_ROOT}`);
  return cluster;
}
