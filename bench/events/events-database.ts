import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedCluster } from '../../src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../src/database/migration/migrate-deploy';
import type { Stoppable } from '../load/teardown';

/**
 * The events bench's own embedded PostgreSQL under `.data/bench-events`,
 * migrated as the app's database. Disposable (fsync and full-page writes
 * off), as the queries bench's: the figures are what the queues and the
 * platform cost, not how fast this machine's disk flushes a commit (with
 * fsync on, every one-job transaction also waits for that flush).
 */
export class EventsDatabase implements Stoppable {
  readonly name = 'the embedded PostgreSQL under .data/bench-events';

  private constructor(private readonly cluster: EmbeddedDatabase) {}

  static async start(projectRoot: string, log: (line: string) => void): Promise<EventsDatabase> {
    const root = join(projectRoot, '.data', 'bench-events');
    const cluster = await startEmbeddedCluster({ root, durability: 'disposable', log });
    if (!cluster.startedHere) {
      throw new Error(
        `the PostgreSQL under ${root} is already running for another process (another \`npm run bench:events\`?); wait for it to end, or stop it with pg_ctl -D ${join(root, 'postgres')} stop`,
      );
    }
    try {
      // runMigrateDeploy reads prisma/migrations and prisma.config.ts from the working directory (the entry chdirs there).
      if (await runMigrateDeploy(cluster.ownerUrl)) log('applied pending migrations to the database under .data/bench-events');
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return new EventsDatabase(cluster);
  }

  get ownerUrl(): string {
    return this.cluster.ownerUrl;
  }

  get runtimeUrl(): string {
    return this.cluster.runtimeUrl;
  }

  async stop(): Promise<void> {
    await this.cluster.stop();
  }

  kill(): void {
    this.cluster.stopSync();
  }

  async asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.ownerUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async describe(): Promise<string> {
    const version = await this.asOwner((client) => client.query<{ server_version: string }>('SHOW server_version'));
    return `PostgreSQL ${version.rows[0].server_version} (embedded, disposable: fsync off)`;
  }
}
