/**
 * `npm run test:stability -- --runs 3 --workers 2 --busy 0`: runs the whole
 * Jest suite N times, one after the other, optionally while K busy loops
 * compete for the CPU, and prints each run's result and wall time, the tests
 * that failed, and a table for docs/testing.md. A run that fails is a defect
 * to fix, never bad luck: the suite asserts no wall-clock times and no
 * interleavings (docs/testing.md#stability).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startBusyLoops } from './test-stability/busy-loops';
import { readStabilityArgs } from './test-stability/stability-args';
import { runChild } from './test-setup/child-process';
import { describeHost } from './test-setup/machine';

interface JestJson {
  numPassedTests: number;
  numTotalTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

interface RunResult {
  exitCode: number | null;
  seconds: number;
  passed: string;
  failed: string[];
  timedOut: boolean;
}

const projectRoot = join(__dirname, '..');
/** Only a hang gets this far: a busy 2-core machine runs the suite in well under it. */
const RUN_TIMEOUT_MS = 40 * 60_000;

async function runSuiteOnce(workers: number, workDir: string, index: number): Promise<RunResult> {
  const jsonFile = join(workDir, `run-${index}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, JEST_WORKERS: String(workers) };
  const result = await runChild(process.execPath, [require.resolve('jest/bin/jest'), '--json', `--outputFile=${jsonFile}`], {
    cwd: projectRoot,
    env,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  const json = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as JestJson) : undefined;
  const failed = (json?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((test) => test.status === 'failed').map((test) => `${relative(projectRoot, file.name)}: ${test.fullName}`),
  );
  if (result.code !== 0 && failed.length === 0)
    failed.push(`(no failed test named; the end of Jest's output:)\n${result.stderr.slice(-3000)}`);
  // Not a failed test, but a test that left something running (a server, a timer, a child process).
  if (/A worker process has failed to exit gracefully/.test(result.stderr)) failed.push('Jest: a worker process failed to exit gracefully');
  return {
    exitCode: result.code,
    seconds: Math.round(result.ms / 1000),
    passed: json ? `${json.numPassedTests}/${json.numTotalTests}` : '?',
    failed,
    timedOut: result.timedOut,
  };
}

async function main(): Promise<number> {
  const options = readStabilityArgs(process.argv.slice(2));
  const host = describeHost();
  const workDir = mkdtempSync(join(tmpdir(), 'test-stability-'));
  const busy = startBusyLoops(options.busy);
  const results: RunResult[] = [];
  console.log(
    `test:stability: ${options.runs} run(s), JEST_WORKERS=${options.workers}, ${options.busy} busy loop(s); ${host.cores} cores, ${host.memory}, ${host.cpu}, Node ${host.node}`,
  );
  try {
    for (let index = 1; index <= options.runs; index++) {
      const result = await runSuiteOnce(options.workers, workDir, index);
      results.push(result);
      const verdict = result.timedOut
        ? 'TIMED OUT'
        : result.exitCode !== 0
          ? `FAILED (exit ${result.exitCode})`
          : result.failed.length > 0
            ? 'NOT CLEAN'
            : 'green';
      console.log(`run ${index}/${options.runs}: ${verdict}, ${result.passed} tests passed, ${result.seconds} s`);
      for (const failure of result.failed) console.log(`  failed: ${failure}`);
    }
  } finally {
    busy.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const clean = (result: RunResult) => result.exitCode === 0 && result.failed.length === 0;
  const green = results.filter(clean).length;
  console.log(`\n${green} of ${results.length} runs green\n`);
  console.log('| run | JEST_WORKERS | busy loops | result | tests passed | wall time |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  results.forEach((result, i) =>
    console.log(
      `| ${i + 1} | ${options.workers} | ${options.busy} | ${clean(result) ? 'green' : 'failed'} | ${result.passed} | ${result.seconds} s |`,
    ),
  );
  return green === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
