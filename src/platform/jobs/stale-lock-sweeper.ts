import { Logger } from '@nestjs/common';
import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import { Client } from 'pg';
import { quoted } from './jobs-database';

/** The advisory lock key of a worker pool's liveness: held by its instance's session while the pool lives. */
const LIVENESS_KEY = `hashtextextended('jobs-pool:' || $1::text, 0)`;

/**
 * graphile-worker leaves a job locked by a crashed process locked for 4
 * hours. Each runner holds, on one extra direct session, an advisory lock per
 * worker pool it runs (its liveness: PostgreSQL drops it with the session
 * when the process dies). Every `staleLockMs / 2`, the jobs locked for
 * longer than `staleLockMs` by a pool whose liveness lock can be taken (so
 * nobody holds it: the pool is gone) are unlocked (graphile-worker's
 * forceUnlockWorkers) and run again.
 */
export class StaleLockSweeper {
  private readonly logger = new Logger('Jobs');
  private session?: Client;
  private utils?: WorkerUtils;
  private timer?: NodeJS.Timeout;
  private readonly ownPools = new Set<string>();
  private sweeping = false;

  constructor(private readonly options: { connectionString: string; schema: string; staleLockMs: number }) {}

  /** Opens the liveness session and starts sweeping. */
  async start(): Promise<void> {
    await this.connect();
    this.timer = setInterval(() => void this.sweepSafely(), Math.max(50, Math.floor(this.options.staleLockMs / 2)));
    this.timer.unref();
  }

  /** A pool of this instance started: hold its liveness lock. */
  async poolStarted(poolId: string): Promise<void> {
    this.ownPools.add(poolId);
    await this.session?.query(`SELECT pg_advisory_lock(${LIVENESS_KEY})`, [poolId]);
  }

  /** The pool stopped: its locks (if any job is left locked by it) may be swept. */
  async poolStopped(poolId: string): Promise<void> {
    this.ownPools.delete(poolId);
    await this.session?.query(`SELECT pg_advisory_unlock(${LIVENESS_KEY})`, [poolId]).catch(() => undefined);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.resolve(this.utils?.release()).catch(() => undefined);
    await this.session?.end().catch(() => undefined);
    this.session = undefined;
    this.utils = undefined;
  }

  /** Releases the jobs of gone pools; returns their pool ids. */
  async sweep(): Promise<string[]> {
    if (!this.session) await this.connect();
    const schema = quoted(this.options.schema);
    const { rows } = await this.session!.query<{ pool: string }>(
      `SELECT DISTINCT locked_by AS pool FROM ${schema}._private_jobs WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000)
       UNION SELECT DISTINCT locked_by FROM ${schema}._private_job_queues WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [this.options.staleLockMs],
    );
    const gone: string[] = [];
    for (const { pool } of rows) {
      if (this.ownPools.has(pool)) continue;
      const { rows: taken } = await this.session!.query<{ free: boolean }>(`SELECT pg_try_advisory_lock(${LIVENESS_KEY}) AS free`, [pool]);
      if (!taken[0].free) continue;
      await this.session!.query(`SELECT pg_advisory_unlock(${LIVENESS_KEY})`, [pool]);
      gone.push(pool);
    }
    if (gone.length > 0) {
      this.utils ??= await makeWorkerUtils({
        connectionString: this.options.connectionString,
        schema: this.options.schema,
        maxPoolSize: 1,
      });
      await this.utils.forceUnlockWorkers(gone);
      this.logger.warn(
        `released the jobs locked for over ${this.options.staleLockMs} ms by ${gone.join(', ')}, which no running instance holds (a process that crashed or was killed); they run again`,
      );
    }
    return gone;
  }

  private async sweepSafely(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweep();
    } catch (error) {
      // The database may be away; the next sweep tries again (with a new session).
      this.logger.debug(`stale-lock sweep failed: ${(error as Error).message}`);
      await this.session?.end().catch(() => undefined);
      this.session = undefined;
    } finally {
      this.sweeping = false;
    }
  }

  private async connect(): Promise<void> {
    const session = new Client({
      connectionString: this.options.connectionString,
      application_name: `jobs-liveness ${this.options.schema}`,
    });
    // Lost (an outage, a failover): the next sweep opens a new session and takes this instance's liveness locks again.
    session.on('error', () => {
      if (this.session === session) this.session = undefined;
      void session.end().catch(() => undefined);
    });
    await session.connect();
    this.session = session;
    for (const pool of this.ownPools) await session.query(`SELECT pg_advisory_lock(${LIVENESS_KEY})`, [pool]);
  }
}
