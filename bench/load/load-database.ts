import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { ClusterState } from '../../src/database/embedded/cluster-state';
import { connectionUrl } from '../../src/database/embedded/cluster-state';
import { EmbeddedDatabase, startEmbeddedCluster } from '../../src/database/embedded/embedded-cluster';
import { runMigrateDeploy } from '../../src/database/migration/migrate-deploy';
import type { Stoppable } from './teardown';

/** Every title the load writes starts with this, so its rows are found (and removed) by prefix. */
export const LOAD_TITLE_PREFIX = 'load-';

/** Which script owns a cluster: its folder under `.data/` and the command named in messages. */
export interface LoadDatabaseOwner {
  folder: string;
  command: string;
}

const LOAD_OWNER: LoadDatabaseOwner = { folder: 'load', command: 'npm run load' };

/**
 * The load's own embedded PostgreSQL under `.data/load`, durable like a real
 * deployment (fsync on), never the developer's `.data/dev` or the tests'
 * `.data/test`. The script owns it, so the outage scenario can stop and
 * start it under the running app. Other benchmarks pass an owner of their
 * own (e.g. `.data/bench-pages`), so two scripts never share a cluster.
 */
export class LoadDatabase implements Stoppable {
  readonly name: string;

  private constructor(
    private readonly root: string,
    private cluster: EmbeddedDatabase,
    private readonly log: (line: string) => void,
    folder: string,
  ) {
    this.name = `the embedded PostgreSQL under .data/${folder}`;
  }

  /** Starts (creating on first use) and migrates the cluster; refuses one that another process is running. */
  static async start(projectRoot: string, log: (line: string) => void, owner: LoadDatabaseOwner = LOAD_OWNER): Promise<LoadDatabase> {
    const root = join(projectRoot, '.data', owner.folder);
    const cluster = await startEmbeddedCluster({ root, durability: 'durable', log });
    if (!cluster.startedHere) {
      throw new Error(
        `the PostgreSQL under ${root} is already running for another process (another \`${owner.command}\`?); wait for it to end, or stop it with pg_ctl -D ${join(root, 'postgres')} stop`,
      );
    }
    const database = new LoadDatabase(root, cluster, log, owner.folder);
    try {
      // runMigrateDeploy reads prisma/migrations and prisma.config.ts from the working directory (the entry chdirs there).
      if (await runMigrateDeploy(cluster.ownerUrl)) log(`applied pending migrations to the database under .data/${owner.folder}`);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return database;
  }

  get state(): ClusterState {
    return this.cluster.state;
  }

  get ownerUrl(): string {
    return this.cluster.ownerUrl;
  }

  get runtimeUrl(): string {
    return this.cluster.runtimeUrl;
  }

  get superuserUrl(): string {
    return this.cluster.superuserUrl;
  }

  async stop(): Promise<void> {
    await this.cluster.stop();
  }

  kill(): void {
    this.cluster.stopSync();
  }

  /** `pg_ctl stop -m fast`: sessions are ended, open transactions rolled back, the server shuts down cleanly. */
  async stopServer(): Promise<void> {
    await this.cluster.stop();
  }

  /** Starts the server again on the same port, which the running app still points at. */
  async startServer(): Promise<void> {
    const port = this.cluster.state.port;
    const cluster = await startEmbeddedCluster({ root: this.root, durability: 'durable', log: this.log });
    this.cluster = cluster;
    if (cluster.state.port !== port) {
      throw new Error(
        `PostgreSQL came back on port ${cluster.state.port}, not ${port} (another program took the port meanwhile); run the scenario again`,
      );
    }
  }

  async asOwner<T>(work: (client: Client) => Promise<T>, url = this.ownerUrl): Promise<T> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** How many rows each title with `prefix` has, read as the owner role. */
  storedTitles(prefix: string): Promise<Map<string, number>> {
    return this.asOwner(async (client) => {
      const { rows } = await client.query<{ title: string; n: number }>(
        'SELECT title, count(*)::int AS n FROM "DemoPost" WHERE starts_with(title, $1) GROUP BY title',
        [prefix],
      );
      return new Map(rows.map((row) => [row.title, row.n]));
    });
  }

  /**
   * Removes earlier load runs' posts and virtual users (their emails start
   * with the same prefix; their sessions go with them), so every run lists
   * and counts the same small table. Also forgets every sign-in and sign-up
   * attempt counted so far: this cluster is the load's own, and its virtual
   * users all sign up from 127.0.0.1, which the limits meant for people
   * would otherwise stop after a few runs. @returns the posts removed
   */
  deleteLoadData(): Promise<number> {
    return this.asOwner(async (client) => {
      const posts = await client.query('DELETE FROM "DemoPost" WHERE starts_with(title, $1)', [LOAD_TITLE_PREFIX]);
      await client.query('DELETE FROM "AccountsUser" WHERE starts_with(email, $1)', [LOAD_TITLE_PREFIX]);
      await client.query('DELETE FROM "AccountsRateLimit"');
      return posts.rowCount ?? 0;
    });
  }

  /**
   * Waits until the app has finished what it was doing when the traffic
   * stopped: no runtime-role session busy, and the number of stored titles
   * unchanged across two polls. Requests cut off at the end may still commit
   * meanwhile; the check must see them. Read as the superuser: other
   * roles see no user name on the runtime role's sessions.
   */
  async waitForWritesToSettle(prefix: string, timeoutMs = 15_000): Promise<{ settled: boolean; ms: number }> {
    const started = performance.now();
    let previous = -1;
    let steady = 0;
    while (performance.now() - started < timeoutMs) {
      const { stored, busy } = await this.asOwner(async (client) => {
        const count = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "DemoPost" WHERE starts_with(title, $1)', [prefix]);
        const active = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND state IS DISTINCT FROM 'idle'",
          [this.state.runtime.name],
        );
        return { stored: count.rows[0].n, busy: active.rows[0].n };
      }, this.superuserUrl);
      steady = busy === 0 && stored === previous ? steady + 1 : 0;
      if (steady >= 2) return { settled: true, ms: performance.now() - started };
      previous = stored;
      await sleep(250);
    }
    return { settled: false, ms: performance.now() - started };
  }

  /** `PostgreSQL 15.18, durable (fsync on)`. */
  async describe(): Promise<string> {
    const version = await this.asOwner((client) => client.query<{ server_version: string }>('SHOW server_version'));
    return `PostgreSQL ${version.rows[0].server_version} (embedded, durable: fsync on)`;
  }

  /** A URL for `role` on this cluster, e.g. through another port (PgBouncer). */
  urlFor(role: { name: string; password: string }, database = this.state.database): string {
    return connectionUrl(this.state, role, database);
  }
}
