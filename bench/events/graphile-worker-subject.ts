import { Logger, run, runMigrations } from 'graphile-worker';
import { Pool } from 'pg';
import { LOCAL_QUEUE_PER_WORKER } from '../../src/platform/jobs/job-runner.service';
import type { QueueSubject, WorkerSettings } from './queue-subject';

/** Says nothing: the bench prints its own tables, and graphile-worker's info lines would interleave. */
const SILENT = new Logger(() => () => undefined);

/** graphile-worker's batching options, as the bench runs them (see its docs, "Performance: batching"). */
export const GRAPHILE_WORKER_BATCHING = { localQueue: { size: 50 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } as const;
export const GRAPHILE_WORKER_BATCHING_LABEL = 'localQueue 50, completeJobBatchDelay 0';

/**
 * What the platform's runner sets besides the defaults (src/platform/jobs/job-runner.service.ts): completions
 * and failures batched at 0 ms, a local queue of LOCAL_QUEUE_PER_WORKER × concurrency jobs, a pool of
 * concurrency + 2. Kept in step by hand; the ratio divides by this.
 */
export const GRAPHILE_WORKER_AS_THE_PLATFORM = { completeJobBatchDelay: 0, failJobBatchDelay: 0 } as const;
export const GRAPHILE_WORKER_AS_THE_PLATFORM_LABEL = `as the platform: localQueue ${LOCAL_QUEUE_PER_WORKER} × concurrency, completeJobBatchDelay 0, pool of concurrency + 2`;

/**
 * graphile-worker used directly: jobs enqueued with its SQL functions
 * (`add_job`, `add_jobs`) in autocommit statements, run by its runner with
 * a no-op task, in a schema of its own that is dropped and migrated anew.
 */
export class GraphileWorkerSubject implements QueueSubject {
  readonly name: string;

  private constructor(
    private readonly connectionString: string,
    private readonly schema: string,
    private readonly pool: Pool,
    version: string,
  ) {
    this.name = `graphile-worker ${version}`;
  }

  static async create(connectionString: string, schema: string): Promise<GraphileWorkerSubject> {
    const pool = new Pool({ connectionString, max: 4 });
    try {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await runMigrations({ connectionString, schema, logger: SILENT });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed version, for the tables
      const { version } = require('graphile-worker/package.json') as { version: string };
      return new GraphileWorkerSubject(connectionString, schema, pool, version);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async enqueueOne(seq: number): Promise<void> {
    await this.pool.query(`SELECT ${this.schema}.add_job('noop', json_build_object('seq', $1::int))`, [seq]);
  }

  async enqueueBatch(seqs: readonly number[]): Promise<void> {
    await this.pool.query(
      `SELECT ${this.schema}.add_jobs(ARRAY(
         SELECT ROW('noop', json_build_object('seq', s), NULL, NULL, NULL, NULL, NULL, NULL)::${this.schema}.job_spec
         FROM unnest($1::int[]) AS s))`,
      [seqs],
    );
  }

  async startWorkers(settings: WorkerSettings, onStart: (seq: number) => void): Promise<() => Promise<void>> {
    const runner = await run({
      connectionString: this.connectionString,
      schema: this.schema,
      concurrency: settings.concurrency,
      ...(settings.variant === 'platform' ? { maxPoolSize: settings.concurrency + 2 } : {}),
      noHandleSignals: true,
      logger: SILENT,
      taskList: {
        noop: (payload) => {
          onStart((payload as { seq: number }).seq);
          return Promise.resolve();
        },
      },
      preset: {
        defaults: undefined,
        platform: {
          worker: { ...GRAPHILE_WORKER_AS_THE_PLATFORM, localQueue: { size: LOCAL_QUEUE_PER_WORKER * settings.concurrency } },
        },
        batching: { worker: GRAPHILE_WORKER_BATCHING },
      }[settings.variant],
    });
    return async () => {
      await runner.stop();
      await runner.promise;
    };
  }

  async clear(): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.schema}._private_jobs`);
    await this.pool.query(`DELETE FROM ${this.schema}._private_job_queues`);
  }

  async close(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await this.pool.end();
  }
}
