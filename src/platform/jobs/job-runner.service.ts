import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { parseCronItems, run, type Runner, type WorkerEvents } from 'graphile-worker';
import { Pool } from 'pg';
import { OutboxRelay } from '../events/outbox-relay';
import { describeDatabase } from '../environment/database-url';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { JOBS_CONFIG, type JobsConfig } from './jobs-config';
import { JobMetrics } from './job-metrics';
import { JOBS_DATABASE, type JobsDatabase } from './jobs-database';
import { jobsLogger } from './jobs-logger';
import { checkJobsAtStartup } from './jobs-startup-check';
import { JobsRegistry } from './jobs-registry';
import { queueSchemaFor } from './queue-schema';
import { StaleLockSweeper } from './stale-lock-sweeper';
import { buildTaskList } from './task-list';

/**
 * graphile-worker's local queue: the pool fetches (and locks, by its pool id,
 * so the stale-lock sweeper covers them when the process dies) up to
 * LOCAL_QUEUE_PER_WORKER × concurrency jobs per query and hands them to its
 * workers from memory; `npm run bench:events` measured a drain several times
 * faster than one fetch per job. A graceful stop returns the jobs still in
 * the local queue (graphile-worker's LocalQueue.release -> returnJobs); a job
 * waits there at most its TTL (5 minutes) before it is returned.
 */
export const LOCAL_QUEUE_PER_WORKER = 4;

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/**
 * Supervises this instance's graphile-worker runner: checks the queue schema
 * when the app starts (a ConfigurationError when it is missing or behind),
 * starts the runner once every listener and handler is registered, restarts
 * it with backoff (1 s doubling to 30 s) when it stops or fails while the app
 * is up (a database outage: never a crash), and stops it when the app begins
 * to stop (ShutdownState, in parallel with the HTTP drain; at the latest in
 * beforeApplicationShutdown): no new job is taken, running jobs may finish
 * until SHUTDOWN_TIMEOUT_MS after the stop began, and a run still going then
 * is abandoned (its transaction rolled back) and released to run again,
 * without using up its last attempt. With the runner, this instance relays
 * the event outbox (OutboxRelay). JOBS_CONCURRENCY=0: no runner, no relay.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly schema: string;
  private runner?: Runner;
  private sweeper?: StaleLockSweeper;
  private relay?: OutboxRelay;
  private supervising?: Promise<void>;
  private stopping = false;
  private stopped?: Promise<void>;
  private wake?: () => void;
  /** Aborted at the shutdown deadline: runs still going are abandoned and released (task-list.ts). */
  private readonly deadline = new AbortController();
  private deadlineTimer?: NodeJS.Timeout;

  constructor(
    @Inject(JOBS_CONFIG) private readonly config: JobsConfig,
    @Inject(JOBS_DATABASE) private readonly database: JobsDatabase,
    private readonly registry: JobsRegistry,
    private readonly metrics: JobMetrics,
    @Optional() private readonly shutdown?: ShutdownState,
  ) {
    this.schema = queueSchemaFor(database.config.schema);
  }

  /** Where this runner works, for its log lines: the queue schema, its connections' name and database. */
  private get where(): string {
    return `on queue schema ${this.schema} (connections "jobs ${this.schema}" in pg_stat_activity, ${describeDatabase(this.config.databaseUrl)})`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await checkJobsAtStartup(this.config, this.database, (message) => this.logger.warn(message));
    if (this.config.concurrency === 0) return;
    this.relay = new OutboxRelay({ connectionString: this.config.databaseUrl, schema: this.schema });
    this.relay.start();
    this.supervising = this.supervise();
    // The stop begins with the HTTP drain, not after it: a running job gets the whole budget, and no job starts meanwhile.
    this.shutdown?.onBegin((deadline) => void this.stop(deadline));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop(Date.now() + this.config.shutdownTimeoutMs);
  }

  /**
   * Takes no new job from now on; lets the running ones finish until
   * `deadline` (Date.now() time), then abandons them (rolled back, released
   * to run again). Once: a second call waits for the first.
   */
  private stop(deadline: number): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.wake?.();
      const budget = Math.max(0, (Number.isFinite(deadline) ? deadline : Date.now() + this.config.shutdownTimeoutMs) - Date.now());
      this.deadlineTimer = setTimeout(
        () =>
          this.deadline.abort(
            new Error(
              `the app stopped and this job was still running SHUTDOWN_TIMEOUT_MS=${this.config.shutdownTimeoutMs} ms later: abandoned, its transaction rolled back, it runs again`,
            ),
          ),
        budget,
      );
      try {
        await this.relay?.stop();
        await this.runner
          ?.stop()
          .catch((error: unknown) => this.logger.warn(`the job runner ${this.where} stopped with an error: ${String(error)}`));
        await this.supervising;
        await this.sweeper?.stop();
      } finally {
        clearTimeout(this.deadlineTimer);
      }
    })();
    return this.stopped;
  }

  private async supervise(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (!this.stopping) {
      const startedAt = Date.now();
      try {
        await this.runOnceUntilStopped();
        if (this.stopping) return;
        this.logger.warn(
          `the job runner ${this.where} stopped by itself while the app is up (its database connection ended?); if this repeats, check that JOBS_DATABASE_URL reaches PostgreSQL directly, not through PgBouncer`,
        );
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(
          `the job runner ${this.where} failed: ${(error as Error).message ?? String(error)}; jobs wait in the queue meanwhile. If this repeats, check that PostgreSQL is up and that JOBS_DATABASE_URL reaches it directly (not through PgBouncer) as a role with DML on ${this.schema}; \`npm run jobs -- status\` shows the queue`,
        );
      }
      if (Date.now() - startedAt > LAST_RETRY_MS * 2) delay = FIRST_RETRY_MS;
      this.logger.warn(`restarting the job runner in ${delay / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    }
  }

  private async runOnceUntilStopped(): Promise<void> {
    const { databaseUrl, concurrency, staleLockMs, shutdownTimeoutMs } = this.config;
    if (!this.sweeper) {
      const sweeper = new StaleLockSweeper({ connectionString: databaseUrl, schema: this.schema, staleLockMs });
      await sweeper.start();
      this.sweeper = sweeper;
    }
    const sweeper = this.sweeper;
    // Listened to before run(): the pool is created (and starts locking jobs) before run() resolves.
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => {
      void sweeper.poolStarted(workerPool.id).catch(() => undefined);
    });
    events.on('pool:release', ({ workerPool }) => {
      void sweeper.poolStopped(workerPool.id);
    });
    // Named, so an operator (and the outage spec) can tell the job connections apart in pg_stat_activity.
    const pgPool = new Pool({ connectionString: databaseUrl, max: concurrency + 2, application_name: `jobs ${this.schema}` });
    // A lost connection (restart, failover, outage) is dropped and replaced; the runner retries what failed.
    const lost = (error: Error) =>
      this.logger.warn(
        `a job runner connection ${this.where} was lost: ${error.message}; it is replaced, and the runner restarts if it must`,
      );
    pgPool.on('error', lost);
    pgPool.on('connect', (client) => client.on('error', lost));
    let runner: Runner;
    try {
      runner = await run({
        events,
        pgPool,
        schema: this.schema,
        concurrency,
        logger: jobsLogger(this.logger),
        noHandleSignals: true,
        gracefulShutdownAbortTimeout: shutdownTimeoutMs,
        // Batched (0 ms: as soon as possible), completions and failures are flushed by a graceful stop; unbatched,
        // graphile-worker 0.17.3 fires them without waiting, so a job finished during a stop stayed locked and ran again.
        // The local queue: see LOCAL_QUEUE_PER_WORKER.
        preset: {
          worker: { localQueue: { size: LOCAL_QUEUE_PER_WORKER * concurrency }, completeJobBatchDelay: 0, failJobBatchDelay: 0 },
        },
        taskList: buildTaskList(this.registry, this.database, this.logger, {
          stopSignal: this.deadline.signal,
          schema: this.schema,
          metrics: this.metrics,
        }),
        parsedCronItems: parseCronItems(
          this.registry.schedules.map((schedule) => ({
            task: schedule.task,
            identifier: schedule.task,
            match: schedule.cron,
            options: { backfillPeriod: 0, maxAttempts: 10 },
          })),
        ),
      });
    } catch (error) {
      await pgPool.end().catch(() => undefined);
      throw error;
    }
    this.runner = runner;
    if (this.stopping) await runner.stop();
    try {
      await runner.promise;
    } finally {
      this.runner = undefined;
      await pgPool.end().catch(() => undefined);
    }
  }
}
