import { optionalWholeNumberSetting, positiveIntegerSetting } from '../../platform/environment/environment-settings';
import { isProductionRuntime } from '../../platform/environment/runtime-environment';

/**
 * What the runtime tells about the SQL it runs, read in one place:
 *
 * - `DATABASE_SLOW_QUERY_MS`: unset by default (off). When set, every SQL
 *   statement that takes longer than that many milliseconds is logged with its
 *   duration and text, never its parameters (they may hold personal data).
 *   0 logs every statement.
 * - `DATABASE_QUERY_WARN_COUNT` (default 20): outside production only, the
 *   statements of each HTTP request are counted and a request that runs more
 *   than this many gets a warning, the usual sign of a query inside a loop (N+1).
 */
export interface QueryVisibilitySettings {
  /** Log statements slower than this; undefined: no slow-query log. */
  slowQueryMs: number | undefined;
  /** Warn about requests running more statements than this; undefined in production (not counted). */
  requestQueryLimit: number | undefined;
}

export const DEFAULT_REQUEST_QUERY_LIMIT = 20;

export function readQueryVisibilitySettings(env: NodeJS.ProcessEnv): QueryVisibilitySettings {
  const slowQueryMs = optionalWholeNumberSetting(env, 'DATABASE_SLOW_QUERY_MS', 200);
  // Validated in production too, so a typo fails the same way everywhere.
  const limit = positiveIntegerSetting(env, 'DATABASE_QUERY_WARN_COUNT', DEFAULT_REQUEST_QUERY_LIMIT);
  return { slowQueryMs, requestQueryLimit: isProductionRuntime(env) ? undefined : limit };
}
