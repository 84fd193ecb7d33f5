import { Client } from 'pg';

/**
 * Samples how many request-pool server sessions the runtime role holds while the load
 * runs (from `pg_stat_activity`), to show the pools stay
 * within their limits: DATABASE_POOL_SIZE per app instance, or PgBouncer's
 * server pool. As the superuser: to other roles `pg_stat_activity` shows no
 * user name on the runtime role's sessions. Sampling errors are ignored: in the outage scenario the
 * server is down for a while, and the sampler reconnects afterwards.
 */
export class ServerConnectionSampler {
  private max = 0;
  private samples = 0;
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly superuserUrl: string,
    private readonly role: string,
  ) {}

  start(intervalMs = 500): this {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.sample());
    }, intervalMs);
    return this;
  }

  /** @returns the most sessions seen at once, and how many samples that is based on */
  async stop(): Promise<{ max: number; samples: number }> {
    if (this.timer) clearInterval(this.timer);
    await this.pending;
    await this.client?.end().catch(() => undefined);
    this.client = null;
    return { max: this.max, samples: this.samples };
  }

  private async sample(): Promise<void> {
    try {
      if (!this.client) {
        const client = new Client({ connectionString: this.superuserUrl, connectionTimeoutMillis: 1_000 });
        client.on('error', () => undefined); // a server shutdown ends the session; the next sample reconnects
        this.client = client;
        await client.connect();
      }
      const { rows } = await this.client.query<{ n: number }>(
        // The job runner's own direct sessions (application_name `jobs …`,
        // `jobs-liveness …`; JOBS_CONCURRENCY + 4 per instance, see
        // docs/operations.md) bypass PgBouncer and are not the request pool measured here.
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND backend_type = 'client backend' AND application_name NOT LIKE 'jobs%'",
        [this.role],
      );
      this.max = Math.max(this.max, rows[0].n);
      this.samples++;
    } catch {
      await this.client?.end().catch(() => undefined);
      this.client = null;
    }
  }
}
