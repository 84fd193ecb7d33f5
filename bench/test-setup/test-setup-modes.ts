/** What a run of the test-setup bench measures; the presets are what `npm run bench:test-setup [-- --quick]` runs. */
export interface TestSetupBenchOptions {
  /** Also run the whole Jest suite, two rounds over `suiteWorkers` (minutes); without it the doc keeps the last full run's suite figures. */
  suite: boolean;
  /** Worker schema counts N for the global setup. */
  workerCounts?: readonly number[];
  /** Runs per cold, warm and recipe measurement. */
  repeats?: number;
  suiteWorkers?: readonly number[];
  /** Write the section into docs/performance.md (the default). */
  writeDocs?: boolean;
}

export const WORKER_COUNTS: readonly number[] = [1, 4, 8];
export const SUITE_WORKERS: readonly number[] = [1, 2, 4];
export const REPEATS = 3;

/** `npm run bench:test-setup`: every N, then the whole suite. */
export const FULL_RUN: TestSetupBenchOptions = { suite: true, workerCounts: WORKER_COUNTS, repeats: REPEATS, suiteWorkers: SUITE_WORKERS };
/**
 * `--quick`, what `npm run bench` runs: the same global setup figures, no
 * suite; about 40 s on 2 cores, the suite's six runs being the minutes.
 */
export const QUICK_RUN: TestSetupBenchOptions = { suite: false, workerCounts: WORKER_COUNTS, repeats: REPEATS };
