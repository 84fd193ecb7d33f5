import type { Config } from '@jest/types';
import { generate } from './build/generate';
import { readJestWorkers } from './src/testing/worker-schemas/jest-workers';
import { TestSetupError } from './src/testing/errors/test-setup.error';
import { startTestRun, TestRun } from './src/testing/worker-schemas/test-run';

/**
 * Runs once before any test: runs the build's generators (component registry,
 * Prisma Client) when stale, then
 * provisions the test database and gives each of the JEST_WORKERS workers its
 * own schema `test_<k>`, cloned from the migrated `public` (see
 * docs/testing.md). Workers inherit the environment set here.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const started = performance.now();
  const workers = readJestWorkers(process.env);
  if (globalConfig.maxWorkers > workers) {
    throw new TestSetupError(
      `--maxWorkers=${globalConfig.maxWorkers} is more than JEST_WORKERS=${workers}, so some workers would have no schema; raise JEST_WORKERS or lower --maxWorkers`,
    );
  }

  const problems = await generate({ info: () => undefined });
  if (problems.length > 0) throw new TestSetupError(problems.join('\n'));

  // Watch mode runs setup and teardown around every run in one process: decide
  // from the environment as it was before the first run, not from the URLs
  // this setup wrote into it (teardown restores them).
  const hookState = globalThis as { testRun?: TestRun; envBeforeTests?: Record<string, string | undefined> };
  hookState.envBeforeTests ??= { DATABASE_URL: process.env.DATABASE_URL, MIGRATION_DATABASE_URL: process.env.MIGRATION_DATABASE_URL };
  const env = { ...process.env, ...hookState.envBeforeTests };
  const run = await startTestRun({ workers, projectRoot: process.cwd(), env, log: (line) => console.log(line) });
  hookState.testRun = run;
  process.env.DATABASE_URL = run.runtimeUrl;
  process.env.MIGRATION_DATABASE_URL = run.ownerUrl;

  const { schemas, rebuilt } = run.report;
  const state = rebuilt.length === 0 ? 'reused' : rebuilt.length === schemas.length ? 'rebuilt' : `rebuilt ${rebuilt.join(', ')}`;
  console.log(
    `\ntest database ${run.database}: ${schemas.length} worker schemas ${state} (${schemas[0]} … ${schemas.at(-1)}) in ${Math.round(performance.now() - started)} ms`,
  );
}
