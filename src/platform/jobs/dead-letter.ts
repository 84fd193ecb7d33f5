/**
 * The SQL condition, on a row of graphile-worker's `jobs` view (or
 * `_private_jobs`), of a dead-lettered job: its attempts reached
 * max_attempts, so graphile-worker never runs it again (it keeps it, with
 * `last_error`). The one spelling of it: the jobs command, the runner's
 * warning and the test helpers count the same jobs.
 */
export const DEAD_LETTERED = 'attempts >= max_attempts';

/** {@link DEAD_LETTERED} on a job graphile-worker hands a task (`helpers.job.attempts`, `helpers.job.max_attempts`). */
export function isDeadLettered(job: { attempts: number; max_attempts: number }): boolean {
  return job.attempts >= job.max_attempts;
}
