import { FULL_RUN, QUICK_RUN, TestSetupBenchOptions } from './test-setup-modes';

/** What the command line asks for, and how long the run may take before the watchdog gives up. */
export interface TestSetupCommand {
  options: TestSetupBenchOptions;
  timeoutMs: number;
}

/** `npm run bench:test-setup [-- --quick]`; throws with the usage for anything else. */
export function parseTestSetupArgs(args: readonly string[]): TestSetupCommand {
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) {
    throw new Error(
      `unknown argument ${unknown.map((arg) => `"${arg}"`).join(', ')}; use no argument (global setup and whole suite) or --quick (global setup only)`,
    );
  }
  return args.includes('--quick') ? { options: QUICK_RUN, timeoutMs: 5 * 60_000 } : { options: FULL_RUN, timeoutMs: 30 * 60_000 };
}
