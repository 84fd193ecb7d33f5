import type { ClientBase } from 'pg';
import { DEAD_LETTERED } from '../dead-letter';

/** A job graphile-worker will not run again: its attempts reached max_attempts. */
export interface DeadLetter {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

/**
 * The dead-lettered jobs of the queue in `schema` (all of them, or those of
 * `ids`), oldest first, from graphile-worker's `jobs` view. It keeps no
 * failure time: a failure sets `run_at` to the failure time plus
 * exp(min(attempts, 10)) seconds of backoff (a job only runs once due, so
 * `run_at` was past), which gives it back; `permanently_fail_jobs` sets
 * `updated_at` instead, hence the greater of the two.
 */
export async function readDeadLetters(client: ClientBase, schema: string, ids?: readonly string[]): Promise<DeadLetter[]> {
  const { rows } = await client.query<DeadLetter>(
    // eslint-disable-next-line no-restricted-syntax -- the queue schema is an escaped identifier and DEAD_LETTERED a constant; the ids travel as $1
    `SELECT id::text, task_identifier AS task, attempts, max_attempts AS "maxAttempts", last_error AS "lastError",
            created_at AS "createdAt",
            greatest(updated_at, run_at - exp(least(attempts, 10)) * interval '1 second') AS "failedAt"
       FROM ${client.escapeIdentifier(schema)}.jobs
      WHERE locked_at IS NULL AND ${DEAD_LETTERED} ${ids ? 'AND id = ANY($1::bigint[])' : ''}
      ORDER BY id`,
    ids ? [ids] : [],
  );
  return rows;
}
