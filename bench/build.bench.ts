// `npm run bench:build`: component discovery + schema checks on synthetic
// trees of 10, 100 and 1,000 components (cold and warm), a no-op
// `npm run build` against webpack's own start, and one schema edit in watch
// mode. Prints the tables and writes them into docs/performance.md.
// `--skip-watch` / `--skip-noop` leave those parts out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSection, type BuildBenchResult, BUILD_SECTION_HEADING } from './build/build-report';
import { benchDiscovery } from './build/discovery-bench';
import { benchNoopBuild } from './build/noop-build-bench';
import { benchWatch } from './build/watch-bench';
import { replaceSection } from './load/load-report';
import { describeHost } from './test-setup/machine';

const PROJECT_ROOT = join(__dirname, '..');

/** For a future `npm run bench`: runs every part and returns the figures and the docs section. */
export async function runBuildBench(
  options: { watch?: boolean; noop?: boolean; log?: (line: string) => void } = {},
): Promise<{ result: BuildBenchResult; section: string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const result: BuildBenchResult = { discovery: await benchDiscovery([10, 100, 1000], 3, log) };
  if (options.noop !== false) result.noop = await benchNoopBuild(PROJECT_ROOT, 3, log);
  if (options.watch !== false) result.watch = await benchWatch(PROJECT_ROOT, log);
  return { result, section: buildSection(result, describeHost(), new Date()) };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  void runBuildBench({ watch: !args.includes('--skip-watch'), noop: !args.includes('--skip-noop') }).then(
    ({ section }) => {
      console.log(`\n${section}`);
      const docs = join(PROJECT_ROOT, 'docs', 'performance.md');
      writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), BUILD_SECTION_HEADING, section));
    },
    (error: Error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  );
}
