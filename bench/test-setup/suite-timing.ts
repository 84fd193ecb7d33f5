import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { runChild } from './child-process';

export interface SuiteRun {
  workers: number;
  ms: number;
  exitCode: number | null;
  tests: string;
  suites: number;
  /** Sum of every test file's own run time: the work to share out. */
  fileMs: number;
  /** The slowest test file: no worker count gets below it. */
  longest: { file: string; ms: number };
  /** The global setup's own line: `… worker schemas reused … in N ms`. */
  setup: string;
  /** Another test run held the run lock, so this one waited and its time means little. */
  waitedForLock: boolean;
  timedOut: boolean;
}

interface JestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  testResults: { name: string; startTime: number; endTime: number }[];
}

const SUITE_TIMEOUT_MS = 10 * 60_000;

/**
 * The whole Jest suite with JEST_WORKERS=`workers`, started from the
 * project's own jest binary against its usual `.data/test` cluster. Any
 * DATABASE_URL of the caller's environment is removed so every run measures
 * the same thing. `--json` adds per-file run times; the console output is unchanged.
 */
export async function runSuite(projectRoot: string, workDir: string, workers: number, onStart: (pid: number) => void): Promise<SuiteRun> {
  const jest = createRequire(join(projectRoot, 'package.json')).resolve('jest/bin/jest');
  const env: NodeJS.ProcessEnv = { ...process.env, JEST_WORKERS: String(workers) };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  const jsonFile = join(workDir, `jest-${workers}.json`);
  rmSync(jsonFile, { force: true });
  const result = await runChild(process.execPath, [jest, '--json', `--outputFile=${jsonFile}`], {
    cwd: projectRoot,
    env,
    timeoutMs: SUITE_TIMEOUT_MS,
    onStart,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const json = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as JestJson) : null;
  const files = (json?.testResults ?? []).map((file) => ({ file: relative(projectRoot, file.name), ms: file.endTime - file.startTime }));
  return {
    workers,
    ms: result.ms,
    exitCode: result.code,
    tests: json ? `${json.numPassedTests}/${json.numTotalTests} passed` : '?',
    suites: json?.numTotalTestSuites ?? 0,
    fileMs: files.reduce((sum, file) => sum + file.ms, 0),
    longest: files.reduce((a, b) => (b.ms > a.ms ? b : a), { file: '?', ms: 0 }),
    setup: /^test database \S+: (.+)$/m.exec(output)?.[1]?.trim() ?? '?',
    waitedForLock: /another test run is using this database/.test(output),
    timedOut: result.timedOut,
  };
}
