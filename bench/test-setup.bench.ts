/**
 * `npm run bench:test-setup`: how long the test global setup takes to give N
 * workers their schemas, cold and warm, on the project's schema and on a
 * synthetic 30-table one, next to the pg_dump | sed | psql recipe; then the
 * whole suite's wall time with 1 worker and with more. Uses its own cluster
 * under .data/bench and stops it at the end. Results: docs/performance.md.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { locatePgDump } from '../src/testing/worker-schemas/pg-dump-locator';
import { startBenchCluster } from './test-setup/bench-cluster';
import { BusyWatch, describeSection } from './test-setup/busy-watch';
import { describeMachine } from './test-setup/machine';
import { machineTable, setupTable, SuiteResult, suiteTable, targetsTable } from './test-setup/report';
import { formatSamples } from './test-setup/samples';
import { measureSetup, SetupRow, timePgDump } from './test-setup/setup-timings';
import { prepareProjectSubject, prepareSyntheticSubject } from './test-setup/subjects';
import { runSuite, SuiteRun } from './test-setup/suite-timing';
import { SYNTHETIC_SHAPE } from './test-setup/synthetic-schema';

const WORKER_COUNTS = [1, 4, 8];
const SUITE_WORKERS = [1, 2, 4];
const REPEATS = 3;
const BENCH_TIMEOUT_MS = 30 * 60_000;

async function main(): Promise<void> {
  const projectRoot = join(__dirname, '..');
  // runMigrateDeploy finds the Prisma CLI and prisma.config.ts from the working directory.
  process.chdir(projectRoot);
  const workDir = join(projectRoot, '.data', 'bench', 'work');
  mkdirSync(workDir, { recursive: true });

  const cluster = await startBenchCluster(projectRoot);
  const stopNow = () => cluster.stopSync();
  process.once('exit', stopNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  setTimeout(() => {
    console.error(`bench:test-setup: still running after ${BENCH_TIMEOUT_MS / 60_000} min; stopping its cluster and giving up`);
    process.exit(1);
  }, BENCH_TIMEOUT_MS).unref();
  if (!cluster.startedHere) console.log('note: the bench cluster (.data/bench) was already running; it is left running at the end');
  const watch = new BusyWatch();

  try {
    const pgDump = locatePgDump(15).path;
    console.log(`\n## Machine\n\n${machineTable(await describeMachine(cluster.ownerUrl, pgDump))}\n`);

    console.log('preparing bench_project (prisma migrate deploy, untimed) and bench_synthetic …');
    const subjects = [await prepareProjectSubject(cluster, projectRoot, workDir), await prepareSyntheticSubject(cluster, workDir)];
    watch.takeSection();
    const setupRows: SetupRow[] = [];
    for (const subject of subjects) {
      for (const workers of WORKER_COUNTS) {
        console.log(`measuring ${subject.label}, N=${workers}: cold ×${REPEATS}, warm ×${REPEATS}, reference recipe ×${REPEATS} …`);
        setupRows.push(await measureSetup(subject, workers, REPEATS, projectRoot, pgDump));
      }
    }
    console.log(`\n## Global setup: startTestRun + finish, median (min–max) of ${REPEATS}\n`);
    console.log(
      `synthetic = ${SYNTHETIC_SHAPE.tables} tables in ${SYNTHETIC_SHAPE.components} components, ${SYNTHETIC_SHAPE.enums} enums, citext, ${SYNTHETIC_SHAPE.triggers} audit triggers.`,
    );
    console.log(
      'cold = fingerprint changed, N existing schemas dropped and rebuilt (migrations already applied); warm = fingerprint unchanged.',
    );
    console.log(`While measuring: ${describeSection(watch.takeSection())}.\n`);
    console.log(setupTable(setupRows));
    for (const subject of subjects) {
      console.log(
        `\none pg_dump --schema-only of ${subject.label} (part of every cold run): ${formatSamples(await timePgDump(subject, REPEATS, pgDump))}`,
      );
    }

    // Two rounds over all worker counts, keeping the second: its global setup
    // is warm, and interleaving spreads slow drift (and tests others add
    // meanwhile) over every worker count instead of one.
    const rounds: { run: SuiteRun; others: { busy: number; samples: number } }[][] = [[], []];
    for (const round of rounds) {
      for (const workers of SUITE_WORKERS) {
        console.log(
          `${round === rounds[0] && workers === SUITE_WORKERS[0] ? '\n' : ''}suite round ${rounds.indexOf(round) + 1}, JEST_WORKERS=${workers} …`,
        );
        watch.takeSection();
        const run = await runSuite(projectRoot, workDir, workers, (pid) => watch.addOwnGroup(pid));
        round.push({ run, others: watch.takeSection() });
      }
    }
    const suite: SuiteResult[] = SUITE_WORKERS.map((_, i) => ({
      first: rounds[0][i].run,
      second: rounds[1][i].run,
      others: rounds[1][i].others,
    }));
    console.log(`\n## Whole suite (jest, .data/test cluster), wall time\n\n${suiteTable(suite)}`);
    console.log(`\n## Targets\n\n${targetsTable(setupRows, suite)}\n`);
  } finally {
    watch.stop();
    process.off('exit', stopNow);
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:test-setup failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
