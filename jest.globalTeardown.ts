import type { TestRun } from './src/testing/worker-schemas/test-run';

/**
 * Releases the run lock, stops the embedded test cluster if this run started
 * it, and restores the environment the setup changed (watch mode reruns the
 * setup in the same process).
 */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { testRun?: TestRun; envBeforeTests?: Record<string, string | undefined> };
  await state.testRun?.finish();
  state.testRun = undefined;
  for (const [name, value] of Object.entries(state.envBeforeTests ?? {})) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
