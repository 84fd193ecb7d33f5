import { Client } from 'pg';
import { queueSchemaFor } from '../../../../platform/jobs/queue-schema';

/** One row of graphile-worker's job table, as the failure tests look at it. */
export interface QueuedJobRow {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lastError: string | null;
  payload: unknown;
}

export interface FixtureEffectRow {
  handler: string;
  ref: string;
  attempt: number;
}

/**
 * Reads the job queue (graphile-worker's tables in the queue schema) and the
 * fixture's tables from the test process, on a connection of its own: what
 * is pending, what is locked and by whom, what a listener recorded. A test
 * asserts on these, never on how the app got there.
 */
export class QueueProbe {
  private constructor(
    private readonly client: Client,
    readonly queueSchema: string,
  ) {}

  /** `schema`: the app's schema (DATABASE_SCHEMA: the fixture's tables); its queue's schema is derived as the app derives it. */
  static async connect(connectionString: string, schema: string): Promise<QueueProbe> {
    const client = new Client({ connectionString, options: `-c search_path=${schema}` });
    await client.connect();
    return new QueueProbe(client, queueSchemaFor(schema));
  }

  /** The queue's jobs whose task starts with `taskPrefix` (e.g. `event:fixture.`), oldest first. */
  async jobs(taskPrefix = ''): Promise<QueuedJobRow[]> {
    const q = this.client.escapeIdentifier(this.queueSchema);
    const { rows } = await this.client.query<QueuedJobRow>(
      `SELECT j.id::text AS id, t.identifier AS task, j.attempts, j.max_attempts AS "maxAttempts", j.locked_by AS "lockedBy",
              j.last_error AS "lastError", j.payload
         FROM ${q}._private_jobs j JOIN ${q}._private_tasks t ON t.id = j.task_id
        WHERE starts_with(t.identifier, $1)
        ORDER BY j.id`,
      [taskPrefix],
    );
    return rows;
  }

  /**
   * Deliveries not yet in the job table: the task of each job spec in the
   * event outbox (publish writes one row per event there; a running
   * instance's relay moves it into the queue), oldest first.
   */
  async outboxTasks(): Promise<string[]> {
    const q = this.client.escapeIdentifier(this.queueSchema);
    const { rows } = await this.client.query<{ task: string }>(
      `SELECT spec->>'identifier' AS task FROM ${q}.event_outbox o, json_array_elements(o.specs) AS spec ORDER BY o.id`,
    );
    return rows.map((row) => row.task);
  }

  /** The fixture's effects (fixture_effect: one row per committed run of a listener, the job or the schedule), oldest first. */
  async effects(handler?: string): Promise<FixtureEffectRow[]> {
    const { rows } = await this.client.query<FixtureEffectRow>(
      'SELECT handler, ref, attempt FROM fixture_effect WHERE $1::text IS NULL OR handler = $1 ORDER BY id',
      [handler ?? null],
    );
    return rows;
  }

  /** Empties the queue and the fixture's tables between tests (as the owner: the queue's tables are not the runtime role's to truncate). */
  async reset(): Promise<void> {
    const q = this.client.escapeIdentifier(this.queueSchema);
    await this.client.query(
      `DELETE FROM ${q}.event_outbox; DELETE FROM ${q}._private_jobs; DELETE FROM ${q}._private_job_queues; DELETE FROM ${q}._private_known_crontabs; DELETE FROM fixture_effect; DELETE FROM fixture_note`,
    );
  }

  query<R extends object>(sql: string, values: unknown[] = []): Promise<R[]> {
    return this.client.query<R>(sql, values).then(({ rows }) => rows);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A summary of jobs for a failure message: `event:x#12 (attempt 1/10, locked by ..., last error ...)`. */
export function describeJobs(jobs: QueuedJobRow[]): string {
  if (jobs.length === 0) return 'no jobs';
  return jobs
    .map(
      (job) =>
        `${job.task}#${job.id} (attempt ${job.attempts}/${job.maxAttempts}${job.lockedBy ? `, locked by ${job.lockedBy}` : ''}${
          job.lastError ? `, last error: ${job.lastError.split('\n')[0]}` : ''
        })`,
    )
    .join('; ');
}
