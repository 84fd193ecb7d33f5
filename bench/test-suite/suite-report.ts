import { formatMs } from '../test-setup/samples';
import { markdownTable } from '../test-setup/table';
import type { SuiteFigures } from './suite-figures';

/** Where the time of one whole Jest process went; absent parts were not measured (a summarised `--from` file). */
export interface RunPhases {
  wallMs?: number;
  /** User + system CPU of Jest and the processes it waited for. */
  cpuMs?: number;
  /** From the process start to Jest's first scheduled file: Jest's own start, loading the global setup, the global setup. */
  beforeFilesMs?: number;
  /** The global setup's own line, e.g. `2 worker schemas reused (test_1 … test_2) in 412 ms`. */
  globalSetup?: string;
  /** From the last file's end to the process exit: the global teardown, Jest's reporters, the workers' exit. */
  afterFilesMs?: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const share = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(0)} %` : '–');

/** The phases of the run and its totals, one row each. */
export function phasesTable(figures: SuiteFigures, phases: RunPhases): string {
  const unmeasured = 'not measured (summarised from a file)';
  const rows = [
    ['whole run (wall)', phases.wallMs === undefined ? unmeasured : seconds(phases.wallMs)],
    [
      'CPU of Jest and the processes it waited for (not the PostgreSQL server)',
      phases.cpuMs === undefined ? unmeasured : seconds(phases.cpuMs),
    ],
    [
      'before the first file: Jest’s start and the global setup',
      phases.beforeFilesMs === undefined ? unmeasured : seconds(phases.beforeFilesMs),
    ],
    ['of which the global setup says', phases.globalSetup ?? '–'],
    ['files: first scheduled to last ended', seconds(figures.scheduledMs)],
    ['after the last file: teardown and exit', phases.afterFilesMs === undefined ? unmeasured : seconds(phases.afterFilesMs)],
    ['Σ file time (all workers)', `${seconds(figures.fileMs)} in ${figures.files.length} files`],
    [
      'tests',
      `${figures.tests.passed}/${figures.tests.total} passed${figures.failedFiles.length ? `; failed: ${figures.failedFiles.join(', ')}` : ''}`,
    ],
  ];
  return markdownTable(['phase', 'time'], rows);
}

/** One row per worker (lanes inferred from the files' start and end times, see assignWorkers). */
export function workersTable(figures: SuiteFigures): string {
  return markdownTable(
    ['worker', 'files', 'Σ file time', 'idle before and between files', 'last file ended at', 'slowest file'],
    figures.workers.map((lane) => {
      const slowest = figures.files.find((file) => file.worker === lane.worker);
      return [
        String(lane.worker),
        String(lane.files),
        seconds(lane.busyMs),
        seconds(lane.idleMs),
        seconds(lane.lastEndMs),
        slowest ? `${slowest.file} (${seconds(slowest.ms)})` : '–',
      ];
    }),
  );
}

/** The `top` slowest files, with their worker and their share of all file time. */
export function slowestFilesTable(figures: SuiteFigures, top: number): string {
  return markdownTable(
    ['#', 'file', 'time', 'worker', 'started at', 'share of Σ'],
    figures.files
      .slice(0, top)
      .map((file, i) => [
        String(i + 1),
        `${file.file}${file.passed ? '' : ' (FAILED)'}`,
        formatMs(file.ms),
        String(file.worker),
        seconds(file.startMs),
        share(file.ms, figures.fileMs),
      ]),
  );
}
