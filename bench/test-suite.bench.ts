/**
 * `npm run bench:test-suite [-- --workers N] [--top N] [paths…]`: where the
 * Jest suite's time goes. Runs `jest --json` (every file, or the paths given)
 * and prints the phases of the run (Jest's start and the global setup, the
 * files, the teardown), its CPU, each worker's share and the slowest files.
 * `-- --from <file>` summarises a `jest --json --outputFile=<file>` run
 * instead. Prints only; the figures in docs/performance.md ("Test suite") are
 * copied from its tables by hand, with the machine and its load at the time.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { BusyWatch, describeSection } from './test-setup/busy-watch';
import { describeHost } from './test-setup/machine';
import { globalSetupLine, JestJson, suiteFigures } from './test-suite/suite-figures';
import { phasesTable, RunPhases, slowestFilesTable, workersTable } from './test-suite/suite-report';
import { runJest } from './test-suite/run-suite';
import { parseTestSuiteArgs, TestSuiteCommand } from './test-suite/test-suite-args';

const projectRoot = join(__dirname, '..');
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

async function main(command: TestSuiteCommand): Promise<number> {
  const host = describeHost();
  console.log(`machine: ${host.cpu}, ${host.cores} cores, ${host.memory}, Node ${host.node}; load average ${load()}`);

  let json: JestJson;
  let phases: RunPhases = {};
  let others = '';
  let exitCode: number | null = 0;
  if (command.from) {
    json = JSON.parse(readFileSync(resolve(command.from), 'utf8')) as JestJson;
  } else {
    const what = command.paths.length ? command.paths.join(' ') : 'every test file';
    console.log(`running jest --json with JEST_WORKERS=${command.workers} on ${what} …`);
    const watch = new BusyWatch();
    const run = await runJest({
      projectRoot,
      workDir: join(projectRoot, '.data', 'bench', 'work'),
      workers: command.workers,
      paths: command.paths,
      onStart: (pid) => watch.addOwnGroup(pid),
    }).finally(() => watch.stop());
    others = `; while it ran: ${describeSection(watch.takeSection())}, load average at the end ${load()}`;
    json = run.json;
    exitCode = run.exitCode;
    const figures = suiteFigures(json, projectRoot);
    phases = {
      wallMs: run.exitedAt - run.spawnedAt,
      cpuMs: run.cpuMs ?? undefined,
      beforeFilesMs: run.scheduledAt - run.spawnedAt,
      globalSetup: globalSetupLine(run.output)?.text,
      afterFilesMs: run.exitedAt - (run.scheduledAt + figures.scheduledMs),
    };
  }

  const figures = suiteFigures(json, projectRoot);
  console.log(`\n## Phases${others}\n\n${phasesTable(figures, phases)}`);
  console.log(`\n## Workers (inferred from the files' start and end times)\n\n${workersTable(figures)}`);
  console.log(`\n## The ${Math.min(command.top, figures.files.length)} slowest files\n\n${slowestFilesTable(figures, command.top)}\n`);
  return exitCode === 0 ? 0 : 1;
}

let command: TestSuiteCommand;
try {
  command = parseTestSuiteArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm run bench:test-suite: ${(error as Error).message}`);
  process.exit(2);
}
// Exiting runs runChild's exit hook, which kills the jest process group.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main(command).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench:test-suite failed: ${error.message}`);
    process.exit(1);
  },
);
