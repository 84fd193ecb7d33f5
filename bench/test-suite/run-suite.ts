import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runChild } from '../test-setup/child-process';
import type { JestJson } from './suite-figures';

export interface MeasuredRun {
  json: JestJson;
  /** Jest's console output (stdout and stderr). */
  output: string;
  exitCode: number | null;
  /** User + system CPU of Jest and every process it waited for (workers, commands tests run); not the detached PostgreSQL server. */
  cpuMs: number | null;
  /** Epoch ms: the process started, Jest began scheduling files (after the global setup), the process ended. */
  spawnedAt: number;
  scheduledAt: number;
  exitedAt: number;
}

const RUN_TIMEOUT_MS = 20 * 60_000;

/**
 * `jest --json` with JEST_WORKERS=`workers` on `paths` (all files when
 * empty), from the project's own jest binary, against its usual `.data/test`
 * cluster (a DATABASE_URL of the caller's environment is removed so every run
 * measures the same thing). Never throws for failing tests: their times count too.
 */
export async function runJest(options: {
  projectRoot: string;
  workDir: string;
  workers: number;
  paths: readonly string[];
  onStart?: (pid: number) => void;
}): Promise<MeasuredRun> {
  const { projectRoot, workDir, workers, paths } = options;
  const jest = createRequire(join(projectRoot, 'package.json')).resolve('jest/bin/jest');
  const env: NodeJS.ProcessEnv = { ...process.env, JEST_WORKERS: String(workers) };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  mkdirSync(workDir, { recursive: true });
  const jsonFile = join(workDir, `test-suite-${workers}.json`);
  rmSync(jsonFile, { force: true });
  const spawnedAt = Date.now();
  // bash's `times`, after Jest exits, prints the CPU of its waited-for descendants: steadier than wall time on a shared machine.
  const script = 'node=$1; shift; "$node" "$@"; code=$?; times >&2; exit $code';
  const result = await runChild('bash', ['-c', script, 'bash', process.execPath, jest, '--json', `--outputFile=${jsonFile}`, ...paths], {
    cwd: projectRoot,
    env,
    timeoutMs: RUN_TIMEOUT_MS,
    onStart: options.onStart,
  });
  const exitedAt = Date.now();
  const output = `${result.stdout}\n${result.stderr}`;
  if (!existsSync(jsonFile)) {
    const reason = result.timedOut ? `it ran over ${RUN_TIMEOUT_MS / 60_000} min and was stopped` : `it exited with ${result.code}`;
    throw new Error(`jest wrote no ${jsonFile}: ${reason}; its last output:\n${output.trim().split('\n').slice(-15).join('\n')}`);
  }
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as JestJson;
  return { json, output, exitCode: result.code, cpuMs: childrenCpuMs(result.stderr), spawnedAt, scheduledAt: json.startTime, exitedAt };
}

/** The children's user + system time from the two lines bash's `times` ends `output` with (`0m1.992s 0m0.004s`). */
export function childrenCpuMs(output: string): number | null {
  const match = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(output);
  if (!match) return null;
  const [, userMin, userS, sysMin, sysS] = match.map(Number);
  return Math.round((userMin * 60 + userS + sysMin * 60 + sysS) * 1000);
}
