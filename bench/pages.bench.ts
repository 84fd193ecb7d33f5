/**
 * `npm run bench:pages [-- --profile --rounds <n> --duration <s> --connections <n>]`:
 * the app's `GET /demo/posts` (20, and 50 on one page), plain, signed in
 * (20 per page, a reader's session cookie) and with metrics or tracing on,
 * against a bare limit and a plain peer on the same data
 * (bench/pages/pages-bench.ts).
 * Uses its own cluster under .data/bench-pages, stops everything it started
 * (also on Ctrl-C), prints the table and writes it to docs/performance.md.
 * Exit code 1 when a server fails or answers anything but the page; the
 * targets are reported, met or not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { abortOnSignals } from './load/abort-on-signals';
import { giveUpAfter } from './load/give-up-after';
import { replaceSection } from './load/load-report';
import { Teardown } from './load/teardown';
import { cpuProfileTable } from './pages/cpu-profile-summary';
import { runPagesBench, SERVER_ORDER } from './pages/pages-bench';
import { PagesOptions, parsePagesOptions } from './pages/pages-options';
import { UsageError } from './errors/usage.error';
import { PAGES_SECTION_HEADING, pagesSection } from './pages/pages-report';
import { PAGE_SIZES } from './pages/page-sizes';

/** Build (when sources changed), cluster start, server starts, the profile run. */
const SETUP_ALLOWANCE_S = 12 * 60;

const log = (line: string) => console.log(line);

async function main(options: PagesOptions, abort: AbortController, teardown: Teardown): Promise<number> {
  const projectRoot = join(__dirname, '..');
  // The app, the Prisma CLI (migrations) and the embedded binaries resolve paths from the working directory.
  process.chdir(projectRoot);
  const started = performance.now();
  const result = await runPagesBench(options, { projectRoot, teardown, signal: abort.signal, log });
  let section = pagesSection(result.run, result.verdicts);
  if (result.profile) {
    const { summary, file } = result.profile;
    // In the docs too: the profile is what says where the app's time goes next to the limit.
    section += [
      '',
      '',
      `The app’s CPU under load (\`--profile\`: one more ${options.durationS} s run of the app alone at 20 per page, \`${relative(projectRoot, file)}\`):`,
      `${summary.busyMs.toFixed(0)} ms busy of ${summary.sampledMs.toFixed(0)} ms sampled; the top 25 functions by self time:`,
      '',
      cpuProfileTable(summary, 25),
    ].join('\n');
  }
  log(`\n${section}`);
  const docs = join(projectRoot, 'docs', 'performance.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), PAGES_SECTION_HEADING, section));
  log(`\nwritten to docs/performance.md (section "${PAGES_SECTION_HEADING}") after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const missed = result.verdicts.filter((v) => !v.met);
  log(missed.length === 0 ? 'every target met' : `targets missed: ${missed.map((v) => v.label).join('; ')}`);
  return 0;
}

function run(): void {
  let options: PagesOptions;
  try {
    options = parsePagesOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run bench:pages: ${error.message}`);
    process.exit(2);
  }
  const teardown = new Teardown(log);
  const abort = abortOnSignals(log, 'stopping the servers and PostgreSQL after this measurement');
  const measuredS =
    options.rounds * SERVER_ORDER.length * PAGE_SIZES.length * options.durationS +
    // The signed-in row: one more page on the plain app's process.
    options.rounds * options.durationS +
    SERVER_ORDER.length * options.warmupS +
    (options.profile ? options.durationS : 0);
  const budgetS = SETUP_ALLOWANCE_S + 2 * measuredS;
  giveUpAfter('npm run bench:pages', budgetS);

  let code = 1;
  void main(options, abort, teardown)
    .then(
      (result) => (code = result),
      (error: Error) => {
        code = abort.signal.aborted ? 130 : 1;
        console.error(`npm run bench:pages failed: ${error.message}`);
      },
    )
    .finally(async () => {
      await teardown.stopAll();
      process.exit(code);
    });
}

run();
