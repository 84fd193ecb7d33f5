import type { Host } from '../test-setup/machine';
import { markdownTable } from '../test-setup/table';
import { FAST_PATH_LABELS, FastPathName } from './fast-path-workloads';
import { VARIANT_LABELS, VariantName, CONCURRENCY, OPERATIONS } from './query-workloads';

export const QUERIES_SECTION_HEADING = '## Queries (`npm run bench:queries`)';

interface WorkloadFigures {
  cpuMs: number;
  wallMs: number;
  planCacheHits: number;
}

export interface QueryRow {
  variant: VariantName;
  list: WorkloadFigures;
  byId: WorkloadFigures;
}

interface FastPathFigures {
  cpuMs: number;
  wallMs: number;
  /** SQL statements sent per operation run alone. */
  statements: number;
  /** The same, CONCURRENCY at a time. */
  statementsConcurrent: number;
}

export interface FastPathRow {
  path: FastPathName;
  list: FastPathFigures;
  session: FastPathFigures;
}

const ms = (value: number) => value.toFixed(3);
const times = (value: number, base: number | undefined) => (base ? `${(value / base).toFixed(1)}×` : '—');
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
/** Statements per call alone, and 8 at a time where that differs (Prisma batching concurrent findUnique calls). */
const statements = ({ statements: alone, statementsConcurrent: concurrent }: FastPathFigures) =>
  Math.abs(concurrent - alone) < 0.01 ? count(alone) : `${count(alone)} (${count(concurrent)} at ${CONCURRENCY})`;

export function queriesTable(rows: readonly QueryRow[]): string {
  const pg = rows.find((row) => row.variant === 'pg');
  return markdownTable(
    [
      'reads',
      'list: CPU ms',
      'list: wall ms',
      'list ÷ pg (CPU)',
      'by id: CPU ms',
      'by id: wall ms',
      'by id ÷ pg (CPU)',
      'plan cache hits (list / by id)',
    ],
    rows.map(({ variant, list, byId }) => [
      VARIANT_LABELS[variant],
      ms(list.cpuMs),
      ms(list.wallMs),
      times(list.cpuMs, pg?.list.cpuMs),
      ms(byId.cpuMs),
      ms(byId.wallMs),
      times(byId.cpuMs, pg?.byId.cpuMs),
      `${list.planCacheHits} / ${byId.planCacheHits}`,
    ]),
  );
}

/** The candidates for the fast read path side by side, each as a multiple of node-postgres alone. */
export function fastPathTable(rows: readonly FastPathRow[]): string {
  const pg = rows.find((row) => row.path === 'pg');
  return markdownTable(
    [
      'read path',
      'list: CPU ms',
      'list: wall ms',
      'list: statements',
      'list ÷ pg (CPU)',
      'session: CPU ms',
      'session: wall ms',
      'session: statements',
      'session ÷ pg (CPU)',
    ],
    rows.map(({ path, list, session }) => [
      FAST_PATH_LABELS[path],
      ms(list.cpuMs),
      ms(list.wallMs),
      statements(list),
      times(list.cpuMs, pg?.list.cpuMs),
      ms(session.cpuMs),
      ms(session.wallMs),
      statements(session),
      times(session.cpuMs, pg?.session.cpuMs),
    ]),
  );
}

/** The whole docs section, generated on every run. */
export function queriesSection(
  rows: readonly QueryRow[],
  fastPaths: readonly FastPathRow[],
  machine: Host & { postgres: string },
  date: Date,
): string {
  return [
    QUERIES_SECTION_HEADING,
    '',
    '<!-- Written by `npm run bench:queries` (bench/queries/) on every run; edits here are overwritten. -->',
    '',
    `Run on ${date.toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, ${machine.postgres}.`,
    '',
    `What the database layer costs the app per operation, ${CONCURRENCY} at a time, ${OPERATIONS} operations after a warm-up,`,
    'each way in a process of its own, medians of 2 rounds in alternating order. **list** is the demo page’s two reads',
    '(page 1: 20 posts with their authors, and the count), the same every time. **by id** is one post with its author',
    'by id, a different id every time (5,000 posts): the case a cache of exact requests cannot help. CPU is the Node',
    'process’s own (user + system); the database’s CPU is not in it. Wall time is per operation at that concurrency.',
    '',
    queriesTable(rows),
    '',
    'The candidates for the fast read path (docs/performance.md, "Choosing the fast read path"), measured the same way.',
    '**list** here is the page as a signed-out reader gets it (only visible posts, as the service filters them);',
    '**session** is a signed-in request’s session check, the session and its user, a different one of 1,000 sessions',
    'every time. Statements are those sent to PostgreSQL per operation run alone, and 8 at a time where that differs.',
    '',
    fastPathTable(fastPaths),
  ].join('\n');
}
