// The docs/performance.md section `npm run bench:build` writes.
import type { Host } from '../test-setup/machine';
import { formatSamples, formatMs } from '../test-setup/samples';
import { markdownTable, verdict } from '../test-setup/table';
import type { DiscoveryRow } from './discovery-bench';
import type { NoopBuildResult } from './noop-build-bench';
import type { WatchResult } from './watch-bench';

export const BUILD_SECTION_HEADING = '## Build (`npm run bench:build`)';
export const DISCOVERY_TARGET_MS = 300;
export const NOOP_TARGET_MS = 20;

export interface BuildBenchResult {
  discovery: DiscoveryRow[];
  noop?: NoopBuildResult;
  watch?: WatchResult;
}

export function buildSection(result: BuildBenchResult, host: Host, date: Date): string {
  const thousand = result.discovery.find((row) => row.components === 1000);
  const discoveryTable = markdownTable(
    ['components', 'cold: discovery', 'cold: schema checks', 'warm: discovery', 'warm: schema checks', 'warm: total', 'target'],
    result.discovery.map((row) => [
      String(row.components),
      formatMs(row.cold.discovery),
      formatMs(row.cold.checks),
      formatSamples(row.warm.discovery),
      formatSamples(row.warm.checks),
      formatSamples(row.warm.total),
      row.components === 1000 ? verdict(row.warm.total.median < DISCOVERY_TARGET_MS, `< ${DISCOVERY_TARGET_MS} ms`) : '',
    ]),
  );
  const lines = [
    BUILD_SECTION_HEADING,
    '',
    '<!-- Written by `npm run bench:build` (bench/build.bench.ts) on every run; edits here are overwritten. -->',
    '',
    `Run on ${date.toISOString().slice(0, 10)}: ${host.cpu}, ${host.cores} cores, ${host.memory}, Node ${host.node}.`,
    'The machine was shared with other work, so single figures vary by tens of percent; medians (min–max) where repeated.',
    '',
    '### Discovery and schema checks',
    '',
    'Synthetic trees (bench/build/synthetic-components.ts): metadata, a module and a schema of two models and an enum',
    'per component, each relating to the first. Each run is a new process and counts loading the build code.',
    '"Cold" has no cache in node_modules/.cache (the first build after `npm ci`); "warm" is every later build.',
    '',
    discoveryTable,
    '',
  ];
  if (thousand) lines.push(`1,000 components, warm: ${formatMs(thousand.warm.total.median)} (target < ${DISCOVERY_TARGET_MS} ms).`, '');
  if (result.noop) {
    const difference = result.noop.noop.median - result.noop.webpackStart.median;
    lines.push(
      '### No-op build',
      '',
      '`npm run build` with nothing changed since the last build, against webpack’s own start: `npm exec tsx webpack-cli` on an',
      'empty entry without plugins or loaders (bench/build/empty.webpack.config.ts). Both through npm. "Forced" is the same no-op',
      'with `-- --force`, through webpack, its filesystem cache and the build plugins: what the stamp saves.',
      '',
      markdownTable(
        ['no-op `npm run build`', 'webpack’s own start', 'difference', 'forced through webpack', 'target'],
        [
          [
            formatSamples(result.noop.noop),
            formatSamples(result.noop.webpackStart),
            `${difference >= 0 ? '+' : '−'}${formatMs(Math.abs(difference))}`,
            formatSamples(result.noop.forced),
            verdict(difference < NOOP_TARGET_MS, `< +${NOOP_TARGET_MS} ms`),
          ],
        ],
      ),
      '',
    );
  }
  if (result.watch) {
    const { regeneratedMs, firstBuildMs, note } = result.watch;
    lines.push(
      '### Watch mode: one schema edit to a regenerated client',
      '',
      'webpack watch with the project’s config (as `npm run dev`, without database and server) in a temporary copy; one field',
      'added to `DemoPost`, timed until `node_modules/.prisma/client/index.d.ts` declares it.',
      '',
      markdownTable(
        ['first watch build', 'edit → client has the field'],
        [
          [
            firstBuildMs === undefined ? '—' : formatMs(firstBuildMs),
            regeneratedMs === undefined ? `— (${note ?? 'not measured'})` : formatMs(regeneratedMs),
          ],
        ],
      ),
      '',
    );
  }
  return lines.join('\n');
}
