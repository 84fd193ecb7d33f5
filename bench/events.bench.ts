/**
 * `npm run bench:events [-- --quick]`: the job queue under events, jobs and
 * schedules. graphile-worker and pg-boss used directly (enqueue, drain,
 * latency idle and at 200/s, publish-and-deliver), then the platform
 * (EventPublisher and @OnEvent on a bench-only component) the same way,
 * plus what one publish adds to a write transaction; all in one run on the
 * bench's own PostgreSQL under .data/bench-events (bench/events/). Prints
 * the tables and writes them to docs/performance.md. Targets are reported,
 * not enforced: exit code 1 only when the run itself fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { abortOnSignals } from './load/abort-on-signals';
import { giveUpAfter } from './load/give-up-after';
import { replaceSection } from './load/load-report';
import { Teardown } from './load/teardown';
import { UsageError } from './errors/usage.error';
import { EventsBenchOptions, parseEventsBenchOptions } from './events/events-options';
import { EVENTS_SECTION_HEADING, eventsSection } from './events/events-report';
import { runEventsBench } from './events/run-events-bench';

/** The full run takes about 4 minutes on 2 cores; a busy machine gets twice that before the watchdog fires. */
const BUDGET_S = 8 * 60;

const log = (line: string) => console.log(line);

async function main(options: EventsBenchOptions, abort: AbortController, teardown: Teardown): Promise<void> {
  const projectRoot = join(__dirname, '..');
  // Prisma (migrations) and the embedded binaries resolve paths from the working directory.
  process.chdir(projectRoot);
  const run = await runEventsBench(options, { projectRoot, teardown, signal: abort.signal, log });
  const section = eventsSection(run);
  log(`\n${section}`);
  const docs = join(projectRoot, 'docs', 'performance.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), EVENTS_SECTION_HEADING, section));
  log(`\nwritten to docs/performance.md (section "${EVENTS_SECTION_HEADING}")`);
}

function run(): void {
  let options: EventsBenchOptions;
  try {
    options = parseEventsBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm run bench:events: ${error.message}`);
    process.exit(2);
  }
  const teardown = new Teardown(log);
  const abort = abortOnSignals(log, 'stopping the workers and PostgreSQL');
  giveUpAfter('npm run bench:events', BUDGET_S);

  let code = 1;
  void main(options, abort, teardown)
    .then(
      () => (code = 0),
      (error: Error) => {
        code = abort.signal.aborted ? 130 : 1;
        console.error(`npm run bench:events failed: ${error.stack ?? error.message}`);
      },
    )
    .finally(async () => {
      await teardown.stopAll();
      process.exit(code);
    });
}

run();
