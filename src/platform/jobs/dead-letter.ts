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

/** The largest max_attempts graphile-worker can store (a smallint): the bound of `maxAttempts` in defineJob and @OnEvent. */
export const MAX_ATTEMPTS_LIMIT = 32767;

/**
 * The SQL assignment that gives a job whose run was cut short (its instance
 * died, or stopped at the shutdown deadline) one more attempt when that run
 * used its last: such a run did not fail, so it must not dead-letter the job.
 */
export const ONE_MORE_ATTEMPT = `max_attempts = least(${MAX_ATTEMPTS_LIMIT}, greatest(max_attempts, attempts + 1))`;
