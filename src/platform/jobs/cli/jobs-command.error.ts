/**
 * A jobs command that ran but could not do what was asked (an unknown job id,
 * a job that is not dead-lettered, a missing queue schema). The message says
 * what, where and how to fix it; the command prints it and exits with 1,
 * without a stack trace, having changed nothing.
 */
export class JobsCommandError extends Error {
  override name = 'JobsCommandError';
}
