import { replaceSection } from '../load/load-report';
import type { Machine } from './machine';
import type { SuiteResult } from './report';
import type { Samples } from './samples';
import type { SetupRow } from './setup-timings';
import type { SuiteRun } from './suite-timing';
import { listing, previousSuiteBlock, SetupFigures, suiteBlock, TEST_SETUP_SECTION_HEADING, testSetupSection } from './test-setup-section';

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  memory: '8.0 GiB',
  node: 'v20.0.0',
  postgres: 'PostgreSQL 15.18 (embedded, fsync off)',
  pgDump: 'pg_dump (PostgreSQL) 15.18 at /usr/bin/pg_dump',
};
const ms = (median: number): Samples => ({ median, min: median - 1, max: median + 1, runs: 3 });
const row = (subject: string, workers: number, reference: SetupRow['reference']): SetupRow => ({
  subject,
  workers,
  cold: ms(150),
  warm: ms(30),
  reference,
});
const rows: SetupRow[] = [
  row('project', 8, { ok: true, samples: ms(600) }),
  row('synthetic', 8, { ok: false, schema: 'test_1', error: 'ERROR:  type "test_1.citext" does not exist' }),
];
const setup: SetupFigures = {
  date: new Date('2026-11-24T10:00:00Z'),
  machine,
  quick: true,
  workerCounts: [1, 8],
  repeats: 3,
  prepareMs: 12_345,
  others: 'no other Jest run seen (40 samples)',
  rows,
  pgDump: [{ subject: 'project', samples: ms(66) }],
};
const run = (workers: number, seconds: number): SuiteRun => ({
  workers,
  ms: seconds * 1000,
  exitCode: 0,
  tests: '300/300 passed',
  suites: 40,
  fileMs: 60_000,
  longest: { file: 'src/a.spec.ts', ms: 5000 },
  setup: 'reused in 200 ms',
  waitedForLock: false,
  timedOut: false,
});
const suite: SuiteResult[] = [1, 2].map((workers) => ({
  first: run(workers, 80 / workers),
  second: run(workers, 75 / workers),
  others: { busy: 0, samples: 40 },
}));

describe('listing', () => {
  it('joins the last value with "and"', () => {
    expect(listing([1, 4, 8])).toBe('1, 4 and 8');
    expect(listing([1, 8])).toBe('1 and 8');
    expect(listing([8])).toBe('8');
  });
});

describe('testSetupSection', () => {
  it('starts with its heading, then says it is generated, and names the date and machine of the run', () => {
    const lines = testSetupSection(setup, { carried: null }).split('\n');
    expect(lines[0]).toBe(TEST_SETUP_SECTION_HEADING);
    expect(lines[2]).toMatch(/^<!-- Written by `npm run bench:test-setup`.*overwritten\. -->$/);
    expect(lines).toContain(
      'Run on 2026-11-24: Test CPU, 2 cores, 8.0 GiB, Node v20.0.0, PostgreSQL 15.18 (embedded, fsync off), pg_dump (PostgreSQL) 15.18 at /usr/bin/pg_dump.',
    );
  });

  it('holds the global setup table, the pg_dump times and the setup targets of this run', () => {
    const section = testSetupSection(setup, { carried: null });
    expect(section).toMatch(
      /^\| project +\| 8 +\| 150 ms \(149 ms–151 ms\) \| 30 ms \(29 ms–31 ms\) \| 600 ms \(599 ms–601 ms\) +\| 4\.0× +\|$/m,
    );
    expect(section).toMatch(/^\| synthetic +\| 8 +\|.*FAILED at test_1: ERROR: {2}type "test_1\.citext" does not exist \| — +\|$/m);
    expect(section).toContain('One `pg_dump --schema-only`, part of every cold run: project 66 ms (65 ms–67 ms).');
    expect(section).toMatch(/^\| project, cold, 8 schemas +\| 150 ms +\| PASS \(< 1 s\) +\|$/m);
    expect(section).toContain('Preparing the two databases first took 12.3 s, untimed.');
  });

  it('describes the worker counts and repeats the run used, not fixed ones', () => {
    const section = testSetupSection({ ...setup, quick: false, workerCounts: [1, 4, 8], repeats: 5 }, { measured: suite });
    expect(section).toContain('N = 1, 4 and 8 worker schemas');
    expect(section).toContain('median (min–max) of 5 runs');
    expect(section).toContain('A full run: the global setup with N = 1, 4 and 8, then the whole suite.');
  });

  it('explains the citext failure only when the recipe failed on it', () => {
    expect(testSetupSection(setup, { carried: null })).toContain('`public.citext` into `test_1.citext`');
    expect(testSetupSection({ ...setup, rows: rows.slice(0, 1) }, { carried: null })).not.toContain('citext` into');
  });

  it('writes the suite figures of a full run with their date and machine', () => {
    const section = testSetupSection({ ...setup, quick: false }, { measured: suite });
    expect(section).toContain(suiteBlock(suite, machine, setup.date));
    expect(section).toMatch(/^\| suite, 2 workers vs 1 +\| 37\.5 s vs 75\.0 s = 0\.50× \| PASS \(≤ 0\.65×\) \|$/m);
  });

  it('keeps the last full run’s suite figures in a quick run and says they are not from this run', () => {
    const previous = suiteBlock(suite, { ...machine, cpu: 'Older CPU' }, new Date('2026-11-01T00:00:00Z'));
    const section = testSetupSection(setup, { carried: previous });
    expect(section).toContain('Not measured by this quick run; these are the figures of the last full run');
    expect(section).toContain(previous);
    expect(previous).toContain('Measured on 2026-11-01 by a full run, JEST_WORKERS = 1 and 2, on: Older CPU, 2 cores');
  });

  it('says how to measure the suite when no full run has written it yet', () => {
    expect(testSetupSection(setup, { carried: null })).toContain(
      'Not measured yet: `npm run bench:test-setup` (without `--quick`) runs the whole suite',
    );
  });
});

describe('previousSuiteBlock', () => {
  it('finds the suite block a full run wrote, so a quick run can carry it over unchanged', () => {
    const full = testSetupSection({ ...setup, quick: false }, { measured: suite });
    const document = replaceSection('# Performance\n\n## Load\n\nload figures\n', TEST_SETUP_SECTION_HEADING, full);
    const block = previousSuiteBlock(document);
    expect(block).toBe(suiteBlock(suite, machine, setup.date));

    const quick = replaceSection(document, TEST_SETUP_SECTION_HEADING, testSetupSection(setup, { carried: block }));
    expect(previousSuiteBlock(quick)).toBe(block);
    expect(quick).toContain('## Load\n\nload figures\n');
    expect(quick.split(TEST_SETUP_SECTION_HEADING)).toHaveLength(2);
  });

  it('is null when the document has no suite block, or only its start', () => {
    expect(previousSuiteBlock('# Performance\n')).toBeNull();
    expect(previousSuiteBlock('<!-- whole-suite:start -->\n| table |\n')).toBeNull();
  });
});
