import { join } from 'node:path';
import { runMigrateDeploy } from '../migration/migrate-deploy';
import { EmbeddedDatabase, startEmbeddedCluster } from './embedded-cluster';

/** Where the app's embedded cluster lives; tests use their own (see jest.globalSetup.ts). */
export const APP_CLUSTER_ROOT = join(process.cwd(), '.data', 'dev');

/**
 * The no-configuration default: start (or attach to) the embedded cluster under
 * `.data/dev`, apply pending migrations as the owner role, and return the
 * runtime role's URL for the app.
 */
export async function provisionEmbeddedDatabase(log: (line: string) => void): Promise<EmbeddedDatabase> {
  const cluster = await startEmbeddedCluster({ root: APP_CLUSTER_ROOT, durability: 'durable', log });
  try {
    await runMigrateDeploy(cluster.ownerUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  log(`embedded PostgreSQL ready on 127.0.0.1:${cluster.state.port}, data in ${APP_CLUSTER_ROOT}`);
  return cluster;
}
