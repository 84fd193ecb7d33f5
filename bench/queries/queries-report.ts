import type { Host } from '../test-setup/machine';
import { markdownTable } from '../test-setup/table';
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

const ms = (value: number) => value.toFixed(3);

export function queriesTable(rows: readonly QueryRow[]): string {
  const pg = rows.find((row) => row.variant === 'pg');
  const times = (value: number, base: number | undefined) => (base ? `${(value / base).toFixed(1)}×` : '—');
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

/** The whole docs section, generated on every run. */
export function queriesSection(rows: readonly QueryRow[], machine: Host & { postgres: string }, date: Date): string {
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
  ].join('\n');
}
