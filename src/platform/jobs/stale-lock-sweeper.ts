import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { quoted } from './jobs-database';
import { ONE_MORE_ATTEMPT } from './dead-letter';

/** The advisory lock key of a worker pool's liveness: held by its instance's session while the pool lives. */
const LIVENESS_KEY = `hashtextextended('jobs-pool:' || $1::text, 0)`;

/** Consecutive failed sweeps before they are worth a warning (one failure is a blip: a restart, a failover). */
export const SWEEP_FAILURES_BEFORE_WARNING = 3;

/**
 * graphile-worker leaves a job locked by a crashed process locked for 4
 * hours. Each runner holds, on one extra direct session, an advisory lock per
 * worker pool it runs (its liveness: PostgreSQL drops it with the session
 * when the process dies). Every `staleLockMs / 2`, the jobs locked for
 * longer than `staleLockMs` by a pool whose liveness lock could be taken on
 * two sweeps in a row (nobody holds it: the pool is gone, and not just
 * reconnecting its liveness session) are unlocked and run again, each with
 * one more attempt allowed, so a crash never uses up a job's last attempt.
 * A lost liveness session is reopened at once, taking this instance's locks again.
 */
export class StaleLockSweeper {
  private readonly logger = new Logger('Jobs');
  private session?: Client;
  private connecting?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private readonly ownPools = new Set<string>();
  /** Pools whose liveness lock was free on the last sweep: released if it is free again on this one. */
  private seenFree = new Set<string>();
  private inFlight?: Promise<unknown>;
  private stopped = false;
  private failures = 0;

  constructor(private readonly options: { connectionString: string; schema: string; staleLockMs: number }) {}

  private get intervalMs(): number {
    return Math.max(50, Math.floor(this.options.staleLockMs / 2));
  }

  /** Opens the liveness session and starts sweeping. */
  async start(): Promise<void> {
    await this.connect();
    this.schedule();
  }

  /** A pool of this instance started: hold its liveness lock. */
  async poolStarted(poolId: string): Promise<void> {
    this.ownPools.add(poolId);
    // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
    await this.session?.query(`SELECT pg_advisory_lock(${LIVENESS_KEY})`, [poolId]);
  }

  /** The pool stopped: its locks (if any job is left locked by it) may be swept. */
  async poolStopped(poolId: string): Promise<void> {
    this.ownPools.delete(poolId);
    // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
    await this.session?.query(`SELECT pg_advisory_unlock(${LIVENESS_KEY})`, [poolId]).catch(() => undefined);
  }

  /** No sweep starts after this; one in flight is awaited before the session closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
    await this.connecting?.catch(() => undefined);
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  /**
   * Releases the jobs of pools gone since the previous sweep (their liveness
   * lock free on both); returns their pool ids.
   */
  sweep(): Promise<string[]> {
    const sweep = this.sweepOnce();
    this.inFlight = sweep;
    return sweep;
  }

  private async sweepOnce(): Promise<string[]> {
    if (this.stopped) return [];
    if (!this.session) await this.connect();
    const session = this.session!;
    const schema = quoted(this.options.schema);
    const { rows } = await session.query<{ pool: string }>(
      // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
      `SELECT DISTINCT locked_by AS pool FROM ${schema}._private_jobs WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000)
       UNION SELECT DISTINCT locked_by FROM ${schema}._private_job_queues WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [this.options.staleLockMs],
    );
    const free = new Set<string>();
    for (const { pool } of rows) {
      if (this.ownPools.has(pool)) continue;
      // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
      const { rows: taken } = await session.query<{ free: boolean }>(`SELECT pg_try_advisory_lock(${LIVENESS_KEY}) AS free`, [pool]);
      if (!taken[0].free) continue;
      // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
      await session.query(`SELECT pg_advisory_unlock(${LIVENESS_KEY})`, [pool]);
      free.add(pool);
    }
    const gone = [...free].filter((pool) => this.seenFree.has(pool));
    this.seenFree = free;
    if (gone.length > 0) await this.release(session, gone);
    for (const pool of gone) this.seenFree.delete(pool);
    return gone;
  }

  /**
   * graphile-worker's force_unlock_workers, plus: one more attempt allowed
   * (graphile-worker counted the attempt when the job was fetched; without it
   * a crash during the last attempt would dead-letter the job unnoticed) and
   * the reason in last_error.
   */
  private async release(session: Client, pools: string[]): Promise<void> {
    const schema = quoted(this.options.schema);
    const { rows } = await session.query<{ released: number }>(
      // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
      `WITH released AS (
         UPDATE ${schema}._private_jobs
         SET locked_by = NULL, locked_at = NULL,
             ${ONE_MORE_ATTEMPT},
             last_error = 'released after its instance (worker pool ' || locked_by || ') stopped without finishing it: the process crashed, was killed or lost its database session; it runs again'
         WHERE locked_by = ANY($1::text[]) RETURNING 1
       ), queues AS (
         UPDATE ${schema}._private_job_queues SET locked_by = NULL, locked_at = NULL WHERE locked_by = ANY($1::text[]) RETURNING 1
       )
       SELECT (SELECT count(*) FROM released)::int AS released, (SELECT count(*) FROM queues) AS queues`,
      [pools],
    );
    this.logger.warn(
      `released the jobs locked for over ${this.options.staleLockMs} ms by ${pools.join(', ')}, which no running instance holds (on two sweeps in a row; JOBS_STALE_LOCK_MS): ${rows[0].released} job(s) of ${this.options.schema} whose instance stopped without finishing them (it crashed, was killed, or lost its database session); they run again, each with one more attempt allowed`,
    );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.sweepSafely(), this.intervalMs);
    this.timer.unref();
  }

  private async sweepSafely(): Promise<void> {
    try {
      await this.sweep();
      this.failures = 0;
    } catch (error) {
      // The database may be away; the next sweep tries again (with a new session).
      this.failures += 1;
      const line = `the stale-lock sweep of ${this.options.schema} (session "jobs-liveness ${this.options.schema}") failed ${this.failures} times in a row: ${(error as Error).message}; jobs of crashed instances stay locked until it works again. Check that JOBS_DATABASE_URL reaches PostgreSQL directly`;
      if (this.failures === SWEEP_FAILURES_BEFORE_WARNING) this.logger.warn(line);
      else this.logger.debug(line);
      await this.session?.end().catch(() => undefined);
    } finally {
      this.schedule();
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= this.openSession().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async openSession(): Promise<void> {
    const session = new Client({
      connectionString: this.options.connectionString,
      application_name: `jobs-liveness ${this.options.schema}`,
    });
    // Lost (an outage, a failover): reopened at once, taking this instance's liveness locks again, so another
    // instance does not take its pools for gone (it also waits for a second sweep); if that fails, the next sweep retries.
    const lost = () => {
      if (this.session !== session) return;
      this.session = undefined;
      void session.end().catch(() => undefined);
      if (!this.stopped)
        void this.connect().catch((error: Error) => this.logger.debug(`reopening the liveness session failed: ${error.message}`));
    };
    session.on('error', lost);
    session.on('end', lost);
    await session.connect();
    try {
      // eslint-disable-next-line no-restricted-syntax -- the queue schema (quoted identifier) and LIVENESS_KEY (a constant number) are not values; every value travels as a parameter
      for (const pool of this.ownPools) await session.query(`SELECT pg_advisory_lock(${LIVENESS_KEY})`, [pool]);
    } catch (error) {
      await session.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await session.end().catch(() => undefined);
      return;
    }
    this.session = session;
  }
}
