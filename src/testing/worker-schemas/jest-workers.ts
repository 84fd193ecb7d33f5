import { TestSetupError } from '../errors/test-setup.error';

export const JEST_WORKERS_REQUIRED =
  'JEST_WORKERS environment variable is required (set it in the package.json test script, e.g. "JEST_WORKERS=4 jest --maxWorkers=$JEST_WORKERS")';

/** N, the number of worker schemas (`test_1` … `test_N`) and of Jest workers. */
export function readJestWorkers(env: NodeJS.ProcessEnv): number {
  const raw = env.JEST_WORKERS;
  if (raw === undefined || !/^[1-9][0-9]*$/.test(raw.trim())) throw new TestSetupError(JEST_WORKERS_REQUIRED);
  return Number(raw.trim());
}
