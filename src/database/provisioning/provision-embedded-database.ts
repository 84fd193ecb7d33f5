import { APP_CLUSTER_ROOT } from '../embedded/app-cluster-root';
import { restoreRuntimeGrants } from '../embedded/cluster-roles';
import { EmbeddedDatabase, startEmbeddedCluster } from '../embedded/embedded-cluster';
import { runMigrateDeploy } from '../migration/migrate-deploy';
import type { ComponentSeedEntry } from '../runtime/component-seed';
import { seedDatabase } from '../seeding/seed-database';
import { noticeUnmigratedSchema } from './unmigrated-schema-notice';

export interface ProvisionOptions {
  /** The cluster's folder; default `.data/dev` of the working directory (tests pass a project copy's). */
  root?: string;
  /** Lines worth attention (the schema changed since the last migration, a failed seed); default: `log`. */
  warn?: (line: string) => void;
  /** Every component's seed, in dependsOn order: asked for, and run, only on a brand-new database. */
  seeds?: () => readonly ComponentSeedEntry[];
  /**
   * Whether to compare the component schemas with prisma/migrations (and warn)
   * before returning; default true. `npm start` passes false and runs
   * {@link noticeUnmigratedSchema} once it listens: uncached (a fresh clone,
   * an edited schema) the comparison is a Prisma CLI run of one to two
   * seconds, and its answer is only ever a warning.
   */
  compareSchema?: boolean;
}

/**
 * The no-configuration default: start (or attach to) the embedded cluster under
 * `.data/dev`, restore the runtime role's grants (see restoreRuntimeGrants),
 * apply pending migrations as the owner role, warn in one line
 * when a component schema changed since the last migration (unless the caller
 * does that itself, see {@link ProvisionOptions.compareSchema}), seed a brand-new
 * database once with every component's example data, and return the cluster
 * (its runtime role's URL is the app's).
 */
export async function provisionEmbeddedDatabase(
  log: (line: string) => void,
  { root = APP_CLUSTER_ROOT, warn = log, seeds = () => [], compareSchema = true }: ProvisionOptions = {},
): Promise<EmbeddedDatabase> {
  const cluster = await startEmbeddedCluster({ root, durability: 'durable', log });
  try {
    await restoreRuntimeGrants(cluster.state);
    await runMigrateDeploy(cluster.ownerUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  if (compareSchema) await noticeUnmigratedSchema(cluster.ownerUrl, warn);
  if (cluster.isNew) await seedOnce(cluster, seeds, log, warn);
  log(`embedded PostgreSQL ready on 127.0.0.1:${cluster.state.port}, data in ${root}`);
  return cluster;
}

/** A new database gets example data once; an existing one is never re-seeded. A failing seed does not stop the start. */
async function seedOnce(
  cluster: EmbeddedDatabase,
  loadSeeds: () => readonly ComponentSeedEntry[],
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<void> {
  try {
    const seeds = loadSeeds();
    if (seeds.length > 0) await seedDatabase(cluster.ownerUrl, 'public', seeds, log);
    cluster.settle();
  } catch (error) {
    warn(`${(error as Error).message} (the next start tries again)`);
  }
}
