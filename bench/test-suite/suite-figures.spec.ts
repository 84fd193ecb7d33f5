import { assignWorkers, globalSetupLine, JestJson, suiteFigures } from './suite-figures';

const file = (name: string, startMs: number, endMs: number) => ({ name, startMs, endMs });

describe('assignWorkers', () => {
  it('puts each file after the one that ended last before it started, so two workers make two lanes', () => {
    // Worker A: a (0–1 s), c (1.1–3 s); worker B: b (0.1–2 s), d (2.1–2.5 s), e (2.6–4 s).
    const lanes = assignWorkers([
      file('e', 2_600, 4_000),
      file('a', 0, 1_000),
      file('c', 1_100, 3_000),
      file('b', 100, 2_000),
      file('d', 2_100, 2_500),
    ]);

    expect(lanes.map(({ name, worker }) => `${name}${worker}`)).toEqual(['a1', 'b2', 'c1', 'd2', 'e2']);
  });

  it('opens a lane for every file that overlaps all the others', () => {
    expect(assignWorkers([file('a', 0, 1_000), file('b', 100, 1_000), file('c', 200, 1_000)]).map((lane) => lane.worker)).toEqual([
      1, 2, 3,
    ]);
  });
});

describe('suiteFigures', () => {
  const json: JestJson = {
    numTotalTests: 7,
    numPassedTests: 6,
    numFailedTests: 1,
    numTotalTestSuites: 3,
    startTime: 1_000,
    testResults: [
      { name: '/p/src/a.spec.ts', startTime: 1_100, endTime: 1_600, status: 'passed' },
      { name: '/p/src/b.spec.ts', startTime: 1_150, endTime: 3_150, status: 'failed' },
      { name: '/p/build/c.spec.ts', startTime: 1_700, endTime: 2_000, status: 'passed' },
    ],
  };

  it('lists the files slowest first, relative to the project, with their worker and times from the start of scheduling', () => {
    const figures = suiteFigures(json, '/p');

    expect(figures.files).toEqual([
      { file: 'src/b.spec.ts', ms: 2_000, startMs: 150, endMs: 2_150, worker: 2, passed: false },
      { file: 'src/a.spec.ts', ms: 500, startMs: 100, endMs: 600, worker: 1, passed: true },
      { file: 'build/c.spec.ts', ms: 300, startMs: 700, endMs: 1_000, worker: 1, passed: true },
    ]);
    expect(figures.failedFiles).toEqual(['src/b.spec.ts']);
  });

  it('sums each worker’s file time and its idle time before and between files', () => {
    const figures = suiteFigures(json, '/p/');

    expect(figures.workers).toEqual([
      { worker: 1, files: 2, busyMs: 800, idleMs: 200, lastEndMs: 1_000 },
      { worker: 2, files: 1, busyMs: 2_000, idleMs: 150, lastEndMs: 2_150 },
    ]);
    expect(figures.fileMs).toBe(2_800);
    expect(figures.scheduledMs).toBe(2_150);
    expect(figures.tests).toEqual({ total: 7, passed: 6, failed: 1 });
  });
});

describe('globalSetupLine', () => {
  it('reads the global setup’s own report and its milliseconds from Jest’s output', () => {
    const output =
      'Determining test suites…\n\ntest database 127.0.0.1:40421/app: 2 worker schemas reused (test_1 … test_2) in 412 ms\nPASS x';

    expect(globalSetupLine(output)).toEqual({ text: '2 worker schemas reused (test_1 … test_2) in 412 ms', ms: 412 });
    expect(globalSetupLine('PASS x')).toBeNull();
  });
});
