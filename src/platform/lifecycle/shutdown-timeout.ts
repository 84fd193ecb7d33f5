import { positiveIntegerSetting } from '../environment/environment-settings';

/**
 * `SHUTDOWN_TIMEOUT_MS` (default 10000): how long requests, and jobs, in
 * progress may still run after SIGTERM. The one reader of the setting (the
 * HTTP drain and the job runner both use it).
 */
export function readShutdownTimeout(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntegerSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000);
}
