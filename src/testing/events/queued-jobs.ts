import type { INestApplication } from '@nestjs/common';
import { JOBS_DATABASE, type JobsDatabase, quoted } from '../../platform/jobs/jobs-database';
import { queueSchemaFor } from '../../platform/jobs/queue-schema';

/** A job waiting in the queue, as enqueued. */
export interface QueuedJobRow {
  /** graphile-worker's task identifier, e.g. `job:accounts.send-verification`. */
  task: string;
  payload: unknown;
}

/**
 * The jobs in a test app's queue that have not run yet, oldest first: what a
 * request enqueued, before `eventScenario(app).runPendingJobs()` runs them.
 */
export async function queuedJobs(app: INestApplication): Promise<QueuedJobRow[]> {
  const database = app.get<JobsDatabase>(JOBS_DATABASE);
  const schema = quoted(queueSchemaFor(database.config.schema));
  return database.$queryRawUnsafe<QueuedJobRow[]>(
    `SELECT t.identifier AS task, j.payload FROM ${schema}._private_jobs AS j JOIN ${schema}._private_tasks AS t ON t.id = j.task_id
     WHERE j.attempts = 0 AND j.locked_at IS NULL ORDER BY j.id`,
  );
}
