/** The parts of `jest --json` this bench reads. */
export interface JestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  /** When Jest began scheduling files, after the global setup (epoch ms). */
  startTime: number;
  testResults: { name: string; startTime: number; endTime: number; status: string }[];
}

export interface FileTiming {
  /** Relative to the project root. */
  file: string;
  ms: number;
  /** From the start of scheduling (Jest's `startTime`). */
  startMs: number;
  endMs: number;
  /** 1-based lane of {@link assignWorkers}. */
  worker: number;
  passed: boolean;
}

export interface WorkerLane {
  worker: number;
  files: number;
  /** Σ of its files' own times. */
  busyMs: number;
  /** Gaps between one file's end and its next file's start (loading the next file's environment, waiting for the scheduler). */
  idleMs: number;
  lastEndMs: number;
}

export interface SuiteFigures {
  files: FileTiming[];
  workers: WorkerLane[];
  /** Σ of every file's own time: the work to share out. */
  fileMs: number;
  /** From Jest's start of scheduling to the end of the last file. */
  scheduledMs: number;
  tests: { total: number; passed: number; failed: number };
  /** Files that failed, or did not run to a result. */
  failedFiles: string[];
}

/** A file ending this close before another starts counts as the same worker's previous file (Jest's timestamps are whole milliseconds from different processes). */
const SAME_WORKER_SLACK_MS = 5;

/**
 * Jest's JSON does not say which worker ran a file, only when each started
 * and ended. A worker runs one file at a time, so the files form as many
 * non-overlapping lanes as there were workers: each file, in order of start,
 * goes to the lane that became free last before it started (the one it most
 * likely followed). With N workers this never needs more than N lanes; more
 * lanes than workers means the timestamps overlap in a way one worker cannot
 * produce, and the lanes are then only an upper bound.
 */
export function assignWorkers<T extends { startMs: number; endMs: number }>(files: readonly T[]): (T & { worker: number })[] {
  const lanes: { lastEndMs: number }[] = [];
  return [...files]
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
    .map((file) => {
      let best = -1;
      lanes.forEach((lane, i) => {
        if (lane.lastEndMs <= file.startMs + SAME_WORKER_SLACK_MS && (best < 0 || lane.lastEndMs > lanes[best].lastEndMs)) best = i;
      });
      if (best < 0) best = lanes.push({ lastEndMs: 0 }) - 1;
      lanes[best].lastEndMs = file.endMs;
      return { ...file, worker: best + 1 };
    });
}

/** Per-file and per-worker figures of one `jest --json` result; `projectRoot` is cut from the file names. */
export function suiteFigures(json: JestJson, projectRoot: string): SuiteFigures {
  const prefix = projectRoot.endsWith('/') ? projectRoot : `${projectRoot}/`;
  const files = assignWorkers(
    json.testResults.map((result) => ({
      file: result.name.startsWith(prefix) ? result.name.slice(prefix.length) : result.name,
      ms: result.endTime - result.startTime,
      startMs: result.startTime - json.startTime,
      endMs: result.endTime - json.startTime,
      passed: result.status === 'passed',
    })),
  );
  const workers: WorkerLane[] = [];
  for (const file of files) {
    const lane = (workers[file.worker - 1] ??= { worker: file.worker, files: 0, busyMs: 0, idleMs: 0, lastEndMs: 0 });
    lane.idleMs += Math.max(0, file.startMs - lane.lastEndMs);
    lane.busyMs += file.ms;
    lane.files++;
    lane.lastEndMs = file.endMs;
  }
  return {
    files: [...files].sort((a, b) => b.ms - a.ms),
    workers,
    fileMs: files.reduce((sum, file) => sum + file.ms, 0),
    scheduledMs: Math.max(0, ...files.map((file) => file.endMs)),
    tests: { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests },
    failedFiles: files.filter((file) => !file.passed).map((file) => file.file),
  };
}

/** The global setup's own report, `test database …: 2 worker schemas reused (…) in 412 ms`, from Jest's console output. */
export function globalSetupLine(output: string): { text: string; ms: number } | null {
  const match = /^test database \S+: (.+ in (\d+) ms)$/m.exec(output);
  return match ? { text: match[1], ms: Number(match[2]) } : null;
}
