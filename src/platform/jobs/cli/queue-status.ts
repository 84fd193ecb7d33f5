import { DEAD_LETTERED } from '../dead-letter';
import { quoted, type QueryRows } from '../jobs-database';

/** The jobs of one task identifier (`event:…`, `job:…`, `schedule:…`) by state. */
export interface TaskStatus {
  task: string;
  /** Due now, never tried yet, waiting for a worker. */
  pending: number;
  /** Never tried, due later (a delayed job). */
  scheduled: number;
  /** Locked by a worker: running now (or held by an instance that died, until the stale-lock sweeper frees it). */
  running: number;
  /** Failed at least once, attempts left: runs again at its backoff time. */
  retrying: number;
  /** Attempts used up: never runs again unless retried (dead-lettered). */
  dead: number;
  /** Waiting for a worker now: the pending jobs and the retrying ones whose backoff has passed. */
  due: number;
  /** How long the longest-waiting due job (pending, or retrying and due) has waited; null when none is due. */
  oldestDueSeconds: number | null;
}

/**
 * One row per task that has jobs, in task order, read from graphile-worker's
 * `jobs` view in `schema`. Completed jobs are deleted by graphile-worker, so
 * they never appear. A job locked by a worker counts as running whatever its
 * attempts (the count went up when it was locked).
 */
export async function readQueueStatus(query: QueryRows, schema: string): Promise<TaskStatus[]> {
  return query<TaskStatus>(
    `SELECT task_identifier AS task,
            count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0 AND run_at <= now())::int AS pending,
            count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0 AND run_at > now())::int AS scheduled,
            count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
            count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND NOT (${DEAD_LETTERED}))::int AS retrying,
            count(*) FILTER (WHERE locked_at IS NULL AND ${DEAD_LETTERED})::int AS dead,
            count(*) FILTER (WHERE locked_at IS NULL AND NOT (${DEAD_LETTERED}) AND run_at <= now())::int AS due,
            extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND NOT (${DEAD_LETTERED}) AND run_at <= now()))::float8
              AS "oldestDueSeconds"
       FROM ${quoted(schema)}.jobs
      GROUP BY task_identifier
      ORDER BY task_identifier`,
    [],
  );
}
