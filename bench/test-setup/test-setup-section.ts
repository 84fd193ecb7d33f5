import type { Machine } from './machine';
import { machineLine, setupTable, setupTargetsTable, SuiteResult, suiteTable, suiteTargetsTable } from './report';
import { formatMs, formatSamples, Samples } from './samples';
import type { SetupRow } from './setup-timings';
import { SYNTHETIC_SHAPE } from './synthetic-schema';

/** The heading of the section `npm run bench:test-setup` owns in docs/performance.md; everything up to the next `## ` heading is replaced. */
export const TEST_SETUP_SECTION_HEADING = '## Test setup (`npm run bench:test-setup`)';

/** The whole-suite figures sit between these, so a quick run can carry the last full run's over unchanged. */
const SUITE_START = '<!-- whole-suite:start -->';
const SUITE_END = '<!-- whole-suite:end -->';

/** What one run measured of the global setup, and how. */
export interface SetupFigures {
  date: Date;
  machine: Machine;
  quick: boolean;
  workerCounts: readonly number[];
  repeats: number;
  /** Preparing both databases (the project's `prisma migrate deploy`, the synthetic migration), untimed in the table. */
  prepareMs: number;
  /** Whether other Jest runs were seen while measuring (`describeSection`). */
  others: string;
  rows: SetupRow[];
  pgDump: { subject: string; samples: Samples }[];
}

/** The suite in this run, or (a quick run) the previous section's suite block, or none yet. */
export type SuiteFigures = { measured: SuiteResult[] } | { carried: string | null };

/** `1, 4 and 8`. */
export const listing = (values: readonly (number | string)[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The whole-suite figures of a full run, between markers, with their own date and machine. */
export function suiteBlock(suite: SuiteResult[], machine: Machine, date: Date): string {
  return [
    SUITE_START,
    `Measured on ${day(date)} by a full run, JEST_WORKERS = ${listing(suite.map((run) => run.second.workers))}, on: ${machineLine(machine)}.`,
    '',
    suiteTable(suite),
    '',
    suiteTargetsTable(suite),
    SUITE_END,
  ].join('\n');
}

/** The suite block of a section written earlier, unchanged, or null when there is none. */
export function previousSuiteBlock(document: string): string | null {
  const start = document.indexOf(SUITE_START);
  const end = document.indexOf(SUITE_END, start);
  return start === -1 || end === -1 ? null : document.slice(start, end + SUITE_END.length);
}

/** The whole docs section, generated: what is measured, where it ran, the tables, and how to read them. */
export function testSetupSection(setup: SetupFigures, suite: SuiteFigures): string {
  const counts = listing(setup.workerCounts);
  return [
    TEST_SETUP_SECTION_HEADING,
    '',
    '<!-- Written by `npm run bench:test-setup` (bench/test-setup.bench.ts) on every run; edits here are overwritten. -->',
    '',
    ...method(setup),
    '',
    `Run on ${day(setup.date)}: ${machineLine(setup.machine)}.`,
    setup.quick
      ? `A quick run (\`--quick\`): the global setup with N = ${counts}, the whole suite not run.`
      : `A full run: the global setup with N = ${counts}, then the whole suite.`,
    '',
    '### Global setup',
    '',
    `\`startTestRun\` + \`finish()\`, median (min–max) of ${setup.repeats}. ` +
      `Preparing the two databases first took ${formatMs(setup.prepareMs)}, untimed. While measuring: ${setup.others}.`,
    '',
    setupTable(setup.rows),
    '',
    `One \`pg_dump --schema-only\`, part of every cold run: ${setup.pgDump.map(({ subject, samples }) => `${subject} ${formatSamples(samples)}`).join(', ')}.`,
    '',
    setupTargetsTable(setup.rows),
    '',
    '### Whole suite',
    '',
    ...suiteLines(suite, setup),
    '',
    '### Reading',
    '',
    ...reading(setup.rows),
  ].join('\n');
}

function suiteLines(suite: SuiteFigures, setup: SetupFigures): string[] {
  if ('measured' in suite) return [suiteBlock(suite.measured, setup.machine, setup.date)];
  if (suite.carried === null) {
    return ['Not measured yet: `npm run bench:test-setup` (without `--quick`) runs the whole suite and writes its figures here.'];
  }
  return ['Not measured by this quick run; these are the figures of the last full run, with its own date and machine:', '', suite.carried];
}

function method(setup: SetupFigures): string[] {
  const shape = SYNTHETIC_SHAPE;
  return [
    '`npm run bench:test-setup` measures the Jest global setup and then the whole suite;',
    '`npm run bench:test-setup -- --quick` (what `npm run bench` runs) measures the global setup only.',
    '',
    `- **The global setup**: what \`jest.globalSetup.ts\` spends in the database, timed as \`startTestRun(...)\` plus`,
    '  `finish()` (run lock, test-database guard, `pg_dump` lookup, fingerprint check, and the rebuild if any), for',
    `  N = ${listing(setup.workerCounts)} worker schemas. **Cold**: the fingerprint changed, so the N existing schemas are`,
    '  dropped and rebuilt; the migrations are already applied (the first `prisma migrate deploy` runs once, untimed).',
    `  **Warm**: the fingerprint is unchanged. Each is the median (min–max) of ${setup.repeats} runs. The schemas are the`,
    `  project's own and a generated ${shape.tables}-table schema (\`bench/test-setup/synthetic-schema.ts\`: ${shape.components} components,`,
    `  ${shape.enums} enums, foreign keys within and across components, unique, plain and composite indexes, \`citext\``,
    '  columns, and an audit trigger whose function writes into another table).',
    '- **The reference recipe** for comparison, in the same run: for each clone, one',
    "  `pg_dump --schema-only --schema=public`, `sed 's/public\\./test_N./g'` with the `\\restrict`/`\\unrestrict` lines",
    '  and the `CREATE/ALTER/COMMENT ... SCHEMA public` lines removed, piped to `psql -v ON_ERROR_STOP=1`, one clone',
    '  after another.',
    '- **The whole suite** (full run only): `jest` with `JEST_WORKERS` = 1, 2 and 4 against the usual `.data/test`',
    '  cluster, two rounds alternating between worker counts, and the second round kept (its setup is warm).',
    '',
    'The bench uses its own cluster under `.data/bench` (databases `bench_project` and `bench_synthetic`, recreated',
    'on every run) and stops it at the end. It watches for other Jest runs on the machine while it measures and says',
    'when it saw one; other work on a shared machine moves every figure.',
  ];
}

function reading(rows: SetupRow[]): string[] {
  const citext = rows.some((row) => !row.reference.ok && row.reference.error.includes('citext'));
  return [
    'A cold setup costs a fixed part, about the warm time (connections, run lock, guard, `pg_dump --version`,',
    'catalog queries), plus one `pg_dump` of `public`, plus the N clone scripts. The scripts run in parallel, but only',
    'as many at a time as there are cores, so on a small machine each extra schema still adds to a cold run. The',
    'recipe pays a `pg_dump` and a `psql` start for every clone, one after the other: for one schema it can beat the',
    'setup, which does its fixed work first, but its cost grows with every clone.' +
      (citext
        ? " On the synthetic schema it fails on the first clone, because the blind replace turns the extension's" +
          '\n`public.citext` into `test_1.citext`.'
        : ''),
    '',
    'The whole suite: the Jest workers share the cores with PostgreSQL, headless Chromium and the child processes',
    'some suites start (the architecture rules run dependency-cruiser and ESLint), so the sum of per-file times',
    '(Σ file time) rises with the worker count, and more workers than cores only add contention. `npm test`',
    'therefore defaults to `JEST_WORKERS=2`; on a machine with more cores, set it to the core count. An early run',
    'of this bench measured 2 workers slower than 1 (1.10×): ts-jest 29.4.5 silently ignored the `transpilation`',
    'option then in `jest.config.js`, so every worker built a full TypeScript language service (2–5 s each).',
    '`isolatedModules: true` in `tsconfig.json` makes ts-jest transpile file by file.',
  ];
}
