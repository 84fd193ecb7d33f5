import type { Machine } from './machine';
import { formatMs, formatSamples } from './samples';
import type { SetupRow } from './setup-timings';
import type { SuiteRun } from './suite-timing';
import { markdownTable, verdict } from './table';

/** One line naming the computer, runtime, server and pg_dump a run was measured on. */
export function machineLine(machine: Machine): string {
  return [`${machine.cpu}, ${machine.cores} cores`, machine.memory, `Node ${machine.node}`, machine.postgres, machine.pgDump].join(', ');
}

export function setupTable(rows: SetupRow[]): string {
  return markdownTable(
    ['schema', 'N', 'this setup, cold', 'this setup, warm', 'reference recipe (always rebuilds)', 'recipe ÷ cold'],
    rows.map((row) => [
      row.subject,
      String(row.workers),
      formatSamples(row.cold),
      formatSamples(row.warm),
      row.reference.ok ? formatSamples(row.reference.samples) : `FAILED at ${row.reference.schema}: ${row.reference.error}`,
      row.reference.ok ? `${(row.reference.samples.median / row.cold.median).toFixed(1)}×` : '—',
    ]),
  );
}

export interface SuiteResult {
  first: SuiteRun;
  second: SuiteRun;
  /** Foreign Jest processes seen during the second run. */
  others: { busy: number; samples: number };
}

export function suiteTable(runs: SuiteResult[]): string {
  const base = runs.find((run) => run.second.workers === 1)?.second.ms;
  return markdownTable(
    [
      'JEST_WORKERS',
      'wall time (round 2)',
      'round 1',
      '÷ 1 worker',
      'tests',
      'files',
      'Σ file time',
      'slowest file',
      'global setup (round 2)',
      'other Jest seen',
    ],
    runs.map(({ first, second, others }) => [
      String(second.workers),
      formatMs(second.ms) + flags(second),
      formatMs(first.ms) + flags(first),
      base ? (second.ms / base).toFixed(2) : '?',
      second.tests,
      String(second.suites),
      formatMs(second.fileMs),
      `${formatMs(second.longest.ms)} ${second.longest.file.split('/').pop()}`,
      second.setup,
      `${others.busy}/${others.samples} s`,
    ]),
  );
}

function flags(run: SuiteRun): string {
  if (run.timedOut) return ' (timed out)';
  if (run.waitedForLock) return ' (waited for another run)';
  return run.exitCode === 0 ? '' : ` (exit ${run.exitCode})`;
}

/** The targets for the global setup, each with PASS/MISS; rows only for the N measured. */
export function setupTargetsTable(setup: SetupRow[]): string {
  const find = (subject: string, workers: number) => setup.find((row) => row.subject === subject && row.workers === workers);
  const rows: string[][] = [];
  const synthetic8 = find('synthetic', 8);
  const project8 = find('project', 8);
  if (synthetic8) {
    rows.push(['synthetic, cold, 8 schemas', formatMs(synthetic8.cold.median), verdict(synthetic8.cold.median <= 2500, '≤ 2.5 s')]);
    rows.push(['synthetic, warm, 8 schemas', formatMs(synthetic8.warm.median), verdict(synthetic8.warm.median <= 300, '≤ 0.3 s')]);
  }
  if (project8) rows.push(['project, cold, 8 schemas', formatMs(project8.cold.median), verdict(project8.cold.median < 1000, '< 1 s')]);
  return markdownTable(['target', 'measured (median)', 'verdict'], rows);
}

/** The targets for the whole suite: each worker count against one worker. */
export function suiteTargetsTable(suite: SuiteResult[]): string {
  const rows: string[][] = [];
  const base = suite.find((run) => run.second.workers === 1)?.second;
  for (const { second } of suite) {
    if (!base || second.workers === 1) continue;
    const ratio = second.ms / base.ms;
    rows.push([
      `suite, ${second.workers} workers vs 1`,
      `${formatMs(second.ms)} vs ${formatMs(base.ms)} = ${ratio.toFixed(2)}×`,
      verdict(ratio <= 0.65, '≤ 0.65×'),
    ]);
  }
  return markdownTable(['target', 'measured (median)', 'verdict'], rows);
}
