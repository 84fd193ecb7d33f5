/**
 * A margin for the steps of a failure test that have no bound of their own
 * (HTTP requests to an instance, queries, kill -9 and its exit).
 */
export const UNBOUNDED_STEPS_MS = 30_000;

/**
 * A failure test's Jest timeout: the sum of the bounds of the waits it makes
 * one after the other (each named by the caller), plus UNBOUNDED_STEPS_MS. So
 * Jest never ends a test before one of its own waits has failed with its
 * clearer message (what it waited for, what it last saw, the instances' logs).
 */
export function jestTimeoutFor(innerBoundsMs: number[]): number {
  return innerBoundsMs.reduce((sum, bound) => sum + bound, UNBOUNDED_STEPS_MS);
}
