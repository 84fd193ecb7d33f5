import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locatePgDump } from '../../src/testing/worker-schemas/pg-dump-locator';
import { replaceSection } from '../load/load-report';
import { startBenchCluster } from './bench-cluster';
import { BusyWatch, describeSection } from './busy-watch';
import { describeMachine } from './machine';
import { machineLine, setupTable, setupTargetsTable, SuiteResult, suiteTable, suiteTargetsTable } from './report';
import { formatMs, formatSamples } from './samples';
import { measureSetup, SetupRow, timePgDump } from './setup-timings';
import { prepareProjectSubject, prepareSyntheticSubject } from './subjects';
import { runSuite, SuiteRun } from './suite-timing';
import { REPEATS, SUITE_WORKERS, TestSetupBenchOptions, WORKER_COUNTS } from './test-setup-modes';
export { FULL_RUN, QUICK_RUN } from './test-setup-modes';
import { previousSuiteBlock, SetupFigures, SuiteFigures, TEST_SETUP_SECTION_HEADING, testSetupSection } from './test-setup-section';

export interface TestSetupBenchResult {
  setup: SetupRow[];
  /** Null when the suite was not run. */
  suite: SuiteResult[] | null;
  /** The docs section as written (or as it would be, with `writeDocs: false`). */
  section: string;
}

/**
 * Measures the global setup (and, with `suite`, the whole suite) on the
 * bench's own cluster under .data/bench, prints the tables, and writes its
 * section of docs/performance.md. Stops the cluster at the end, also when the
 * process exits early (a hook on `exit`): a caller's SIGINT handler or
 * watchdog only has to call process.exit. Changes the working directory to
 * the project root, where the Prisma CLI finds prisma.config.ts.
 */
export async function runTestSetupBench(options: TestSetupBenchOptions): Promise<TestSetupBenchResult> {
  const { workerCounts = WORKER_COUNTS, repeats = REPEATS, suiteWorkers = SUITE_WORKERS, writeDocs = true } = options;
  const projectRoot = join(__dirname, '..', '..');
  process.chdir(projectRoot);
  const workDir = join(projectRoot, '.data', 'bench', 'work');
  mkdirSync(workDir, { recursive: true });

  const cluster = await startBenchCluster(projectRoot);
  const stopNow = () => cluster.stopSync();
  process.once('exit', stopNow);
  if (!cluster.startedHere) console.log('note: the bench cluster (.data/bench) was already running; it is left running at the end');
  const watch = new BusyWatch();

  try {
    const pgDump = locatePgDump(15).path;
    const machine = await describeMachine(cluster.ownerUrl, pgDump);
    console.log(`machine: ${machineLine(machine)}`);

    console.log('preparing bench_project (prisma migrate deploy, untimed) and bench_synthetic …');
    const prepareStarted = performance.now();
    const subjects = [await prepareProjectSubject(cluster, projectRoot, workDir), await prepareSyntheticSubject(cluster, workDir)];
    const prepareMs = performance.now() - prepareStarted;
    watch.takeSection();
    const rows: SetupRow[] = [];
    for (const subject of subjects) {
      for (const workers of workerCounts) {
        console.log(`measuring ${subject.label}, N=${workers}: cold ×${repeats}, warm ×${repeats}, reference recipe ×${repeats} …`);
        rows.push(await measureSetup(subject, workers, repeats, projectRoot, pgDump));
      }
    }
    const others = describeSection(watch.takeSection());
    const dumps = [];
    for (const subject of subjects) dumps.push({ subject: subject.label, samples: await timePgDump(subject, repeats, pgDump) });
    console.log(
      `\n## Global setup: startTestRun + finish, median (min–max) of ${repeats}\n\n` +
        `Preparing the databases took ${formatMs(prepareMs)}, untimed. While measuring: ${others}.\n`,
    );
    console.log(setupTable(rows));
    console.log(`\none pg_dump --schema-only: ${dumps.map((dump) => `${dump.subject} ${formatSamples(dump.samples)}`).join(', ')}`);
    console.log(`\n${setupTargetsTable(rows)}\n`);

    const suite = options.suite ? await measureSuite(projectRoot, workDir, suiteWorkers, watch) : null;
    if (suite)
      console.log(`\n## Whole suite (jest, .data/test cluster), wall time\n\n${suiteTable(suite)}\n\n${suiteTargetsTable(suite)}\n`);

    const figures: SetupFigures = {
      date: new Date(),
      machine,
      quick: !options.suite,
      workerCounts,
      repeats,
      prepareMs,
      others,
      rows,
      pgDump: dumps,
    };
    const docs = join(projectRoot, 'docs', 'performance.md');
    const document = readFileSync(docs, 'utf8');
    const suiteFigures: SuiteFigures = suite ? { measured: suite } : { carried: previousSuiteBlock(document) };
    const section = testSetupSection(figures, suiteFigures);
    if (writeDocs) {
      writeFileSync(docs, replaceSection(document, TEST_SETUP_SECTION_HEADING, section));
      console.log(`written to docs/performance.md (section "${TEST_SETUP_SECTION_HEADING}")`);
    }
    return { setup: rows, suite, section };
  } finally {
    watch.stop();
    process.off('exit', stopNow);
    await cluster.stop();
  }
}

/**
 * Two rounds over all worker counts, keeping the second: its global setup is
 * warm, and interleaving spreads slow drift (and tests others add meanwhile)
 * over every worker count instead of one.
 */
async function measureSuite(
  projectRoot: string,
  workDir: string,
  suiteWorkers: readonly number[],
  watch: BusyWatch,
): Promise<SuiteResult[]> {
  const rounds: { run: SuiteRun; others: { busy: number; samples: number } }[][] = [[], []];
  for (const round of rounds) {
    for (const workers of suiteWorkers) {
      console.log(
        `${round === rounds[0] && workers === suiteWorkers[0] ? '\n' : ''}suite round ${rounds.indexOf(round) + 1}, JEST_WORKERS=${workers} …`,
      );
      watch.takeSection();
      const run = await runSuite(projectRoot, workDir, workers, (pid) => watch.addOwnGroup(pid));
      round.push({ run, others: watch.takeSection() });
    }
  }
  return suiteWorkers.map((_, i) => ({ first: rounds[0][i].run, second: rounds[1][i].run, others: rounds[1][i].others }));
}
