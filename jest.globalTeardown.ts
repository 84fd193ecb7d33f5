import type { TestRun } from './src/database/test-schemas/test-run';

/** Releases the run lock and stops the embedded test cluster if this run started it. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testRun?: TestRun }).testRun?.finish();
}
